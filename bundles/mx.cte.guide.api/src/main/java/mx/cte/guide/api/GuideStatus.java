package mx.cte.guide.api;

/** State of an installed guide edition. */
public enum GuideStatus {
    /** The edition schools work with for its guide id. */
    ACTIVE("activa"),
    /** Valid and satisfied, but another edition of the same guide is active. */
    AVAILABLE("instalada"),
    /** Valid, but some product type it needs is not provided by any installed module. */
    UNSATISFIED("insatisfecha");

    private final String wireName;

    GuideStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The Spanish name shown to administrators and used in the API. */
    public String wireName() {
        return wireName;
    }
}
