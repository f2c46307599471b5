package mx.cte.schools.api;

import java.util.Optional;

/**
 * The levels of basic education, each with its grades, and special education: a CAM (Centro de Atención Múltiple)
 * serves pupils of several levels in one school, so it is imported as a level of its own, with {@link Modality#ESPECIAL}.
 */
public enum Level {
    /** Educación inicial: lactantes, maternales and the first year before preescolar, as grades 1 to 3. */
    INICIAL("inicial", "Inicial", 3),
    PREESCOLAR("preescolar", "Preescolar", 3),
    PRIMARIA("primaria", "Primaria", 6),
    SECUNDARIA("secundaria", "Secundaria", 3),
    /** A CAM: its groups follow the grades of primaria, the widest span it serves. */
    ESPECIAL("especial", "Educación especial", 6);

    private final String wireName;
    private final String displayName;
    private final int grades;

    Level(String wireName, String displayName, int grades) {
        this.wireName = wireName;
        this.displayName = displayName;
        this.grades = grades;
    }

    /** As the API and the database write it. */
    public String wireName() {
        return wireName;
    }

    public String displayName() {
        return displayName;
    }

    /** How many grades the level has: its grades are 1 to this number. */
    public int grades() {
        return grades;
    }

    /** Accepts {@code preescolar}, {@code PREESCOLAR}, {@code Educación Preescolar}, … */
    public static Optional<Level> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = Texts.fold(text).replaceFirst("^educacion ", "");
        for (Level level : values()) {
            if (level.wireName.equals(folded)) {
                return Optional.of(level);
            }
        }
        return switch (folded) {
            case "cam", "centro de atencion multiple" -> Optional.of(ESPECIAL);
            case "telesecundaria" -> Optional.of(SECUNDARIA);
            case "preescolar indigena", "preescolar comunitario" -> Optional.of(PREESCOLAR);
            case "primaria indigena", "primaria comunitaria" -> Optional.of(PRIMARIA);
            default -> Optional.empty();
        };
    }
}
