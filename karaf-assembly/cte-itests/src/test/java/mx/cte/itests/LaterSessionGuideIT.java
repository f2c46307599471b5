package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
 * The example guide of a later session, installed at runtime: it is active only with the modules whose products it
 * asks for (the agreements' review, the pupils' review, the programme's follow-up, a table and a checklist it lays
 * out), unsatisfied while one is away; and its products work through their modules for the session's school year.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class LaterSessionGuideIT {

    static final String SESSION = "SEP:2019-2020:basica:ordinaria-3-ejemplo";

    @Inject
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    @Test
    public void theLaterSessionIsActiveWithItsModulesAndItsProductsWorkThroughThem() throws Exception {
        WebSession sep = WebSession.demo("publicador.sep");
        HttpResponse<String> published = Signing.publish(sep, Files.readAllBytes(CteKaraf.exampleGuide(
                CteKaraf.EXAMPLE_LATER)), Signing.karafEtc());
        assertEquals(published.body(), 201, published.statusCode());
        long bundle = JsonParser.parseString(published.body()).getAsJsonObject().get("bundle").getAsLong();
        try {
            GuideApi.awaitGuide(SESSION, GuideApi.status("activa"));
            String guide = WebSession.demo("docente.ana").get("/api/v1/guides/" + SESSION).body();
            for (String type : new String[] {"revision-acuerdos", "revision-alumnos", "seguimiento-programa", "tabla",
                "lista-cotejo", "acuerdo-bitacora"}) {
                assertTrue(type, guide.contains("\"" + type + "\""));
            }

            // Its guide-laid-out table is saved as the guide lays it out.
            WebSession director = WebSession.demo("directora.rosaura");
            String table = "/api/v1/forms/15EJN0101A/sessions/" + SESSION + "/activities/3/tabla";
            long version = json(director.get(table)).get("version").getAsLong();
            HttpResponse<String> saved = director.send("PUT", table, "{\"filas\": [{\"grado\": \"3°\", \"estrategia\":"
                    + " \"Lectura en voz alta diaria\"}], \"version\": " + version + "}", "application/json");
            assertEquals(saved.body(), 200, saved.statusCode());
            // Its programme follow-up is recorded for an action of the school's programme of the session's year.
            String programme = "/api/v1/programme/15EJN0101A/2019-2020";
            JsonObject current = json(director.get(programme));
            if (current.getAsJsonArray("acciones").isEmpty()) {
                HttpResponse<String> written = director.send("PUT", programme, "{\"tipo\": \"pemc\", \"version\": "
                        + current.get("version").getAsLong() + ", \"objetivos\": [{\"id\": \"o1\", \"verbo\":"
                        + " \"Incrementar\", \"indicador\": \"la lectura\", \"metrica\": \"porcentaje\", \"meta\":"
                        + " \"80\", \"fecha\": \"2020-06-30\"}], \"acciones\": [{\"id\": \"a1\", \"objetivo\": \"o1\","
                        + " \"ambito\": \"practicas\", \"descripcion\": \"Lectura diaria\", \"responsables\":"
                        + " [\"Docentes\"], \"inicio\": \"2019-09-02\", \"fin\": \"2020-06-30\", \"medicion\":"
                        + " \"Lista de cotejo\"}]}", "application/json");
                assertEquals(written.body(), 200, written.statusCode());
                current = json(written);
            }
            String action = current.getAsJsonArray("acciones").get(0).getAsJsonObject().get("id").getAsString();
            HttpResponse<String> followed = director.send("PUT", programme + "/acciones/" + action + "/seguimiento",
                    "{\"sesion\": \"" + SESSION + "\", \"avance\": \"en-proceso\", \"version\": 0}",
                    "application/json");
            assertTrue(followed.body(), followed.statusCode() == 200 || followed.statusCode() == 409);

            KarafShell admin = KarafShell.asAdmin(sessionFactory);
            admin.run("feature:uninstall cte-pupils");
            try {
                GuideApi.awaitGuide(SESSION, GuideApi.status("insatisfecha"));
            } finally {
                admin.run("feature:install cte-pupils");
            }
            GuideApi.awaitGuide(SESSION, GuideApi.status("activa"));
        } finally {
            GuideApi.removeGuideBundle(sep, bundle);
            Http.awaitStatus("/api/v1/guides/" + SESSION, 404, GuideApi.WAIT);
        }
    }
}
