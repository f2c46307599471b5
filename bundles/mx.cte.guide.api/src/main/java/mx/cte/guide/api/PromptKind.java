package mx.cte.guide.api;

/** Kinds of prompt; the descriptor uses the Spanish wire names. */
public enum PromptKind {
    /** A question to reflect on and answer ({@code pregunta}). */
    QUESTION("pregunta"),
    /** A sentence to complete ({@code frase}). */
    SENTENCE_FRAME("frase"),
    /** A point to consider or a step to take ({@code consigna}). */
    INSTRUCTION("consigna");

    private final String wireName;

    PromptKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static PromptKind fromWireName(String name) {
        return WireNames.lookup(values(), PromptKind::wireName, name, "Tipo de consigna");
    }
}
