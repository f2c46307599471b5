package mx.cte.pupils.api;

import java.util.Optional;
import mx.cte.core.api.names.WireNamed;
import mx.cte.core.api.names.WireNames;

/** The risk, as the teacher sees it, that the pupil leaves school. */
public enum Risk implements WireNamed {
    BAJO("bajo", "Bajo"),
    MEDIO("medio", "Medio"),
    ALTO("alto", "Alto");

    private final String wireName;
    private final String title;

    Risk(String wireName, String title) {
        this.wireName = wireName;
        this.title = title;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    public static Optional<Risk> parse(String wireName) {
        return WireNames.find(Risk.class, wireName);
    }
}
