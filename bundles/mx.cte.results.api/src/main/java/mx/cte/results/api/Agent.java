package mx.cte.results.api;

import java.util.Arrays;

/**
 * The educational agents who, besides the group's teacher, reflect on a group and share it with them (footnote 1 of
 * the third-session guide).
 */
public enum Agent {
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

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    /** @throws IllegalArgumentException naming the values it accepts */
    public static Agent parse(String text) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("agente: '" + text + "' no es un agente; use "
                        + String.join(", ", Arrays.stream(values()).map(Agent::wireName).toList())));
    }
}
