package mx.cte.evidence.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a piece of evidence is attached to, as its module names it.
 *
 * @param kind {@value #AGREEMENT} (an agreement of the Cuaderno de Bitácora, {@code id} its number),
 *             {@value #PRODUCT} (a product a guide lays out, {@code id} {@code session|activity|type}) or
 *             {@value #PROGRAMME_ACTION} (an action of the improvement programme, {@code id} {@code cycle|action});
 *             modules that come later add theirs
 * @param id   the owner within its kind and school
 */
public record EvidenceOwner(String kind, String id) {

    public static final String AGREEMENT = "acuerdo";
    public static final String PRODUCT = "producto";
    public static final String PROGRAMME_ACTION = "accion-programa";
    private static final Pattern KIND = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public EvidenceOwner {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("'" + kind + "' no es un tipo de dueño de evidencias");
        }
        if (id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("el dueño de una evidencia se nombra con 1 a 200 caracteres");
        }
    }

    /** The owner of an action of the school's improvement programme of a school year. */
    public static EvidenceOwner programmeAction(String cycle, String action) {
        return new EvidenceOwner(PROGRAMME_ACTION, cycle + "|" + action);
    }

    /** The owner of a guide-laid-out product: its session, activity and type. */
    public static EvidenceOwner product(String session, int activity, String type) {
        return new EvidenceOwner(PRODUCT, session + "|" + activity + "|" + type);
    }
}
