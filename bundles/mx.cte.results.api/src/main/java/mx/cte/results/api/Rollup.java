package mx.cte.results.api;

import java.util.List;
import java.util.Map;

/**
 * Counts of assessments by indicator area, grade and progress over the schools (for a supervisor) or zones (for a
 * state authority) of a period. Only what schools have published is counted; the rest are listed as not published.
 *
 * @param units  one line per school or per zone
 * @param byArea totals per indicator area
 * @param byGrade totals per grade
 */
public record Rollup(String scope, Period period, List<Unit> units, Map<String, Tally> byArea,
        Map<Integer, Tally> byGrade, Tally total) {

    public Rollup {
        units = List.copyOf(units);
        byArea = Map.copyOf(byArea);
        byGrade = Map.copyOf(byGrade);
    }

    /**
     * @param key         a CCT or a zone key
     * @param published   for a school, whether it published the period; for a zone, how many of its schools did
     * @param schools     for a zone, its schools; 1 for a school
     */
    public record Unit(String key, String name, int published, int schools, Map<String, Tally> byArea, Tally total) {

        public Unit {
            byArea = Map.copyOf(byArea);
        }
    }
}
