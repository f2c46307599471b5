package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The Cuaderno de Bitácora over HTTP: staff record and follow up agreements of their school, the zone's supervisor
 * reads them, another school's teacher gets nothing; uninstalling the module answers 503 and leaves the third-session
 * guide unsatisfied, and reinstalling it brings every agreement back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class LogbookIT {

    private static final String AGREEMENTS = "/api/v1/logbook/15EJN0101A/agreements";
    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";

    /** Waits until Karaf has installed and started every boot feature, so no bundle is still starting. */
    @Inject
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }


    private static String agreement(String text, String deadline) {
        return "{\"sesion\": \"" + SESSION + "\", \"actividad\": 13, \"acuerdo\": \"" + text + "\","
                + " \"responsables\": [\"directora.rosaura\", \"docente.ana\"],"
                + " \"compromisos\": \"Aplicar la tarjeta en cada grupo\", \"fechaLimite\": \"" + deadline + "\"}";
    }

    /** The demo (etc/mx.cte.logbook.demo.cfg) gives a later session something to review and the supervisor too. */
    @Test
    public void theDemoSchoolHasItsSecondSessionsAgreementsToReviewAndTheZoneItsCouncils() throws Exception {
        WebSession director = WebSession.demo("directora.rosaura");
        String earlier = AGREEMENTS + "?sesion=SEP:2016-2017:preescolar:ordinaria-2";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        HttpResponse<String> listed = director.get(earlier);
        while (json(listed).getAsJsonArray("acuerdos").size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(200); // written off the start's thread, once the demo accounts exist
            listed = director.get(earlier);
        }
        assertEquals(listed.body(), 3, json(listed).getAsJsonArray("acuerdos").size());
        assertTrue(listed.body(), listed.body().contains("Llamar a la familia del niño que falte dos días seguidos"
                + " (demostración)"));
        HttpResponse<String> toReview = director.get("/api/v1/logbook/15EJN0101A/reviews?sesion="
                + "15:2016-2017:preescolar:ordinaria-4");
        assertTrue(toReview.body(), toReview.body().contains("Organizar la biblioteca de aula"));
        HttpResponse<String> zone = WebSession.demo("supervisora.zona15").get(
                "/api/v1/logbook/zonas/15-preescolar-015/agreements");
        assertTrue(zone.body(), zone.body().contains("Acompañar en cada escuela la aplicación de las tarjetas de"
                + " intervención (demostración)"));
    }

    @Test
    public void staffRecordAndFollowUpAgreementsOthersReadOrGetNothing() throws Exception {
        String deadline = LocalDate.now().plusMonths(2).toString();
        WebSession director = WebSession.demo("directora.rosaura");
        HttpResponse<String> created = director.send("POST", AGREEMENTS,
                agreement("Aplicar las tarjetas de intervención", deadline), "application/json");
        assertEquals(created.body(), 201, created.statusCode());
        JsonObject recorded = json(created);
        long id = recorded.get("id").getAsLong();

        HttpResponse<String> invalid = director.send("POST", AGREEMENTS, "{\"sesion\": \"" + SESSION
                + "\", \"acuerdo\": \"\", \"responsables\": [\"docente.luis\"], \"fechaLimite\": \"2016-11-01\"}",
                "application/json");
        assertEquals(422, invalid.statusCode());
        assertTrue(invalid.body(), invalid.body().contains("'docente.luis' no es personal de la escuela"));
        assertTrue(invalid.body(), invalid.body().contains("\"campo\":\"fechaLimite\""));
        HttpResponse<String> notAnAgreementActivity = director.send("POST", AGREEMENTS,
                agreement("Valorar la Estrategia Global", deadline).replace("\"actividad\": 13", "\"actividad\": 4"),
                "application/json");
        assertEquals(422, notAnAgreementActivity.statusCode());
        assertTrue(notAnAgreementActivity.body(), notAnAgreementActivity.body()
                .contains("registran acuerdos las actividades 13, 21"));

        WebSession teacher = WebSession.demo("docente.ana");
        String followUp = agreement("Aplicar las tarjetas de intervención", deadline)
                .replace("}", ", \"estado\": \"en-curso\", \"version\": " + recorded.get("version").getAsLong() + "}");
        HttpResponse<String> updated = teacher.send("PUT", AGREEMENTS + "/" + id, followUp, "application/json");
        assertEquals(updated.body(), 200, updated.statusCode());
        assertEquals("en-curso", json(updated).get("estado").getAsString());
        assertEquals(409, director.send("PUT", AGREEMENTS + "/" + id, followUp, "application/json").statusCode());

        WebSession supervisor = WebSession.demo("supervisora.zona15");
        HttpResponse<String> session = supervisor.get(AGREEMENTS + "?sesion=" + SESSION);
        assertEquals(200, session.statusCode());
        assertEquals(1, json(session).getAsJsonArray("acuerdos").size());
        assertEquals(403, supervisor.send("POST", AGREEMENTS, agreement("x", deadline), "application/json")
                .statusCode());

        WebSession otherSchool = WebSession.demo("docente.luis");
        for (HttpResponse<String> attempt : List.of(otherSchool.get(AGREEMENTS), otherSchool.get(AGREEMENTS + "/" + id),
                otherSchool.send("POST", AGREEMENTS, agreement("x", deadline), "application/json"),
                otherSchool.send("PUT", AGREEMENTS + "/" + id, followUp, "application/json"))) {
            assertEquals(attempt.body(), 403, attempt.statusCode());
            assertTrue(attempt.body(), !attempt.body().contains("tarjetas"));
        }
    }

    @Test
    public void aLaterSessionReviewsTheOpenAgreementsAndEachTakesWhatItConcluded() throws Exception {
        String fourth = "SEP:2016-2017:preescolar:ordinaria-4";
        WebSession director = WebSession.demo("directora.rosaura");
        HttpResponse<String> created = director.send("POST", AGREEMENTS, agreement("Revisar la biblioteca de aula",
                LocalDate.now().plusMonths(1).toString()), "application/json");
        assertEquals(created.body(), 201, created.statusCode());
        long id = json(created).get("id").getAsLong();
        String reviews = "/api/v1/logbook/15EJN0101A/reviews";

        WebSession supervisor = WebSession.demo("supervisora.zona15");
        HttpResponse<String> toReview = supervisor.get(reviews + "?sesion=" + fourth);
        assertEquals(toReview.body(), 200, toReview.statusCode());
        assertTrue(toReview.body(), toReview.body().contains("Revisar la biblioteca de aula"));

        String review = "{\"sesion\": \"" + fourth + "\", \"resultado\": \"descartado\", \"comentario\":"
                + " \"La biblioteca se reorganiza el próximo ciclo\", \"version\": 0}";
        assertEquals(403, supervisor.send("PUT", reviews + "/" + id, review, "application/json").statusCode());
        assertEquals(403, WebSession.demo("docente.luis").send("PUT", reviews + "/" + id, review, "application/json")
                .statusCode());
        HttpResponse<String> reviewed = WebSession.demo("docente.ana").send("PUT", reviews + "/" + id, review,
                "application/json");
        assertEquals(reviewed.body(), 200, reviewed.statusCode());
        assertEquals("descartado", json(director.get(AGREEMENTS + "/" + id)).get("estado").getAsString());
        assertTrue("no longer open", !director.get(AGREEMENTS).body().contains("Revisar la biblioteca de aula"));
        HttpResponse<String> sameSession = director.send("PUT", reviews + "/" + id, review.replace(fourth, SESSION),
                "application/json");
        assertEquals(sameSession.body(), 422, sameSession.statusCode());
        assertTrue(sameSession.body(), sameSession.body().contains("es de esta misma sesión"));
        assertTrue(GuideApi.audited(WebSession.demo("admin.plataforma"), "acuerdo-revisado", "15EJN0101A #" + id));
    }

    @Test
    public void theZoneSupervisorKeepsTheZoneCouncilsAgreementsAndSchoolsDoNotWriteThem() throws Exception {
        String zone = "/api/v1/logbook/zonas/15-preescolar-015/agreements";
        String agreement = "{\"sesion\": \"CTZ de noviembre de 2016\", \"acuerdo\": \"Intercambiar planeaciones\","
                + " \"responsables\": \"Directoras de la zona\", \"fechaLimite\": \"" + LocalDate.now().plusMonths(2)
                + "\"}";
        WebSession supervisor = WebSession.demo("supervisora.zona15");
        HttpResponse<String> created = supervisor.send("POST", zone, agreement, "application/json");
        assertEquals(created.body(), 201, created.statusCode());
        JsonObject recorded = json(created);

        assertEquals(403, WebSession.demo("directora.rosaura").send("POST", zone, agreement, "application/json")
                .statusCode());
        HttpResponse<String> reviewed = supervisor.send("PUT", zone + "/" + recorded.get("id").getAsLong()
                + "/review", "{\"sesion\": \"CTZ de enero de 2017\", \"resultado\": \"en-curso\", \"version\": "
                + recorded.get("version").getAsLong() + "}", "application/json");
        assertEquals(reviewed.body(), 200, reviewed.statusCode());
        assertEquals("en-curso", json(reviewed).get("estado").getAsString());
        assertTrue(WebSession.demo("autoridad.edomex").get(zone).body().contains("Intercambiar planeaciones"));
        assertTrue(GuideApi.audited(WebSession.demo("admin.plataforma"), "acuerdo-zona-revisado",
                "15-preescolar-015 #" + recorded.get("id").getAsLong()));
    }

    @Test
    public void uninstallingTheModuleAnswers503AndReinstallingBringsEveryAgreementBack() throws Exception {
        String deadline = LocalDate.now().plusMonths(1).toString();
        WebSession director = WebSession.demo("directora.rosaura");
        assertEquals(201, director.send("POST", AGREEMENTS, agreement("Registrar la presentación para la zona",
                deadline), "application/json").statusCode());
        int before = json(director.get(AGREEMENTS)).getAsJsonArray("acuerdos").size();

        KarafShell admin = KarafShell.asAdmin(sessionFactory);
        admin.run("feature:uninstall cte-logbook");
        try {
            HttpResponse<String> away = director.get(AGREEMENTS);
            assertEquals(away.body(), 503, away.statusCode());
            assertTrue(away.body(), away.body().contains("Cuaderno de Bitácora"));
            GuideApi.awaitGuide(SESSION, GuideApi.status("insatisfecha"));
        } finally {
            admin.run("feature:install cte-logbook");
        }
        GuideApi.awaitGuide(SESSION, GuideApi.status("activa"));
        long deadlineNanos = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        HttpResponse<String> back = director.get(AGREEMENTS);
        while (back.statusCode() != 200 && System.nanoTime() < deadlineNanos) {
            Thread.sleep(100);
            back = director.get(AGREEMENTS);
        }
        assertEquals(back.body(), 200, back.statusCode());
        assertEquals("every agreement is still there", before, json(back).getAsJsonArray("acuerdos").size());
    }
}
