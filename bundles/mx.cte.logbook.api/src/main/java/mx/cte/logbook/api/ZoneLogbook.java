package mx.cte.logbook.api;

import java.util.List;
import mx.cte.schools.api.ZoneId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The agreements of each zone's Consejo Técnico de Zona, reviewed by its supervisor session after session as the
 * schools review theirs. Callers check the zone scope before calling.
 */
@ProviderType
public interface ZoneLogbook {

    /**
     * Records an agreement of the zone; audited.
     *
     * @throws InvalidAgreementException naming each field at fault: no session, empty text, no responsibles, a
     *                                   deadline missing or in the past
     */
    ZoneAgreement record(ZoneId zone, ZoneAgreementDraft draft, String author);

    /** The zone's agreements: the open ones first, by deadline, then those done or left aside, latest first. */
    List<ZoneAgreement> of(ZoneId zone);

    /**
     * What a later zone session concludes of an agreement: {@link AgreementStatus#CUMPLIDO},
     * {@link AgreementStatus#EN_CURSO} or {@link AgreementStatus#DESCARTADO}, with a comment; audited.
     *
     * @throws InvalidAgreementException naming {@code resultado}, {@code sesion} (none, or the one it was agreed in)
     *                                   or {@code comentario}
     * @throws mx.cte.storage.api.StaleVersionException when it changed since {@code expectedVersion}
     * @throws java.util.NoSuchElementException        when the zone has no such agreement
     */
    ZoneAgreement review(ZoneId zone, long id, String session, AgreementStatus outcome, String comment,
            long expectedVersion, String author);
}
