package mx.cte.cards.api;

import java.util.List;
import mx.cte.schools.api.Cct;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The school's intervention cards. Callers check the school scope; every change is audited. Invalid content raises
 * {@link IllegalArgumentException} naming the field; an unknown card {@link java.util.NoSuchElementException}; a stale
 * version {@code mx.cte.storage.api.StaleVersionException}.
 */
@ProviderType
public interface InterventionCards {

    InterventionCard create(Cct school, CardDraft draft, String author);

    InterventionCard update(Cct school, long id, CardDraft draft, long expectedVersion, String author);

    /** Removes a card that has no follow-up yet (one with follow-up is part of the school's history). */
    void remove(Cct school, long id, long expectedVersion, String author);

    InterventionCard card(Cct school, long id);

    /** The library, newest first. */
    List<InterventionCard> search(Cct school, CardQuery query);

    /**
     * Adds a comment or suggestion to a card and answers with it as stored (not the whole card: a card of a long
     * session gathers hundreds of comments, and the one who wrote knows the rest).
     */
    CardComment comment(Cct school, long id, boolean suggestion, String text, String author);

    /**
     * Changes a comment's text, or whether it is a suggestion; only its author does ({@link SecurityException} for
     * anyone else).
     */
    InterventionCard changeComment(Cct school, long id, long commentId, boolean suggestion, String text,
            String author);

    /** Removes a comment: its author does, or the school's director ({@link SecurityException} for anyone else). */
    InterventionCard removeComment(Cct school, long id, long commentId, String by, boolean director);

    InterventionCard decide(Cct school, long id, Decision decision, String note, long expectedVersion, String author);

    /**
     * Copies another school's card into this school's library with attribution: challenges and materials in words,
     * no groups, the copying person as responsible, pending decision. The caller checks that the schools may share
     * (they exchange in the same group).
     */
    InterventionCard copy(Cct from, long id, Cct to, String author);

    InterventionCard followUp(Cct school, long id, String session, boolean applied, String observedResults,
            String author);
}
