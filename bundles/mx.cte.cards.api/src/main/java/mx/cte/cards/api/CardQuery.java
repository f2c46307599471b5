package mx.cte.cards.api;

/**
 * A search of the school's card library.
 *
 * @param text     words that must all appear (in any field, ignoring case and accents), or empty
 * @param grade    only cards for this grade, or 0
 * @param decision only cards with this decision, or null
 * @param period   only cards of this period, or empty
 */
public record CardQuery(String text, int grade, Decision decision, String period) {

    public CardQuery {
        text = text == null ? "" : text.strip();
        period = period == null ? "" : period.strip();
    }

    public static CardQuery all() {
        return new CardQuery("", 0, null, "");
    }
}
