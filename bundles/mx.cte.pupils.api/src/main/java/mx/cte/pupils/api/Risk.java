package mx.cte.pupils.api;

import java.util.Arrays;
import java.util.Optional;

/** The risk, as the teacher sees it, that the pupil leaves school. */
public enum Risk {
    BAJO("bajo", "Bajo"),
    MEDIO("medio", "Medio"),
    ALTO("alto", "Alto");

    private final String wireName;
    private final String title;

    Risk(String wireName, String title) {
        this.wireName = wireName;
        this.title = title;
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    public static Optional<Risk> parse(String wireName) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(wireName)).findFirst();
    }
}
