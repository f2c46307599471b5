package mx.cte.exchange.api;

import mx.cte.core.api.names.WireNamed;
import mx.cte.core.api.names.WireNames;

/** What a school sends a peer in the exchange (the fourth session's activity 6). */
public enum MessageKind implements WireNamed {
    RECOMENDACION("recomendacion", "Recomendación"),
    ESTRATEGIA("estrategia", "Estrategia"),
    RECURSO("recurso", "Recurso"),
    PROPUESTA("propuesta", "Propuesta");

    private final String wireName;
    private final String title;

    MessageKind(String wireName, String title) {
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
    public static MessageKind parse(String text) {
        return WireNames.parse(MessageKind.class, text, "tipo", "un tipo de mensaje");
    }
}
