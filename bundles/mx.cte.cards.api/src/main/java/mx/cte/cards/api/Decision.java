package mx.cte.cards.api;

import java.util.Arrays;

/** What the collective decided about a card (activity 12). */
public enum Decision {
    PENDIENTE("pendiente", "Pendiente de decisión"),
    ESTRATEGIA_GLOBAL("estrategia-global", "Se incorpora a la Estrategia Global de Mejora Escolar"),
    REDISENAR("redisenar", "Se diseña una nueva propuesta");

    private final String wireName;
    private final String title;

    Decision(String wireName, String title) {
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
    public static Decision parse(String text) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("decision: '" + text
                        + "' no es una decisión; use pendiente, estrategia-global o redisenar"));
    }
}
