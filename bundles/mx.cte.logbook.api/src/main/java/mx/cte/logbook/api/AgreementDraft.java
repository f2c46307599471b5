package mx.cte.logbook.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What the collective writes for an agreement.
 *
 * @param session      the session it was agreed in: the guide key, e.g. {@code SEP:2016-2017:preescolar:ordinaria-3}
 * @param activity     the guide activity it comes from (13, 21…), or null
 * @param text         what was agreed
 * @param responsibles usernames of the school's staff who answer for it, at least one
 * @param commitments  what each commits to, free text, may be empty
 * @param deadline     by when
 * @param status       how it is going
 */
public record AgreementDraft(String session, Integer activity, String text, List<String> responsibles,
        String commitments, LocalDate deadline, AgreementStatus status) {

    public AgreementDraft {
        responsibles = responsibles == null ? List.of() : List.copyOf(responsibles);
        commitments = commitments == null ? "" : commitments.strip();
        text = text == null ? "" : text.strip();
        status = status == null ? AgreementStatus.PENDIENTE : status;
    }
}
