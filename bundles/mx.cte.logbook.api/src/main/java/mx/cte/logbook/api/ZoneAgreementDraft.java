package mx.cte.logbook.api;

import java.time.LocalDate;

/**
 * What the Consejo Técnico de Zona (CTZ) agrees, as its supervisor records it.
 *
 * @param session      the zone session it was agreed in, as the zone names it ("CTZ de noviembre de 2016") or a guide
 *                     key
 * @param text         what was agreed
 * @param responsibles who answers for it (the directors, the supervision, the technical advisors), as written
 * @param deadline     by when
 */
public record ZoneAgreementDraft(String session, String text, String responsibles, LocalDate deadline) {

    public ZoneAgreementDraft {
        session = session == null ? "" : session.strip();
        text = text == null ? "" : text.strip();
        responsibles = responsibles == null ? "" : responsibles.strip();
    }
}
