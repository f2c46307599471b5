package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
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
 * The results-analysis module over HTTP: a school's staff fill and copy forward their table and analyse it group by
 * group up to the concentrate, its supervisor and state authority read what it publishes and the roll-ups, another
 * school's teacher is refused every endpoint; uninstalling the module answers 503 and reinstalling it keeps the data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ResultsIT {

    private static final String EXPECTED = "/api/v1/results/15EJN0101A/expected";

    @Inject
    private SessionFactory sessionFactory;

    /** Waits until Karaf has installed and started every boot feature, so no bundle is still starting. */
    @Inject
    private BootFinished bootFinished;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
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

    private static final String SCHOOL = "/api/v1/results/15EJN0101A";


    @Test
    public void aSchoolAnalysesItsPeriodAndSharesItWithItsSupervision() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        long narrate = json(teacher.send("POST", EXPECTED, result("2016-12", 2, "A", "Narran sucesos en orden")
                .replace("\"grupo\": \"A\"", "\"grupo\": null"))).get("id").getAsLong();
        long count = json(teacher.send("POST", EXPECTED, result("2016-12", 2, "A", "Cuentan hasta 20")
                .replace("\"grupo\": \"A\"", "\"grupo\": null"))).get("id").getAsLong();

        HttpResponse<String> rated = teacher.send("PUT", SCHOOL + "/ratings/" + narrate + "/A",
                "{\"avance\": \"sin-avance\", \"dificil\": true, \"porque\": \"Les cuesta ordenar\", \"version\": 0}");
        assertEquals(rated.body(), 200, rated.statusCode());
        assertEquals("rojo", json(rated).get("semaforo").getAsString());
        assertEquals(409, teacher.send("PUT", SCHOOL + "/ratings/" + narrate + "/A",
                "{\"avance\": \"logrado\", \"version\": 0}").statusCode());
        HttpResponse<String> badProgress = teacher.send("PUT", SCHOOL + "/ratings/" + narrate + "/B",
                "{\"avance\": \"casi\", \"version\": 0}");
        assertEquals(422, badProgress.statusCode());
        assertTrue(badProgress.body(), badProgress.body().contains("avance: 'casi' no es un avance"));
        assertEquals(422, teacher.send("PUT", SCHOOL + "/ratings/" + narrate + "/Z",
                "{\"avance\": \"logrado\", \"version\": 0}").statusCode());
        assertEquals(404, teacher.send("PUT", SCHOOL + "/ratings/999999/A",
                "{\"avance\": \"logrado\", \"version\": 0}").statusCode());
        teacher.send("PUT", SCHOOL + "/ratings/" + narrate + "/B", "{\"avance\": \"en-proceso\", \"dificil\": true,"
                + " \"version\": 0}");
        teacher.send("PUT", SCHOOL + "/ratings/" + count + "/A", "{\"avance\": \"logrado\", \"version\": 0}");
        teacher.send("PUT", SCHOOL + "/ratings/" + count + "/B", "{\"avance\": \"logrado\", \"version\": 0}");
        assertEquals(200, teacher.send("PUT", SCHOOL + "/groups/2/A/reflection", "{\"periodo\": \"2016-12\","
                + " \"funcionaron\": \"La asamblea diaria\", \"version\": 0}").statusCode());
        assertEquals(201, teacher.send("POST", SCHOOL + "/groups/2/A/observations", "{\"periodo\": \"2016-12\","
                + " \"agente\": \"usaer\", \"texto\": \"Dos alumnos requieren apoyo visual\"}").statusCode());

        JsonObject group = json(teacher.get(SCHOOL + "/groups/2/A?periodo=2016-12"));
        assertEquals(2, group.getAsJsonArray("resultados").size());
        assertEquals("La asamblea diaria", group.getAsJsonObject("reflexion").get("funcionaron").getAsString());
        assertEquals("usaer", group.getAsJsonArray("observaciones").get(0).getAsJsonObject().get("agente")
                .getAsString());

        JsonObject second = json(teacher.get(SCHOOL + "/coincidences?periodo=2016-12")).getAsJsonArray("grados")
                .get(0).getAsJsonObject();
        assertTrue(second.toString(), second.get("coincidenciasSugeridas").getAsString()
                .contains("Representa mayor dificultad en A, B: «Narran sucesos en orden»"));
        HttpResponse<String> team = teacher.send("PUT", SCHOOL + "/coincidences/2", "{\"periodo\": \"2016-12\","
                + " \"coincidencias\": \"Narrar es lo más difícil\", \"sintesis\": {\"funcionaron\": \"la asamblea\"},"
                + " \"version\": 0}");
        assertEquals(team.body(), 200, team.statusCode());
        HttpResponse<String> badFrame = teacher.send("PUT", SCHOOL + "/coincidences/2", "{\"periodo\": \"2016-12\","
                + " \"sintesis\": {\"otra\": \"x\"}, \"version\": 1}");
        assertEquals(422, badFrame.statusCode());
        assertEquals(201, teacher.send("POST", SCHOOL + "/strategy", "{\"periodo\": \"2016-12\", \"accion\":"
                + " \"Lectura en voz alta\", \"contribuye\": true}").statusCode());

        HttpResponse<String> prefilled = teacher.send("POST", SCHOOL + "/concentrate/prefill",
                "{\"periodo\": \"2016-12\"}");
        assertEquals(prefilled.body(), 2, json(prefilled).get("agregados").getAsInt());
        HttpResponse<String> notACollective = teacher.send("POST", SCHOOL + "/concentrate/prefill",
                "{\"periodo\": \"2016-12\", \"colectivo\": [\"15EJN0105E\"]}");
        assertEquals(422, notACollective.statusCode());
        assertTrue("nothing is read of another school before its director agrees: " + notACollective.body(),
                notACollective.body().contains("aún falta que lo acuerde la dirección de 15EJN0101A, 15EJN0105E"));

        WebSession supervisor = WebSession.demo("supervisora.zona15");
        HttpResponse<String> drafts = supervisor.get(SCHOOL + "/concentrate?periodo=2016-12");
        assertEquals("a school's drafts are its own until it publishes", 403, drafts.statusCode());
        assertEquals(0, json(supervisor.get("/api/v1/results/zones/15-preescolar-015?periodo=2016-12"))
                .getAsJsonObject("total").get("total").getAsInt());
        assertEquals(403, supervisor.send("PUT", SCHOOL + "/publication", "{\"periodo\": \"2016-12\","
                + " \"publicado\": true}", "application/json").statusCode());
        HttpResponse<String> byTeacher = teacher.send("PUT", SCHOOL + "/publication", "{\"periodo\": \"2016-12\","
                + " \"publicado\": true}");
        assertEquals("the director decides what is shared", 403, byTeacher.statusCode());
        assertTrue(byTeacher.body(), byTeacher.body().contains("Solo la dirección de la escuela"));
        assertEquals(200, WebSession.demo("directora.rosaura").send("PUT", SCHOOL + "/publication",
                "{\"periodo\": \"2016-12\", \"publicado\": true}").statusCode());

        JsonObject concentrate = json(supervisor.get(SCHOOL + "/concentrate?periodo=2016-12"));
        assertEquals(List.of("logro", "desafio"), java.util.stream.StreamSupport.stream(
                concentrate.getAsJsonArray("renglones").spliterator(), false)
                .map(e -> e.getAsJsonObject().get("tipo").getAsString()).toList());
        JsonObject zone = json(supervisor.get("/api/v1/results/zones/15-preescolar-015?periodo=2016-12"));
        assertEquals(zone.toString(), 4, zone.getAsJsonObject("total").get("total").getAsInt());
        assertEquals(2, zone.getAsJsonObject("total").get("logrado").getAsInt());
        assertEquals(5, zone.getAsJsonArray("escuelas").size());
        JsonObject state = json(WebSession.demo("autoridad.edomex").get("/api/v1/results/states/15?periodo=2016-12"));
        assertEquals(state.toString(), 4, state.getAsJsonObject("total").get("total").getAsInt());

        WebSession otherSchool = WebSession.demo("docente.luis");
        for (HttpResponse<String> attempt : List.of(otherSchool.get(SCHOOL + "/groups/2/A?periodo=2016-12"),
                otherSchool.get(SCHOOL + "/concentrate?periodo=2016-12"),
                otherSchool.get("/api/v1/results/zones/15-preescolar-015?periodo=2016-12"),
                otherSchool.get("/api/v1/results/states/15?periodo=2016-12"),
                otherSchool.send("PUT", SCHOOL + "/ratings/" + narrate + "/A", "{\"avance\": \"logrado\","
                        + " \"version\": 1}"))) {
            assertEquals(attempt.body(), 403, attempt.statusCode());
            assertTrue(attempt.body(), !attempt.body().contains("Narran"));
        }
    }

    @Test
    public void uninstallingTheModuleAnswers503AndReinstallingKeepsTheAnalysis() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        long id = json(teacher.send("POST", EXPECTED, result("2017-01", 1, "A", "Reconocen su nombre escrito")))
                .get("id").getAsLong();
        teacher.send("PUT", SCHOOL + "/ratings/" + id + "/A", "{\"avance\": \"en-proceso\", \"version\": 0}");

        KarafShell admin = KarafShell.asAdmin(sessionFactory);
        admin.run("feature:uninstall cte-results");
        try {
            HttpResponse<String> away = teacher.get(SCHOOL + "/groups/1/A?periodo=2017-01");
            assertEquals(away.body(), 503, away.statusCode());
            assertTrue(away.body(), away.body().contains("Análisis de resultados"));
            GuideApi.awaitGuide("SEP:2016-2017:preescolar:ordinaria-3", GuideApi.status("insatisfecha"));
        } finally {
            admin.run("feature:install cte-results");
        }
        GuideApi.awaitGuide("SEP:2016-2017:preescolar:ordinaria-3", GuideApi.status("activa"));
        HttpResponse<String> back = teacher.awaitOk(SCHOOL + "/groups/1/A?periodo=2017-01");
        assertEquals(back.body(), 200, back.statusCode());
        JsonObject result = json(back).getAsJsonArray("resultados").get(0).getAsJsonObject();
        assertEquals("Reconocen su nombre escrito", result.get("resultado").getAsString());
        assertEquals("en-proceso", result.getAsJsonObject("valoracion").get("avance").getAsString());
    }

    @Test
    public void everyRecordOfTheAnalysisIsEditedAtItsVersionAndRemoved() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        HttpResponse<String> added = teacher.send("POST", EXPECTED, result("2017-04", 3, "A", "Escriben su nombre"));
        long id = json(added).get("id").getAsLong();
        HttpResponse<String> edited = teacher.send("PUT", EXPECTED + "/" + id, result("2017-04", 3, "B",
                "Escriben su nombre completo").replace("}", ", \"version\": 1}"));
        assertEquals(edited.body(), 200, edited.statusCode());
        HttpResponse<String> stale = teacher.send("PUT", EXPECTED + "/" + id, result("2017-04", 3, "B", "Otra")
                .replace("}", ", \"version\": 1}"));
        assertEquals(409, stale.statusCode());
        assertEquals("the current record comes with the conflict", "Escriben su nombre completo",
                json(stale).getAsJsonObject("actual").get("resultado").getAsString());

        long observation = json(teacher.send("POST", SCHOOL + "/groups/3/B/observations", "{\"periodo\": \"2017-04\","
                + " \"agente\": \"musica\", \"texto\": \"Marca el pulso\"}")).get("id").getAsLong();
        assertEquals(204, teacher.send("DELETE", SCHOOL + "/observations/" + observation, null).statusCode());
        assertEquals(404, teacher.send("DELETE", SCHOOL + "/observations/" + observation, null).statusCode());

        long action = json(teacher.send("POST", SCHOOL + "/strategy", "{\"periodo\": \"2017-04\", \"accion\":"
                + " \"Cuaderno viajero\", \"ambito\": \"Con los padres de familia\", \"contribuye\": true}"))
                .get("id").getAsLong();
        String valued = "{\"periodo\": \"2017-04\", \"accion\": \"Cuaderno viajero\", \"contribuye\": false,"
                + " \"porque\": \"Pocas familias lo devuelven\", \"version\": 1}";
        assertEquals(200, teacher.send("PUT", SCHOOL + "/strategy/" + action, valued).statusCode());
        HttpResponse<String> staleAction = teacher.send("PUT", SCHOOL + "/strategy/" + action, valued);
        assertEquals(409, staleAction.statusCode());
        assertEquals(2, json(staleAction).getAsJsonObject("actual").get("version").getAsInt());
        JsonObject strategy = json(teacher.get(SCHOOL + "/strategy?periodo=2017-04"));
        assertEquals(false, strategy.getAsJsonArray("acciones").get(0).getAsJsonObject().get("contribuye")
                .getAsBoolean());
        HttpResponse<String> notABoolean = teacher.send("POST", SCHOOL + "/strategy", "{\"periodo\": \"2017-04\","
                + " \"accion\": \"x\", \"contribuye\": \"quizá\"}");
        assertEquals(400, notABoolean.statusCode());
        assertTrue(notABoolean.body(), notABoolean.body().contains("'contribuye' debe ser true o false"));
        assertEquals(204, teacher.send("DELETE", SCHOOL + "/strategy/" + action + "?version=2", null).statusCode());

        HttpResponse<String> line = teacher.send("POST", SCHOOL + "/concentrate", "{\"periodo\": \"2017-04\","
                + " \"tipo\": \"desafio\", \"area\": \"Lenguaje escrito\", \"grados\": [3],"
                + " \"texto\": \"Escriben su nombre completo\"}");
        assertEquals(line.body(), 201, line.statusCode());
        long lineId = json(line).get("id").getAsLong();
        HttpResponse<String> linked = teacher.send("PUT", SCHOOL + "/concentrate/" + lineId, "{\"periodo\": \"2017-04\","
                + " \"tipo\": \"desafio\", \"area\": \"Lenguaje escrito\", \"grados\": [3],"
                + " \"texto\": \"Escriben su nombre completo\", \"contribucion\": \"Sirve a la meta de escritura\","
                + " \"version\": 1}");
        assertEquals(linked.body(), 200, linked.statusCode());
        assertEquals(422, teacher.send("POST", SCHOOL + "/concentrate", "{\"periodo\": \"2017-04\","
                + " \"tipo\": \"meta\", \"texto\": \"x\"}").statusCode());
        assertEquals(409, teacher.send("DELETE", SCHOOL + "/concentrate/" + lineId + "?version=1", null)
                .statusCode());
        assertEquals(204, teacher.send("DELETE", SCHOOL + "/concentrate/" + lineId + "?version=2", null)
                .statusCode());
        assertEquals(204, teacher.send("DELETE", EXPECTED + "/" + id + "?version=2", null).statusCode());
    }

    private static void makeMultigrade(WebSession director, String cct) throws Exception {
        long version = json(director.get("/api/v1/schools/" + cct)).get("version").getAsLong();
        HttpResponse<String> saved = director.send("PUT", "/api/v1/schools/" + cct + "/structure", "{\"multigrado\":"
                + " true, \"grupos\": [{\"nombre\": \"Único\", \"grados\": [1, 2, 3]}], \"version\": " + version + "}");
        assertEquals(saved.body(), 200, saved.statusCode());
    }

    private static HttpResponse<String> agree(WebSession director, String cct) throws Exception {
        return director.send("PUT", "/api/v1/results/collective/agreement", "{\"escuelas\": [\"15EJN0104D\","
                + " \"15EJN0105E\"], \"escuela\": \"" + cct + "\"}");
    }

    /** Issue 19, point 4: a school cannot read another's drafts by calling itself multigrade. */
    @Test
    public void aMultigradeCollectiveNeedsEveryDirectorAndSupervisionSeesOnlyWhatWasPublished() throws Exception {
        KarafShell shell = KarafShell.asAdmin(sessionFactory);
        WebSession d = shell.signedInNewAccount("direccion.multi.d", "Directora multigrado", "director@15EJN0104D");
        WebSession e = shell.signedInNewAccount("direccion.multi.e", "Director multigrado", "director@15EJN0105E");
        String collective = "/api/v1/results/collective?escuelas=15EJN0104D,15EJN0105E&periodo=2016-10";
        long id = json(e.send("POST", "/api/v1/results/15EJN0105E/expected",
                "{\"periodo\": \"2016-10\", \"grado\": 2, \"area\": \"Lenguaje oral\", \"resultado\":"
                + " \"Borrador de E: narran en orden\"}")).get("id").getAsLong();
        assertTrue(id > 0);

        HttpResponse<String> alone = d.get(collective);
        assertEquals("D calls itself a collective with E: E has not agreed", 403, alone.statusCode());
        assertTrue(alone.body(), alone.body().contains("falta la dirección de 15EJN0104D, 15EJN0105E"));
        assertTrue(alone.body(), !alone.body().contains("Borrador de E"));
        assertEquals(422, d.send("POST", "/api/v1/results/15EJN0104D/concentrate/prefill", "{\"periodo\":"
                + " \"2016-10\", \"colectivo\": [\"15EJN0105E\"]}").statusCode());

        WebSession outsider = WebSession.demo("docente.ana");
        HttpResponse<String> existing = outsider.get(collective);
        HttpResponse<String> missing = outsider.get("/api/v1/results/collective?escuelas=15EJN0104D,15EJN9999Z"
                + "&periodo=2016-10");
        assertEquals(403, existing.statusCode());
        assertEquals("an outsider cannot tell which schools exist", json(existing).get("detail"),
                json(missing).get("detail"));
        assertEquals("a teacher does not agree for her school", 403, outsider.send("PUT",
                "/api/v1/results/collective/agreement", "{\"escuelas\": [\"15EJN0101A\", \"15EJN0105E\"],"
                + " \"escuela\": \"15EJN0101A\"}").statusCode());

        assertEquals(List.of("15EJN0105E"), List.of(json(agree(d, "15EJN0104D")).getAsJsonArray("faltanPorAcordar")
                .get(0).getAsString()));
        assertEquals(403, d.get(collective).statusCode());
        assertTrue(json(agree(e, "15EJN0105E")).get("acordado").getAsBoolean());
        HttpResponse<String> notMultigrade = d.get(collective);
        assertEquals("agreed, the schools' own flags are checked", 422, notMultigrade.statusCode());
        assertTrue(notMultigrade.body(), notMultigrade.body().contains("no es multigrado"));
        makeMultigrade(d, "15EJN0104D");
        makeMultigrade(e, "15EJN0105E");
        HttpResponse<String> together = d.get(collective);
        assertEquals(together.body(), 200, together.statusCode());

        WebSession supervisor = WebSession.demo("supervisora.zona15");
        HttpResponse<String> unpublished = supervisor.get(collective);
        assertEquals(403, unpublished.statusCode());
        assertTrue(unpublished.body(), unpublished.body().contains("15EJN0104D, 15EJN0105E"));
        for (WebSession director : List.of(d, e)) {
            String cct = director == d ? "15EJN0104D" : "15EJN0105E";
            assertEquals(200, director.send("PUT", "/api/v1/results/" + cct + "/publication", "{\"periodo\":"
                    + " \"2016-10\", \"publicado\": true}").statusCode());
        }
        assertEquals(200, supervisor.get(collective).statusCode());

        assertEquals(200, e.send("DELETE", "/api/v1/results/collective/agreement?escuelas=15EJN0104D,15EJN0105E"
                + "&escuela=15EJN0105E", null).statusCode());
        assertEquals("E withdrew", 403, d.get(collective).statusCode());
    }

    @Test
    public void aMultigradeCollectiveIsMadeOfMultigradeSchoolsOfOneZone() throws Exception {
        WebSession supervisor = WebSession.demo("supervisora.zona15");
        HttpResponse<String> formed = supervisor.send("PUT", "/api/v1/results/collective/agreement",
                "{\"escuelas\": [\"15EJN0101A\", \"15EJN0102B\"]}");
        assertEquals(formed.body(), 422, formed.statusCode());
        assertTrue(formed.body(), formed.body().contains("la escuela 15EJN0101A no es multigrado"));
        assertEquals(400, supervisor.get("/api/v1/results/collective?periodo=2016-11").statusCode());
        assertEquals(400, supervisor.get("/api/v1/results/collective?escuelas=15EJN0101A&periodo=2016-11")
                .statusCode());
    }
}
