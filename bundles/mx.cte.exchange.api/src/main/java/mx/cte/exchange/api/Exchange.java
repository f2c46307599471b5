package mx.cte.exchange.api;

import java.util.List;
import java.util.Optional;
import mx.cte.cards.api.InterventionCard;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.State;
import mx.cte.schools.api.ZoneId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The exchange between schools. Callers check the school, zone and state scope; every change is audited. Invalid
 * content raises {@link IllegalArgumentException} naming the field; an unknown record
 * {@link java.util.NoSuchElementException}; a stale version {@code mx.cte.storage.api.StaleVersionException}; an
 * action between schools that are not in the same confirmed group {@link SecurityException}.
 */
@ProviderType
public interface Exchange {

    // activities 14 to 19: texts by activity; activity 0 means "the first activity of the session's guide that
    // yields this kind" (edits written before texts were kept per activity), refused when the guide has none

    /** Every text the school has in the session, by activity and kind. */
    List<CollectiveText> texts(Cct school, String session);

    /** One activity's text, empty (version 0) while nobody contributed. */
    CollectiveText text(Cct school, String session, int activity, TextKind kind);

    Contribution contribute(Cct school, String session, int activity, TextKind kind, String reading, String text,
            String author);

    void removeContribution(Cct school, long id, String author);

    CollectiveText writeText(Cct school, String session, int activity, TextKind kind, String text,
            long expectedVersion, String author);

    // activity 20

    /**
     * A presentation drafted from what the school has: the challenges of its concentrate for {@code period}, its
     * intervention cards and their follow-up, the resources it selected, and its logbook; nothing is saved.
     */
    Presentation draft(Cct school, String session, String period);

    Optional<Presentation> presentation(Cct school, String session);

    /** The presentations a zone's schools published for a session, by school: what its supervision reads. */
    List<Presentation> publishedPresentations(ZoneId zone, String session);

    Presentation savePresentation(Cct school, Presentation presentation, long expectedVersion, String author);

    /**
     * Shares the presentation with the zone, or withdraws it: refused with
     * {@code mx.cte.core.api.errors.ConflictException} once the supervision confirmed the session's exchange groups
     * with the school in one.
     */
    Presentation publish(Cct school, String session, boolean published, String author);

    // the zone exchange

    /** Groups of the zone's schools with common problems, from their published presentations. */
    Matching suggestZone(ZoneId zone, String session, int groupSize);

    /** The same across a whole state, for its authority. */
    Matching suggestState(State state, String session, int groupSize);

    /** Replaces the zone's groups for the session with these (each of two or more of its schools). */
    List<ExchangeGroup> confirmGroups(ZoneId zone, String session, List<List<Cct>> groups, String author);

    List<ExchangeGroup> groups(ZoneId zone, String session);

    /** The schools of the school's confirmed group, without it. */
    List<Cct> peers(Cct school, String session);

    PeerMessage send(Cct from, String session, Cct to, MessageKind kind, String text, String author);

    /** What the school sent and received in the session, oldest first. */
    List<PeerMessage> messages(Cct school, String session);

    /** A peer's published presentation, for the schools of its group. */
    Optional<Presentation> peerPresentation(Cct school, String session, Cct peer);

    /** A peer's intervention cards, for the schools of its group to choose from. */
    List<InterventionCard> peerCards(Cct school, String session, Cct peer);

    /** Copies a peer's card into the school's library, saying where it comes from. */
    InterventionCard copyCard(Cct school, String session, Cct peer, long cardId, String author);
}
