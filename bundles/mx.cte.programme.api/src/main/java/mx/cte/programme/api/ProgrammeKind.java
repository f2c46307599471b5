package mx.cte.programme.api;

import java.util.List;
import java.util.Optional;
import mx.cte.core.api.names.WireNamed;
import mx.cte.core.api.names.WireNames;

/**
 * Which plan the school writes: the PEMC diagnoses and acts by the eight areas (ámbitos) the SEP set in 2019; the Ruta
 * de Mejora of 2014-2019 by its four priorities.
 */
public enum ProgrammeKind implements WireNamed {
    PEMC("pemc", "Programa Escolar de Mejora Continua", List.of(
            new Area("aprovechamiento", "Aprovechamiento académico y asistencia de los alumnos"),
            new Area("practicas", "Prácticas docentes y directivas"),
            new Area("formacion", "Formación docente"),
            new Area("planes", "Avance de los planes y programas educativos"),
            new Area("comunidad", "Participación de la comunidad"),
            new Area("autoridad", "Desempeño de la autoridad escolar"),
            new Area("infraestructura", "Infraestructura y equipamiento"),
            new Area("carga-administrativa", "Carga administrativa"))),
    RUTA_DE_MEJORA("ruta-mejora", "Ruta de Mejora Escolar", List.of(
            new Area("normalidad-minima", "Normalidad mínima de operación escolar"),
            new Area("aprendizajes", "Mejora de los aprendizajes"),
            new Area("rezago-abandono", "Abatir el rezago y el abandono escolar"),
            new Area("convivencia", "Convivencia escolar sana y pacífica")));

    /** An area of the diagnosis and of the actions: its key on the wire and the name the SEP gives it. */
    public record Area(String key, String title) {
    }

    private final String wireName;
    private final String title;
    private final List<Area> areas;

    ProgrammeKind(String wireName, String title, List<Area> areas) {
        this.wireName = wireName;
        this.title = title;
        this.areas = areas;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    public List<Area> areas() {
        return areas;
    }

    public Optional<Area> area(String key) {
        return areas.stream().filter(a -> a.key().equals(key)).findFirst();
    }

    public static Optional<ProgrammeKind> parse(String wireName) {
        return WireNames.find(ProgrammeKind.class, wireName);
    }
}
