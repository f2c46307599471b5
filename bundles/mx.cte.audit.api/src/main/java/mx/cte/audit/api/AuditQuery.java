package mx.cte.audit.api;

import java.time.Instant;

/**
 * Which events to list, newest first.
 *
 * @param actionPrefix only actions starting with this ({@code guia-}), or null for all
 * @param actor        only this actor, or null
 * @param since        only events at or after this instant, or null
 * @param limit        at most this many (1 to 1000)
 */
public record AuditQuery(String actionPrefix, String actor, Instant since, int limit) {

    public AuditQuery {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("El límite va de 1 a 1000: " + limit);
        }
    }

    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, limit);
    }
}
