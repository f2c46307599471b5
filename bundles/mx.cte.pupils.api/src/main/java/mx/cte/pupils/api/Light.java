package mx.cte.pupils.api;

import java.util.Optional;
import mx.cte.core.api.names.WireNamed;
import mx.cte.core.api.names.WireNames;

/** The teacher's assessment of a pupil in one area, as a traffic light. */
public enum Light implements WireNamed {
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

    @Override
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
        return WireNames.find(Light.class, wireName);
    }
}
