package mx.cte.logbook.api;

import java.time.Instant;
import mx.cte.schools.api.ZoneId;

/**
 * An agreement of a zone's Consejo Técnico de Zona, with its follow-up in the zone's later sessions.
 *
 * @param status     {@link AgreementStatus#PENDIENTE} until a later session reviews it, then what that concluded
 * @param reviewedIn the zone session that last reviewed it, empty while none has
 * @param review     what that review said, may be empty
 * @param version    increases with every change; a change names the version it was based on
 */
public record ZoneAgreement(long id, ZoneId zone, ZoneAgreementDraft content, AgreementStatus status,
        String reviewedIn, String review, String recordedBy, Instant recordedAt, String updatedBy, Instant updatedAt,
        long version) {
}
