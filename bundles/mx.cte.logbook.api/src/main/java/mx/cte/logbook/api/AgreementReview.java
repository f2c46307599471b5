package mx.cte.logbook.api;

import java.time.Instant;

/**
 * What a later session concluded of an agreement of an earlier one, as the SEP's guides ask ("revisar los acuerdos
 * de la sesión anterior"): done, still going, or left aside, with the collective's comment.
 *
 * @param session the session that reviewed it (the guide key), not the one it was agreed in
 * @param outcome {@link AgreementStatus#CUMPLIDO}, {@link AgreementStatus#EN_CURSO} or
 *                {@link AgreementStatus#DESCARTADO}; the agreement takes it as its status
 * @param version increases with every change of this review; a change names the version it was based on (0 first)
 */
public record AgreementReview(long agreementId, String session, AgreementStatus outcome, String comment,
        String reviewedBy, Instant reviewedAt, long version) {
}
