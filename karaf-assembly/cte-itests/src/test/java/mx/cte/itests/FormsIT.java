package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
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
 * Products a guide lays out itself, over HTTP: a guide published at runtime asks for a table, a checklist and a short
 * form; a school's staff fill them as laid out, a wrong value is refused naming its row and column with nothing
 * changed, readers read, another school gets nothing; uninstalling the module answers 503 and leaves the guide
 * unsatisfied, and reinstalling it brings what the school wrote back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class FormsIT {

    /** A guide written for the tests whose activities ask for a table, a checklist and a short form. */
    static final String GUIDE = "/guides/forms-guide.json";
    static final String SESSION = "SEP:2019-2020:preescolar:ordinaria-5-prueba";
    private static final String PRODUCTS = "/api/v1/forms/15EJN0101A/sessions/" + SESSION;
    private static final String TABLE = PRODUCTS + "/activities/1/tabla";
    private static final String CHECKLIST = PRODUCTS + "/activities/1/lista-cotejo";
    private static final String FORM = PRODUCTS + "/activities/2/formulario";

    @Inject
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    private interface Check {
        void run() throws Exception;
    }

    /** Runs a check with the test guide published by the SEP's publisher, and removes the guide after it. */
    private static void withTheGuide(Check check) throws Exception {
        WebSession sep = WebSession.demo("publicador.sep");
        HttpResponse<String> published = Signing.publish(sep, GuideBundles.jarOf(GUIDE, "it.guide.productos-de-la-guia",
                "1.0.0"), Signing.karafEtc());
        assertEquals(published.body(), 201, published.statusCode());
        long bundle = JsonParser.parseString(published.body()).getAsJsonObject().get("bundle").getAsLong();
        GuideApi.awaitGuide(SESSION, GuideApi.status("activa"));
        try {
            check.run();
        } finally {
            GuideApi.removeGuideBundle(sep, bundle);
            Http.awaitStatus("/api/v1/guides/" + SESSION, 404, GuideApi.WAIT);
        }
    }

    private static HttpResponse<String> put(WebSession session, String path, String body) throws Exception {
        return session.send("PUT", path, body, "application/json");
    }

    @Test
    public void staffFillTheProductsAsTheGuideLaysThemOutAndReadersOnlyRead() throws Exception {
        withTheGuide(() -> {
            WebSession teacher = WebSession.demo("docente.ana");
            // The tests share one installation: the table may hold what another test wrote (its version says).
            JsonObject read = json(teacher.get(TABLE));
            long version = read.get("version").getAsLong();
            assertEquals("Pensamiento matemático", read.getAsJsonObject("form").getAsJsonArray("fields").get(1)
                    .getAsJsonObject().getAsJsonArray("options").get(1).getAsString());

            HttpResponse<String> saved = put(teacher, TABLE, "{\"filas\": [{\"alumno\": \"Sofía Ramírez\", \"area\":"
                    + " \"Lenguaje\", \"desde\": \"2019-11-29\"}], \"version\": " + version + "}");
            assertEquals(saved.body(), 200, saved.statusCode());
            assertEquals(version + 1, json(saved).get("version").getAsLong());

            HttpResponse<String> wrong = put(teacher, TABLE, "{\"filas\": [{\"alumno\": \"Sofía Ramírez\", \"area\":"
                    + " \"Historia\", \"desde\": \"29/11/2019\"}], \"version\": " + (version + 1) + "}");
            assertEquals(wrong.body(), 422, wrong.statusCode());
            assertTrue(wrong.body(), wrong.body().contains("\"campo\":\"filas[0].area\""));
            assertTrue(wrong.body(), wrong.body().contains("filas[0].desde"));
            WebSession director = WebSession.demo("directora.rosaura");
            HttpResponse<String> stale = put(director, TABLE, "{\"filas\": [{\"alumno\": \"Otro\"}], \"version\": "
                    + version + "}");
            assertEquals(stale.body(), 409, stale.statusCode());
            assertEquals("Sofía Ramírez", json(director.get(TABLE)).getAsJsonArray("filas").get(0)
                    .getAsJsonObject().get("alumno").getAsString());

            HttpResponse<String> checked = put(director, CHECKLIST, "{\"respuestas\": [{\"nivel\": \"Sí\"},"
                    + " {\"nivel\": \"En proceso\", \"comentario\": \"Falta en dos aulas\"}], \"version\": "
                    + json(director.get(CHECKLIST)).get("version").getAsLong() + "}");
            assertEquals(checked.body(), 200, checked.statusCode());
            HttpResponse<String> visit = put(director, FORM, "{\"valores\": {\"fecha\": \"2019-11-29\","
                    + " \"acompanamiento\": \"si\"}, \"version\": " + json(director.get(FORM)).get("version")
                    .getAsLong() + "}");
            assertEquals(visit.body(), 200, visit.statusCode());
            assertEquals("sí", json(visit).getAsJsonObject("valores").get("acompanamiento").getAsString());

            WebSession supervisor = WebSession.demo("supervisora.zona15");
            JsonObject session = json(supervisor.get(PRODUCTS));
            List<String> listed = new java.util.ArrayList<>();
            session.getAsJsonArray("productos").forEach(p -> listed.add(p.getAsJsonObject().get("tipo").getAsString()));
            assertEquals(List.of("lista-cotejo", "tabla", "formulario"), listed);
            assertTrue(GuideApi.audited(WebSession.demo("admin.plataforma"), "producto-guardado",
                    "15EJN0101A " + SESSION + " actividad 1 tabla"));
            assertEquals(403, put(supervisor, TABLE, "{\"filas\": [], \"version\": 1}").statusCode());
            WebSession otherSchool = WebSession.demo("docente.luis");
            for (HttpResponse<String> attempt : List.of(otherSchool.get(TABLE), otherSchool.get(PRODUCTS),
                    put(otherSchool, TABLE, "{\"filas\": [], \"version\": 1}"))) {
                assertEquals(attempt.body(), 403, attempt.statusCode());
                assertTrue(attempt.body(), !attempt.body().contains("Sofía"));
            }
            assertEquals(404, teacher.get(PRODUCTS + "/activities/2/tabla").statusCode());
        });
    }

    @Test
    public void uninstallingTheModuleAnswers503AndReinstallingBringsWhatTheSchoolWroteBack() throws Exception {
        withTheGuide(() -> {
            WebSession director = WebSession.demo("directora.rosaura");
            JsonObject before = json(director.get(TABLE));
            HttpResponse<String> saved = put(director, TABLE, "{\"filas\": [{\"alumno\": \"Mateo Cruz\"}],"
                    + " \"version\": " + before.get("version").getAsLong() + "}");
            assertEquals(saved.body(), 200, saved.statusCode());

            KarafShell admin = KarafShell.asAdmin(sessionFactory);
            admin.run("feature:uninstall cte-forms");
            try {
                HttpResponse<String> away = director.get(TABLE);
                assertEquals(away.body(), 503, away.statusCode());
                GuideApi.awaitGuide(SESSION, GuideApi.status("insatisfecha"));
            } finally {
                admin.run("feature:install cte-forms");
            }
            GuideApi.awaitGuide(SESSION, GuideApi.status("activa"));
            HttpResponse<String> back = director.awaitOk(TABLE);
            assertEquals(back.body(), 200, back.statusCode());
            assertEquals("Mateo Cruz", json(back).getAsJsonArray("filas").get(0).getAsJsonObject().get("alumno")
                    .getAsString());
        });
    }
}
