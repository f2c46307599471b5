package mx.cte.programme.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school year as the SEP writes it: two years in a row, {@code 2019-2020}. */
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
}
