package mx.cte.core.api.health;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of the platform that must be ready before the node takes requests: registered as an OSGi service
 * (whiteboard), asked by {@code GET /api/v1/health}, which answers {@code 503} while any part is not ready, so a load
 * balancer sends nothing to the node until then.
 */
@ConsumerType
public interface Readiness {

    /** Why this part is not ready yet (for the operator, in the health answer and the log); empty when it is. */
    Optional<NotReady> notReady();

    /**
     * @param status {@link HealthStatus#STARTING} while the part catches up, {@link HealthStatus#DOWN} when it
     *               refuses to serve until an operator acts (a configuration it cannot run with)
     * @param reason what is missing, in Spanish, without secrets
     */
    record NotReady(HealthStatus status, String reason) {
        public NotReady {
            if (status == HealthStatus.UP) {
                throw new IllegalArgumentException("A part that is not ready cannot be up");
            }
        }
    }
}
