package mx.cte.cards.api;

import java.time.Instant;

/**
 * What a later session records of a card: whether it was applied and what results were observed.
 *
 * @param session the session it was recorded in
 */
public record FollowUp(long id, String session, boolean applied, String observedResults, String author,
        Instant createdAt) {
}
