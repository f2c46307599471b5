package mx.cte.programme.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An objective as the SEP asks it to be written: a verb, an indicator, its metric and target, and the date it is to
 * be reached ("Incrementar | el porcentaje de alumnos de 3° que leen con fluidez | porcentaje | 80 | 2020-06-30"), the
 * areas it serves and its goals.
 *
 * @param id the programme's key for it ({@code o1}, {@code o2}…); null or blank for a new one, given on save
 */
public record Objective(String id, String verb, String indicator, String metric, String target, LocalDate date,
        List<String> areas, List<Goal> goals) {

    public Objective {
        areas = areas == null ? List.of() : List.copyOf(areas);
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    /** The objective read as one sentence, as printed. */
    public String sentence() {
        return verb + " " + indicator + " a " + target + " (" + metric + ") para el " + date;
    }
}
