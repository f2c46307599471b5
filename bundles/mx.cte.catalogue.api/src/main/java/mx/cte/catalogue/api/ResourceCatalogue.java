package mx.cte.catalogue.api;

import java.util.List;
import java.util.Optional;
import mx.cte.schools.api.Cct;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The catalogue. Callers check the school scope; every change is audited. Invalid content raises
 * {@link IllegalArgumentException} naming the field; an unknown or unreachable resource
 * {@link java.util.NoSuchElementException}; a stale version {@code mx.cte.storage.api.StaleVersionException}; a
 * change to a pack's entry {@link IllegalStateException}.
 */
@ProviderType
public interface ResourceCatalogue {

    Resource add(Cct school, ResourceDraft draft, String author);

    /** Copies a resource the school can see (a pack's entry, another school's shared one) into its own catalogue. */
    Resource adopt(Cct school, long resourceId, String author);

    Resource update(Cct school, long id, ResourceDraft draft, long expectedVersion, String author);

    void remove(Cct school, long id, long expectedVersion, String author);

    /** A resource the school can see: its own, a pack's, or (state-wide) one another school of its state shares. */
    Optional<Resource> find(Cct school, long id);

    ResourcePage search(Cct school, ResourceQuery query);

    /** The criteria a guide defines for organising materials (activities that produce clasificacion-recursos). */
    List<Classification> criteria(String session);

    /** Places one of the school's own resources under these criteria of the guide, replacing that guide's. */
    Resource classify(Cct school, long id, String session, List<String> criteria, long expectedVersion,
            String author);

    Selection select(Cct school, String period, long resourceId, long challengeId, String note, String author);

    void unselect(Cct school, long selectionId, String author);

    List<Selection> selection(Cct school, String period);

    /** The installed packs and, after them, the refused ones. */
    List<ResourcePack> packs();
}
