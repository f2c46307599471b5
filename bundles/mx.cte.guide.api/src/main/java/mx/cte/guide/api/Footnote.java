package mx.cte.guide.api;

/**
 * A footnote of the guide.
 *
 * @param id   its mark as printed, e.g. {@code 1}
 * @param text its text
 */
public record Footnote(String id, String text) {
}
