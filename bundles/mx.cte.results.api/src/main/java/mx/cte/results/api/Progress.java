package mx.cte.results.api;

import mx.cte.core.api.names.WireNamed;
import mx.cte.core.api.names.WireNames;

/** How far a group has come on an expected result, shown as a traffic light. */
public enum Progress implements WireNamed {
    LOGRADO("logrado", "verde"),
    EN_PROCESO("en-proceso", "amarillo"),
    SIN_AVANCE("sin-avance", "rojo");

    private final String wireName;
    private final String light;

    Progress(String wireName, String light) {
        this.wireName = wireName;
        this.light = light;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The traffic-light colour the UI shows: verde, amarillo, rojo. */
    public String light() {
        return light;
    }

    /** @throws IllegalArgumentException naming the values it accepts */
    public static Progress parse(String text) {
        return WireNames.parse(Progress.class, text, "avance", "un avance");
    }
}
