package mx.cte.exchange.api;

import mx.cte.core.api.names.WireNamed;
import mx.cte.core.api.names.WireNames;

/** The collective texts (activities 14 to 19 of the third session, free texts), by the product type the guide names. */
public enum TextKind implements WireNamed {
    LLUVIA_IDEAS("lluvia-ideas", "Lluvia de ideas sobre aprender entre pares"),
    DESTACADOS_LECTURA("destacados-lectura", "Términos e ideas destacados en las lecturas"),
    TEXTO_ESCUELA("texto-escuela", "Texto de la escuela sobre el aprendizaje entre pares"),
    CONTRASTE_PRACTICA("contraste-practica", "Contraste con la práctica del CTE"),
    COMENTARIOS_COLECTIVO("comentarios-colectivo", "Comentarios del colectivo"),
    /** A guide's text without structure of its own (the fourth session's rules for the exchange, for example). */
    TEXTO_LIBRE("texto-libre", "Texto libre");

    private final String wireName;
    private final String title;

    TextKind(String wireName, String title) {
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
    public static TextKind parse(String text) {
        return WireNames.parse(TextKind.class, text, "tipo", "un texto colectivo");
    }
}
