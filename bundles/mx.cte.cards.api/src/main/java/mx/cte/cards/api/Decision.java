package mx.cte.cards.api;

import mx.cte.core.api.names.WireNamed;
import mx.cte.core.api.names.WireNames;

/** What the collective decided about a card (activity 12). */
public enum Decision implements WireNamed {
    PENDIENTE("pendiente", "Pendiente de decisión"),
    ESTRATEGIA_GLOBAL("estrategia-global", "Se incorpora a la Estrategia Global de Mejora Escolar"),
    REDISENAR("redisenar", "Se diseña una nueva propuesta");

    private final String wireName;
    private final String title;

    Decision(String wireName, String title) {
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
    public static Decision parse(String text) {
        return WireNames.parse(Decision.class, text, "decision", "una decisión");
    }
}
