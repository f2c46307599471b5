package mx.cte.core.api.health;

/** Overall state of the platform as seen by a client or a load balancer. */
public enum HealthStatus {
    /** Karaf is still installing and starting the platform's features: not ready for requests yet. */
    STARTING,
    /** Every core component is running. */
    UP,
    /** The platform answers, but some component is missing or failing. */
    DEGRADED,
    /** The platform cannot serve requests. */
    DOWN;

    /** The lower-case form used on the wire, e.g. {@code "up"}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
