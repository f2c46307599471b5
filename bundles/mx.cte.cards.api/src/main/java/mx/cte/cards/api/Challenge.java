package mx.cte.cards.api;

/**
 * A challenge a card attends.
 *
 * @param concentrateItemId the line of the school concentrate it is, or 0 when written by hand
 * @param text              the challenge as the concentrate says it (copied when linked, so the card reads the same
 *                          later)
 */
public record Challenge(long concentrateItemId, String text) {

    public Challenge {
        text = text == null ? "" : text.strip();
    }
}
