package mx.cte.results.api;

import java.util.List;

/**
 * The indicator areas the third-session guide names for following up learning (criterion f of activity 8). A school
 * or a guide may add others; these are offered first.
 */
public final class IndicatorAreas {

    public static final List<String> DEFAULTS = List.of("Lenguaje oral", "Lenguaje escrito", "Pensamiento matemático",
            "Participación en clase", "Convivencia");

    private IndicatorAreas() {
    }
}
