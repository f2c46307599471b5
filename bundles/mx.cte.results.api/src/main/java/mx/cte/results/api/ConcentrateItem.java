package mx.cte.results.api;

import java.util.List;
import mx.cte.core.api.names.WireNamed;
import mx.cte.core.api.names.WireNames;

/**
 * A line of the school concentrate (activity 6), with its link to the Ruta de Mejora Escolar (activity 7).
 *
 * @param grades          the grades it concerns
 * @param rmeContribution how attending it serves the Ruta de Mejora's objectives and goals
 * @param version         0 for a proposal not yet saved
 */
public record ConcentrateItem(long id, Kind kind, String area, List<Integer> grades, String text,
        String rmeObjective, String rmeGoal, String rmeContribution, long version) {

    public ConcentrateItem {
        area = area == null ? "" : area.strip();
        grades = grades == null ? List.of() : grades.stream().distinct().sorted().toList();
        text = text == null ? "" : text.strip();
        rmeObjective = rmeObjective == null ? "" : rmeObjective.strip();
        rmeGoal = rmeGoal == null ? "" : rmeGoal.strip();
        rmeContribution = rmeContribution == null ? "" : rmeContribution.strip();
    }

    /** An achievement of the period, or a challenge for the next months. */
    public enum Kind implements WireNamed {
        LOGRO("logro"), DESAFIO("desafio");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }

        /** @throws IllegalArgumentException naming the values it accepts */
        public static Kind parse(String text) {
            return WireNames.parse(Kind.class, text, "tipo", "un tipo de renglón");
        }
    }
}
