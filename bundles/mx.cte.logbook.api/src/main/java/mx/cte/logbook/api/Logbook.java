package mx.cte.logbook.api;

import java.util.List;
import java.util.Optional;
import mx.cte.schools.api.Cct;
import org.osgi.annotation.versioning.ProviderType;

/** A school's Cuaderno de Bitácora. Callers check the school scope before calling. */
@ProviderType
public interface Logbook {

    /**
     * @param author username of who records it
     * @throws InvalidAgreementException naming each field at fault: empty text, no responsibles, a responsible who is
     *                                   not staff of the school, a deadline in the past, an unknown session
     */
    Agreement record(Cct school, AgreementDraft draft, String author);

    /**
     * Rewrites an agreement or follows it up (its status).
     *
     * @throws mx.cte.storage.api.StaleVersionException when it changed since {@code expectedVersion}
     * @throws java.util.NoSuchElementException        when the school has no such agreement
     */
    Agreement update(Cct school, long id, AgreementDraft draft, long expectedVersion, String author);

    /**
     * Removes an agreement recorded by mistake (its responsibles go with it); audited with its text.
     *
     * @throws mx.cte.storage.api.StaleVersionException when it changed since {@code expectedVersion}
     * @throws java.util.NoSuchElementException        when the school has no such agreement
     */
    void remove(Cct school, long id, long expectedVersion, String author);

    Optional<Agreement> find(Cct school, long id);

    /** Everything agreed in one session, in the order it was recorded. */
    List<Agreement> ofSession(Cct school, String session);

    /** What is still open, across sessions, by deadline. */
    List<Agreement> open(Cct school);

    /**
     * What a session reviews at its start: the agreements of the school's other sessions still open, and those this
     * session already reviewed (whatever it concluded), by deadline.
     */
    List<ReviewedAgreement> toReview(Cct school, String session);

    /**
     * Records what {@code session} concludes of an earlier agreement, or changes it; the agreement takes the outcome as
     * its status. Audited.
     *
     * @param expectedVersion the review's version the change was based on, 0 when the session had not reviewed it
     * @throws InvalidAgreementException naming the field at fault: an outcome other than cumplido, en-curso or
     *                                   descartado, a comment too long, an agreement of the same session, a session
     *                                   that is not a session key
     * @throws mx.cte.storage.api.StaleVersionException when the review changed since {@code expectedVersion}
     * @throws java.util.NoSuchElementException        when the school has no such agreement
     */
    AgreementReview review(Cct school, long agreementId, String session, AgreementStatus outcome, String comment,
            long expectedVersion, String author);
}
