package mx.cte.guide.api;

/** What a field of a guide-configured product holds; the descriptor uses the Spanish wire names. */
public enum FieldKind {
    /** One line of text ({@code texto}). */
    TEXT("texto"),
    /** A paragraph or more ({@code texto-largo}). */
    LONG_TEXT("texto-largo"),
    /** A number, whole or with decimals ({@code numero}). */
    NUMBER("numero"),
    /** A calendar date ({@code fecha}). */
    DATE("fecha"),
    /** One of the field's options ({@code opcion}). */
    CHOICE("opcion"),
    /** Yes or no ({@code si-no}). */
    YES_NO("si-no");

    private final String wireName;

    FieldKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static FieldKind fromWireName(String name) {
        return WireNames.lookup(values(), FieldKind::wireName, name, "Tipo de campo");
    }
}
