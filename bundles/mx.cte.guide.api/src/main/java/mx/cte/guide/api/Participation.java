package mx.cte.guide.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One way of taking part in an activity, as the guide prints it: "En parejas", "Cada equipo", "Quien coordina". An
 * activity has one or several ("Cada equipo expone su propuesta … para recibir comentarios del colectivo").
 *
 * @param id    a short name without accents; the common ones ({@link #commonLabels()}) need no label in a descriptor
 * @param label what the screen shows, in Spanish
 */
public record Participation(String id, String label) {

    private static final Map<String, String> COMMON = commonTable();

    public Participation {
        label = label == null || label.isBlank() ? commonLabel(id).orElse(id) : label;
    }

    private static Map<String, String> commonTable() {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("individual", "Individual");
        common.put("parejas", "En parejas");
        common.put("equipo-por-grado", "En equipos por grado");
        common.put("equipo", "En equipos");
        common.put("colectivo", "En colectivo");
        common.put("quien-coordina", "Quien coordina la sesión");
        common.put("director", "Director");
        common.put("familias", "Con las familias");
        common.put("invitados", "Con invitados");
        common.put("entre-escuelas", "Entre escuelas");
        common.put("consejo-de-zona", "Consejo Técnico de Zona");
        return Map.copyOf(common);
    }

    /** The participations a descriptor may name by id alone, with the label shown for each. */
    public static Map<String, String> commonLabels() {
        return COMMON;
    }

    public static Optional<String> commonLabel(String id) {
        return Optional.ofNullable(COMMON.get(id));
    }

    /** A common participation by its id, e.g. {@code colectivo}. */
    public static Participation common(String id) {
        return new Participation(id, null);
    }
}
