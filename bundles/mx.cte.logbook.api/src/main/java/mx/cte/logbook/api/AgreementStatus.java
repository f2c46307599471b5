package mx.cte.logbook.api;

import java.util.Optional;

/** How an agreement is going. */
public enum AgreementStatus {
    PENDIENTE("pendiente"),
    EN_CURSO("en-curso"),
    CUMPLIDO("cumplido"),
    REPROGRAMADO("reprogramado"),
    /** Left aside when the collective reviewed it in a later session ({@code descartado}). */
    DESCARTADO("descartado");

    private final String wireName;

    AgreementStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Still to be followed up in later sessions. */
    public boolean open() {
        return this != CUMPLIDO && this != DESCARTADO;
    }

    /** What a later session's review may conclude of an agreement: done, still going, or left aside. */
    public boolean concludesAReview() {
        return this == CUMPLIDO || this == EN_CURSO || this == DESCARTADO;
    }

    public static Optional<AgreementStatus> parse(String wireName) {
        for (AgreementStatus status : values()) {
            if (status.wireName.equals(wireName)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
