package mx.cte.schools.api;

import java.util.Optional;

/** The shift (turno) a school works in, as the public school catalogue names it. */
public enum Shift {
    MATUTINO("matutino", "Matutino"),
    VESPERTINO("vespertino", "Vespertino"),
    NOCTURNO("nocturno", "Nocturno"),
    DISCONTINUO("discontinuo", "Discontinuo"),
    CONTINUO("continuo", "Continuo (tiempo completo)"),
    COMPLEMENTARIO("complementario", "Complementario"),
    JORNADA_AMPLIADA("jornada-ampliada", "Jornada ampliada");

    private final String wireName;
    private final String displayName;

    Shift(String wireName, String displayName) {
        this.wireName = wireName;
        this.displayName = displayName;
    }

    public String wireName() {
        return wireName;
    }

    public String displayName() {
        return displayName;
    }

    /** Accepts the wire name or the catalogue's words: {@code MATUTINO}, {@code CONTINUO (TIEMPO COMPLETO)}, … */
    public static Optional<Shift> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = Texts.fold(text).replace('-', ' ');
        if (folded.startsWith("continuo") || folded.equals("tiempo completo")) {
            return Optional.of(CONTINUO);
        }
        for (Shift shift : values()) {
            if (shift.wireName.replace('-', ' ').equals(folded)) {
                return Optional.of(shift);
            }
        }
        return Optional.empty();
    }
}
