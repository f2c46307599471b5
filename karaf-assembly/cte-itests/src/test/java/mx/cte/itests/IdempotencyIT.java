package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * A write sent again with the same Idempotency-Key (the browser resending an edit whose answer it never got) is stored
 * once and answered as the first time; the key cannot be reused for another request, and a malformed key is refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class IdempotencyIT {

    private static final String AGREEMENTS = "/api/v1/logbook/15EJN0101A/agreements";
    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";

    @Inject
    private BootFinished bootFinished;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    private static String agreement(String text) {
        return "{\"sesion\": \"" + SESSION + "\", \"actividad\": 21, \"acuerdo\": \"" + text + "\","
                + " \"responsables\": [\"docente.ana\"], \"fechaLimite\": \"" + LocalDate.now().plusDays(20) + "\"}";
    }

    private static long stored(WebSession session, String text) throws Exception {
        return StreamSupport.stream(json(session.get(AGREEMENTS + "?sesion=" + SESSION)).getAsJsonArray("acuerdos")
                .spliterator(), false).filter(a -> a.getAsJsonObject().get("acuerdo").getAsString().equals(text))
                .count();
    }

    @Test
    public void aRepeatedWriteIsStoredOnceAndAnsweredAsTheFirstTime() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        String key = UUID.randomUUID().toString();
        String text = "Leer un cuento en voz alta cada mañana";

        HttpResponse<String> first = teacher.sendKeyed("POST", AGREEMENTS, agreement(text), key);
        HttpResponse<String> again = teacher.sendKeyed("POST", AGREEMENTS, agreement(text), key);

        assertEquals(first.body(), 201, first.statusCode());
        assertFalse(first.headers().firstValue("Idempotent-Replayed").isPresent());
        assertEquals(201, again.statusCode());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(json(first).get("id"), json(again).get("id"));
        assertEquals(first.headers().firstValue("Location"), again.headers().firstValue("Location"));
        assertEquals(1, stored(teacher, text));

        HttpResponse<String> reused = teacher.sendKeyed("POST", AGREEMENTS, agreement("Otro acuerdo"), key);
        assertEquals(422, reused.statusCode());
        assertTrue(reused.body(), reused.body().contains("ya se usó para otra petición"));
        assertEquals(0, stored(teacher, "Otro acuerdo"));

        HttpResponse<String> badKey = teacher.sendKeyed("POST", AGREEMENTS, agreement("Con clave corta"), "abc");
        assertEquals(400, badKey.statusCode());
        assertTrue(badKey.body(), badKey.body().contains("Idempotency-Key"));

        WebSession director = WebSession.demo("directora.rosaura");
        HttpResponse<String> sameKeyOtherUser = director.sendKeyed("POST", AGREEMENTS, agreement(text), key);
        assertEquals("keys belong to each user", 201, sameKeyOtherUser.statusCode());
        assertEquals(2, stored(teacher, text));
    }

    @Test
    public void aRefusedWriteIsRefusedAgainWithoutRunningTwice() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        String key = UUID.randomUUID().toString();
        String stale = "{\"sesion\": \"" + SESSION + "\", \"acuerdo\": \"\", \"responsables\": [],"
                + " \"fechaLimite\": \"2016-01-01\"}";
        HttpResponse<String> first = teacher.sendKeyed("POST", AGREEMENTS, stale, key);
        HttpResponse<String> again = teacher.sendKeyed("POST", AGREEMENTS, stale, key);
        assertEquals(422, first.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
    }
}
