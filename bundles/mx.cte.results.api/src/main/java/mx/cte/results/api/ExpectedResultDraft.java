package mx.cte.results.api;

/**
 * What the collective writes for one expected result.
 *
 * @param grade        the grade it is for
 * @param group        the group's name, or null for the whole grade
 * @param area         its indicator area, one of {@link IndicatorAreas#DEFAULTS} or the school's own
 * @param text         the expected result
 * @param rmeObjective the Ruta de Mejora Escolar objective it serves, may be empty
 * @param rmeGoal      the goal (meta) it serves, may be empty
 */
public record ExpectedResultDraft(int grade, String group, String area, String text, String rmeObjective,
        String rmeGoal) {

    public ExpectedResultDraft {
        group = group == null || group.isBlank() ? null : group.strip();
        area = area == null ? "" : area.strip();
        text = text == null ? "" : text.strip();
        rmeObjective = rmeObjective == null ? "" : rmeObjective.strip();
        rmeGoal = rmeGoal == null ? "" : rmeGoal.strip();
    }
}
