package mx.cte.schools.api;

import java.util.Optional;

/** The levels of basic education, each with its grades. */
public enum Level {
    PREESCOLAR("preescolar", "Preescolar", 3),
    PRIMARIA("primaria", "Primaria", 6),
    SECUNDARIA("secundaria", "Secundaria", 3);

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
        return Optional.empty();
    }
}
