package mx.cte.exchange.api;

import java.time.Instant;
import java.util.List;
import mx.cte.schools.api.Cct;

/**
 * A school's presentation of its problem for the exchange (activity 20): simple and quick, made from what the school
 * already has.
 *
 * @param actions   the actions taken so far
 * @param results   the results so far
 * @param practices the practices that helped
 * @param areas     the indicator areas it concerns
 * @param grades    the grades it concerns
 * @param version   0 for a draft not saved yet
 */
public record Presentation(Cct school, String session, String problem, String causes, String actions,
        String results, String practices, List<String> areas, List<Integer> grades, Instant publishedAt,
        long version) {

    public Presentation {
        problem = strip(problem);
        causes = strip(causes);
        actions = strip(actions);
        results = strip(results);
        practices = strip(practices);
        areas = areas == null ? List.of() : List.copyOf(areas);
        grades = grades == null ? List.of() : grades.stream().distinct().sorted().toList();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    public boolean published() {
        return publishedAt != null;
    }
}
