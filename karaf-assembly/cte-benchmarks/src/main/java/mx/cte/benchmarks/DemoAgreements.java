package mx.cte.benchmarks;

import java.time.LocalDate;

/**
 * The bitácora agreements the crash rounds and the hot-swap's outbox writer send: the demo director's, for the demo
 * school's third session, activity 21, due in a month.
 */
final class DemoAgreements {

    static final String SCHOOL = "15EJN0101A";
    static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";
    static final String PATH = "/api/v1/logbook/" + SCHOOL + "/agreements";

    private DemoAgreements() {
    }

    /** The JSON body of an agreement with this text (no quotes or backslashes in it). */
    static String body(String text) {
        return "{\"sesion\": \"" + SESSION + "\", \"actividad\": 21, \"acuerdo\": \"" + text
                + "\", \"responsables\": [\"directora.rosaura\"], \"fechaLimite\": \"" + LocalDate.now().plusMonths(1)
                + "\"}";
    }
}
