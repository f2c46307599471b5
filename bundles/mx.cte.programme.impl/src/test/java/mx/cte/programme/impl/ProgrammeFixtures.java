package mx.cte.programme.impl;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import mx.cte.programme.api.Action;
import mx.cte.programme.api.Goal;
import mx.cte.programme.api.Objective;
import mx.cte.programme.api.ProgrammeContent;

/** A primary school's PEMC of 2019-2020 as a collective would write it: one objective, two actions. */
final class ProgrammeFixtures {

    static final String CYCLE = "2019-2020";
    static final String SESSION = "SEP:2019-2020:primaria:ordinaria-3";

    private ProgrammeFixtures() {
    }

    static Objective reading(String id) {
        return new Objective(id, "Incrementar", "el porcentaje de alumnos de 3° que leen con fluidez", "porcentaje",
                "80", LocalDate.of(2020, 6, 30), List.of("aprovechamiento"), List.of(new Goal(null,
                        "60 % al cierre del primer trimestre", LocalDate.of(2019, 12, 13))));
    }

    static Action readingAloud(String id, String objective) {
        return new Action(id, objective, "practicas", "Lectura en voz alta diaria de 15 minutos en cada grupo",
                List.of("Docentes de 3°"), "Biblioteca de aula", LocalDate.of(2019, 9, 2), LocalDate.of(2020, 6, 30),
                "Palabras por minuto en la toma de lectura de cada bimestre");
    }

    static Action families(String id, String objective) {
        return new Action(id, objective, "comunidad", "Préstamo de libros a las familias los viernes",
                List.of("Directora", "Comité de lectura"), "", LocalDate.of(2019, 10, 4), LocalDate.of(2020, 6, 26),
                "Libros prestados por mes");
    }

    static ProgrammeContent pemc() {
        return new ProgrammeContent(Map.of("aprovechamiento", "El 45 % de los alumnos de 3° no lee con fluidez."),
                List.of(reading("")), List.of(readingAloud("", "o1"), families("", "o1")));
    }
}
