package mx.cte.guide.api;

import java.net.URL;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The guides installed in the platform, as guide bundles, with their status. Every read sees one consistent
 * snapshot: an edition being installed or replaced is either wholly visible or not at all.
 */
@ProviderType
public interface GuideRegistry {

    /** Every valid edition of every guide, ordered by guide key, then by version (newest first). */
    List<GuideEdition> editions();

    /** The editions of one guide, newest first; empty if the key is unknown. */
    List<GuideEdition> editions(GuideId id);

    /** One edition of one guide. */
    Optional<GuideEdition> edition(GuideId id, String version);

    /** The active edition of a guide, if any of its editions is satisfied. */
    Optional<GuideEdition> active(GuideId id);

    /** Guide bundles whose descriptors were refused, with their problems. */
    List<RefusedGuide> refused();

    /** Product types currently provided by installed modules, by id. */
    List<ProductTypeInfo> productTypes();

    /**
     * The edition chosen for a guide and the one serving, with the reason when they differ; empty for a guide no
     * edition of which was ever usable.
     *
     * @since 1.1
     */
    Optional<EditionChoice> choice(GuideId id);

    /**
     * Makes an edition the active one of its guide; the choice survives restarts and refused updates. If that edition
     * can no longer serve, the newest satisfied edition serves instead, as a visible fallback ({@link #choice}), until
     * the chosen one returns.
     *
     * @return the edition, now active
     * @throws GuideActivationException if the edition is not installed or is unsatisfied
     */
    GuideEdition activate(GuideId id, String version) throws GuideActivationException;

    /**
     * An administrator's explicit decision to let an edition older than the newest installed edition of its guide be
     * installed (a rollback, which is otherwise refused so that nobody can bring back a superseded edition by
     * dropping its old, validly signed jar). Audited; kept across restarts; a bundle of that edition already
     * installed and refused for being older is read again.
     */
    void allowOlderEdition(GuideId id, String version);

    /**
     * A file an edition's text shows (an image, {@link Block.Image#src()}), read from its guide bundle beside the
     * descriptor; empty for a path the guide does not name, so nothing else in the bundle is reachable.
     *
     * @since 2.0
     */
    Optional<URL> file(GuideId id, String version, String path);
}
