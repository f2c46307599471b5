package mx.cte.guide.api;

/**
 * A classification criterion an activity offers (e.g. activity 8's "a) Porque brindan estrategias didácticas…").
 * Modules that classify things (the resource catalogue) take their criteria from the active guide, not from code.
 *
 * @param key  its mark as printed, e.g. {@code a}
 * @param text its text
 */
public record Criterion(String key, String text) {
}
