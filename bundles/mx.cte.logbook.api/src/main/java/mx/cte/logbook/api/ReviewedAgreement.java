package mx.cte.logbook.api;

/**
 * An agreement of an earlier session as a session reviews it.
 *
 * @param review what this session concluded of it, or null while it has not reviewed it
 */
public record ReviewedAgreement(Agreement agreement, AgreementReview review) {
}
