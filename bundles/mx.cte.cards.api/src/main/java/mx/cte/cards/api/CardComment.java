package mx.cte.cards.api;

import java.time.Instant;

/**
 * A comment or suggestion from the collective on a card (activity 11).
 *
 * @param suggestion a suggestion to strengthen it, rather than a comment
 */
public record CardComment(long id, boolean suggestion, String text, String author, Instant createdAt) {
}
