package mx.cte.programme.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An action of the programme: what is done, for which objective and area, by whom, with what, when, and how its
 * effect is measured.
 *
 * @param id           the programme's key for it ({@code a1}…); null or blank for a new one, given on save
 * @param objective    the {@link Objective#id()} it serves
 * @param responsibles who carries it out, as the school names them ("Directora", "Docentes de 3°")
 */
public record Action(String id, String objective, String area, String text, List<String> responsibles,
        String resources, LocalDate start, LocalDate end, String measure) {

    public Action {
        responsibles = responsibles == null ? List.of() : List.copyOf(responsibles);
    }
}
