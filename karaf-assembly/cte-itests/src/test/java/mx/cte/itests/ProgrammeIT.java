package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
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
 * The improvement programme over HTTP: the school's staff write it, its director publishes it, the zone's supervisor
 * reads what was published and nothing else, another school's staff get nothing; a session follows up an action;
 * uninstalling the module answers 503 and reinstalling it brings the programme back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ProgrammeIT {

    private static final String SCHOOL = "/api/v1/programme/15EJN0101A";

    @Inject
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    private static String programme(long version, String action) {
        return "{\"tipo\": \"pemc\", \"version\": " + version + ", \"diagnostico\": {\"aprovechamiento\": \"El 40 %"
                + " de los niños de 3° no narra con secuencia.\"}, \"objetivos\": [{\"id\": \"o1\", \"verbo\":"
                + " \"Incrementar\", \"indicador\": \"el porcentaje de niños de 3° que narran con secuencia\","
                + " \"metrica\": \"porcentaje\", \"meta\": \"75\", \"fecha\": \"2020-06-30\", \"ambitos\":"
                + " [\"aprovechamiento\"]}], \"acciones\": [{\"id\": \"a1\", \"objetivo\": \"o1\", \"ambito\":"
                + " \"practicas\", \"descripcion\": \"" + action + "\", \"responsables\": [\"Educadoras de 3°\"],"
                + " \"inicio\": \"2019-09-02\", \"fin\": \"2020-06-29\", \"medicion\": \"Lista de cotejo\"}]}";
    }

    private static HttpResponse<String> send(WebSession session, String method, String path, String body)
            throws Exception {
        return session.send(method, path, body, "application/json");
    }

    @Test
    public void staffWriteTheDirectorPublishesAndTheSupervisorReadsOnlyThat() throws Exception {
        String path = SCHOOL + "/2019-2020";
        WebSession teacher = WebSession.demo("docente.ana");
        long version = json(teacher.get(path)).get("version").getAsLong();
        HttpResponse<String> saved = send(teacher, "PUT", path, programme(version, "Ronda de narración"));
        assertEquals(saved.body(), 200, saved.statusCode());
        long savedVersion = json(saved).get("version").getAsLong();

        HttpResponse<String> refused = send(teacher, "PUT", path, programme(savedVersion, "").replace("\"Incrementar\"",
                "\"\""));
        assertEquals(refused.body(), 422, refused.statusCode());
        assertEquals("objetivos[0].verbo", json(refused).get("campo").getAsString());

        assertEquals(403, send(teacher, "POST", path + "/publicar", "{\"version\": " + savedVersion + "}")
                .statusCode());
        WebSession director = WebSession.demo("directora.rosaura");
        HttpResponse<String> published = send(director, "POST", path + "/publicar", "{\"version\": " + savedVersion
                + "}");
        assertEquals(published.body(), 200, published.statusCode());
        send(teacher, "PUT", path, programme(savedVersion, "Borrador que nadie publicó"));

        WebSession supervisor = WebSession.demo("supervisora.zona15");
        HttpResponse<String> read = supervisor.get(path);
        assertEquals(read.body(), 200, read.statusCode());
        assertTrue(read.body().contains("Ronda de narración"));
        assertFalse(read.body().contains("Borrador que nadie publicó"));
        JsonObject zone = json(supervisor.get("/api/v1/programme/zonas/15-preescolar-015?ciclo=2019-2020"));
        assertTrue(zone.toString(), zone.getAsJsonArray("escuelas").toString().contains("\"escuela\":\"15EJN0101A\","
                + "\"nombre\""));
        assertEquals(403, send(supervisor, "PUT", path, programme(savedVersion + 1, "x")).statusCode());

        WebSession otherSchool = WebSession.demo("docente.luis");
        for (HttpResponse<String> attempt : List.of(otherSchool.get(path), otherSchool.get(path + "/seguimiento"),
                send(otherSchool, "PUT", path, programme(savedVersion + 1, "x")))) {
            assertEquals(attempt.body(), 403, attempt.statusCode());
            assertFalse(attempt.body(), attempt.body().contains("narración"));
        }

        HttpResponse<String> followed = send(teacher, "PUT", path + "/acciones/a1/seguimiento", "{\"sesion\":"
                + " \"SEP:2019-2020:preescolar:ordinaria-3\", \"avance\": \"en-proceso\", \"comentario\": \"12 de 20"
                + " niños narran con inicio, desarrollo y cierre\", \"version\": 0}");
        assertEquals(followed.body(), 200, followed.statusCode());
        assertEquals(1, json(teacher.get(path + "/seguimiento")).getAsJsonArray("seguimiento").size());
    }

    @Test
    public void uninstallingTheModuleAnswers503AndReinstallingBringsTheProgrammeBack() throws Exception {
        String path = SCHOOL + "/2021-2022";
        WebSession director = WebSession.demo("directora.rosaura");
        long version = json(director.get(path)).get("version").getAsLong();
        HttpResponse<String> saved = send(director, "PUT", path, programme(version, "Tertulias con las familias"));
        assertEquals(saved.body(), 200, saved.statusCode());

        KarafShell admin = KarafShell.asAdmin(sessionFactory);
        admin.run("feature:uninstall cte-programme");
        try {
            HttpResponse<String> away = director.get(path);
            assertEquals(away.body(), 503, away.statusCode());
        } finally {
            admin.run("feature:install cte-programme");
        }
        HttpResponse<String> back = director.awaitOk(path);
        assertEquals(back.body(), 200, back.statusCode());
        assertTrue(back.body(), back.body().contains("Tertulias con las familias"));
    }
}
