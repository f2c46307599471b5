package mx.cte.results.api;

import mx.cte.core.api.names.WireNamed;
import mx.cte.core.api.names.WireNames;

/** The sentence frames the guide offers a grade team to synthesise its work (activity 5). */
public enum SynthesisFrame implements WireNamed {
    FUNCIONARON("funcionaron", "Las acciones que mejor han funcionado para lograrlo son… porque…"),
    NO_FUNCIONARON("no-funcionaron", "Las acciones que no han funcionado son… debido a que…"),
    SIN_AVANCE("sin-avance", "Los resultados esperados que aún no evidencian avance son… porque…"),
    AVANCES("avances", "En general, observamos manifestaciones de avances en…"),
    ESPERADOS("esperados",
            "Como producto de la reflexión colectiva: los resultados que esperamos lograr en este bimestre son…");

    private final String wireName;
    private final String frame;

    SynthesisFrame(String wireName, String frame) {
        this.wireName = wireName;
        this.frame = frame;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The sentence the team completes. */
    public String frame() {
        return frame;
    }

    /** @throws IllegalArgumentException naming the values it accepts */
    public static SynthesisFrame parse(String text) {
        return WireNames.parse(SynthesisFrame.class, text, "sintesis", "una frase de la guía");
    }
}
