package mx.cte.pupils.api;

import java.util.Arrays;
import java.util.Optional;

/** The teacher's assessment of a pupil in one area, as a traffic light. */
public enum Light {
    ESPERADO("esperado", "Nivel esperado", "verde"),
    EN_DESARROLLO("en-desarrollo", "En desarrollo", "amarillo"),
    REQUIERE_APOYO("requiere-apoyo", "Requiere apoyo", "rojo");

    private final String wireName;
    private final String title;
    private final String colour;

    Light(String wireName, String title, String colour) {
        this.wireName = wireName;
        this.title = title;
        this.colour = colour;
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    /** The colour of the light, as teachers name it. */
    public String colour() {
        return colour;
    }

    public static Optional<Light> parse(String wireName) {
        return Arrays.stream(values()).filter(l -> l.wireName.equals(wireName)).findFirst();
    }
}
