package mx.cte.logbook.api;

import java.time.Instant;
import mx.cte.schools.api.Cct;

/**
 * An agreement as the logbook holds it.
 *
 * @param version increases with every change; a change names the version it was based on
 */
public record Agreement(long id, Cct school, AgreementDraft content, String recordedBy, Instant recordedAt,
        String updatedBy, Instant updatedAt, long version) {
}
