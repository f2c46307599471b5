package mx.cte.schools.api;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A school year as the SEP writes it: two years in a row, {@code 2019-2020}. It runs from August to July: the SEP's
 * calendars start it in late August and end it in July.
 */
public final class SchoolYears {

    private static final Pattern CYCLE = Pattern.compile("(\\d{4})-(\\d{4})");

    private SchoolYears() {
    }

    /** What is wrong with {@code cycle}, in words for the school; empty when it is a school year. */
    public static Optional<String> problem(String cycle) {
        Matcher matcher = cycle == null ? null : CYCLE.matcher(cycle);
        if (matcher == null || !matcher.matches()
                || Integer.parseInt(matcher.group(2)) != Integer.parseInt(matcher.group(1)) + 1) {
            return Optional.of("el ciclo escolar se escribe como dos años seguidos, por ejemplo 2019-2020, no '"
                    + cycle + "'");
        }
        return Optional.empty();
    }

    /**
     * The last day of the school year, 31 July of its second year.
     *
     * @throws IllegalArgumentException when {@code cycle} is not a school year
     */
    public static LocalDate end(String cycle) {
        problem(cycle).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return LocalDate.of(Integer.parseInt(cycle.substring(5)), 7, 31);
    }

    /** The school year {@code day} is in: from 1 August, the year that starts then ({@code 2026-08-01} → 2026-2027). */
    public static String of(LocalDate day) {
        int first = day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1;
        return first + "-" + (first + 1);
    }
}
