package mx.cte.programme.api;

import java.time.LocalDate;

/**
 * A goal (meta) of an objective: a measurable step towards it, by a date.
 *
 * @param id the programme's key for it ({@code m1}…); null or blank for a new one, given on save
 */
public record Goal(String id, String text, LocalDate date) {
}
