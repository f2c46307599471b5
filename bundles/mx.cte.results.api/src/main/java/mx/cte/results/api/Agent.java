package mx.cte.results.api;

import mx.cte.core.api.names.WireNamed;
import mx.cte.core.api.names.WireNames;

/**
 * The educational agents who, besides the group's teacher, reflect on a group and share it with them (footnote 1 of
 * the third-session guide).
 */
public enum Agent implements WireNamed {
    EDUCACION_FISICA("educacion-fisica", "Educación Física"),
    INGLES("ingles", "Inglés"),
    MUSICA("musica", "Música"),
    COMPUTO("computo", "Cómputo"),
    USAER("usaer", "USAER"),
    OTRO("otro", "Otro agente educativo");

    private final String wireName;
    private final String title;

    Agent(String wireName, String title) {
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

    /** @throws IllegalArgumentException naming the values it accepts */
    public static Agent parse(String text) {
        return WireNames.parse(Agent.class, text, "agente", "un agente");
    }
}
