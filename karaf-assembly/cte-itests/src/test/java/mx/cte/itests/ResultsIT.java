package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.List;
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
 * The Cuadro de resultados esperados over HTTP: a school's staff fill and copy forward their table, its supervisor
 * reads it, another school's teacher is refused every endpoint.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ResultsIT {

    private static final String EXPECTED = "/api/v1/results/15EJN0101A/expected";

    /** Waits until Karaf has installed and started every boot feature, so no bundle is still starting. */
    @Inject
    private BootFinished bootFinished;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static String result(String period, int grade, String group, String text) {
        return "{\"periodo\": \"" + period + "\", \"grado\": " + grade + ", \"grupo\": \"" + group + "\","
                + " \"area\": \"Lenguaje oral\", \"resultado\": \"" + text + "\","
                + " \"objetivo\": \"Mejorar la expresión oral\", \"meta\": \"80 % narra en orden\"}";
    }

    @Test
    public void staffFillAndCopyForwardTheirTableOthersReadOrGetNothing() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        HttpResponse<String> added = teacher.send("POST", EXPECTED, result("2016-10", 2, "B",
                "Narran sucesos en orden"), "application/json");
        assertEquals(added.body(), 201, added.statusCode());
        HttpResponse<String> badGroup = teacher.send("POST", EXPECTED, result("2016-10", 1, "C", "x"),
                "application/json");
        assertEquals(422, badGroup.statusCode());
        assertTrue(badGroup.body(), badGroup.body().contains("no tiene el grupo C en 1°"));
        assertEquals(400, teacher.send("POST", EXPECTED, result("octubre", 1, "A", "x"), "application/json")
                .statusCode());

        HttpResponse<String> copied = teacher.send("POST", EXPECTED + "/copy",
                "{\"desde\": \"2016-10\", \"hacia\": \"2016-11\"}", "application/json");
        assertEquals(copied.body(), 200, copied.statusCode());
        assertEquals(1, json(copied).get("copiados").getAsInt());

        WebSession supervisor = WebSession.demo("supervisora.zona15");
        HttpResponse<String> table = supervisor.get(EXPECTED + "?periodo=2016-11");
        assertEquals(200, table.statusCode());
        assertEquals("noviembre de 2016", json(table).get("nombrePeriodo").getAsString());
        assertEquals(1, json(table).getAsJsonArray("resultados").size());
        assertEquals(403, supervisor.send("POST", EXPECTED, result("2016-11", 1, "A", "x"), "application/json")
                .statusCode());

        long id = json(added).get("id").getAsLong();
        WebSession otherSchool = WebSession.demo("docente.luis");
        for (HttpResponse<String> attempt : List.of(otherSchool.get(EXPECTED + "?periodo=2016-10"),
                otherSchool.send("POST", EXPECTED, result("2016-10", 1, "A", "x"), "application/json"),
                otherSchool.send("PUT", EXPECTED + "/" + id, result("2016-10", 1, "A", "x")
                        .replace("}", ", \"version\": 1}"), "application/json"),
                otherSchool.send("DELETE", EXPECTED + "/" + id + "?version=1", null, null),
                otherSchool.send("POST", EXPECTED + "/copy", "{\"desde\": \"2016-10\", \"hacia\": \"2016-12\"}",
                        "application/json"))) {
            assertEquals(attempt.body(), 403, attempt.statusCode());
            assertTrue(attempt.body(), !attempt.body().contains("Narran"));
        }
        assertEquals(409, teacher.send("DELETE", EXPECTED + "/" + id + "?version=7", null, null).statusCode());
        assertEquals(204, teacher.send("DELETE", EXPECTED + "/" + id + "?version=1", null, null).statusCode());
    }
}
