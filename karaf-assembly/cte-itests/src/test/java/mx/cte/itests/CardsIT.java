package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
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
 * Intervention cards over HTTP: a card for a challenge of the concentrate, the collective's comments, the decision and
 * a later follow-up; the library search; the school scope; uninstalling the module answers 503 and reinstalling it
 * brings every card back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CardsIT {

    private static final String CARDS = "/api/v1/cards/15EJN0101A";
    private static final String RESULTS = "/api/v1/results/15EJN0101A";
    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";

    @Inject
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }



    private static String card(String period, String challenges, String title) {
        return "{\"periodo\": \"" + period + "\", \"sesion\": \"" + SESSION + "\", \"desafios\": " + challenges + ","
                + " \"titulo\": \"" + title + "\", \"accionesAula\": \"Asamblea diaria de narración\","
                + " \"materiales\": [\"Cuentos de la Biblioteca de Aula\"], \"adecuaciones\": \"Apoyo visual\","
                + " \"instrumentos\": \"Lista de cotejo\", \"grados\": [2], \"grupos\": [\"A\"], \"semanas\": 6,"
                + " \"responsables\": [\"docente.ana\"]}";
    }

    /** A challenge in the school's concentrate of the period: one expected result without progress in group 2°A. */
    private static long challenge(WebSession teacher, String period, String text) throws Exception {
        long expected = json(teacher.send("POST", RESULTS + "/expected", "{\"periodo\": \"" + period + "\","
                + " \"grado\": 2, \"grupo\": \"A\", \"area\": \"Lenguaje oral\", \"resultado\": \"" + text + "\"}"))
                .get("id").getAsLong();
        teacher.send("PUT", RESULTS + "/ratings/" + expected + "/A", "{\"avance\": \"sin-avance\", \"version\": 0}");
        teacher.send("POST", RESULTS + "/concentrate/prefill", "{\"periodo\": \"" + period + "\"}");
        JsonArray lines = json(teacher.get(RESULTS + "/concentrate?periodo=" + period)).getAsJsonArray("renglones");
        return lines.get(lines.size() - 1).getAsJsonObject().get("id").getAsLong();
    }

    @Test
    public void aCardGoesFromProposalToDecisionToFollowUpAndIsFoundInTheLibrary() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        long line = challenge(teacher, "2017-02", "Narran sucesos en orden");

        HttpResponse<String> created = teacher.send("POST", CARDS, card("2017-02", "[" + line + "]",
                "Narramos nuestro fin de semana"));
        assertEquals(created.body(), 201, created.statusCode());
        JsonObject card = json(created);
        assertEquals("Narran sucesos en orden", card.getAsJsonArray("desafios").get(0).getAsJsonObject()
                .get("texto").getAsString());
        long id = card.get("id").getAsLong();

        HttpResponse<String> invalid = teacher.send("POST", CARDS, card("2017-02", "[]", "")
                .replace("\"docente.ana\"", "\"docente.luis\""));
        assertEquals(422, invalid.statusCode());
        for (String field : List.of("titulo:", "desafios:", "responsables: 'docente.luis' no es personal")) {
            assertTrue(invalid.body(), invalid.body().contains(field));
        }

        WebSession director = WebSession.demo("directora.rosaura");
        HttpResponse<String> commented = director.send("POST", CARDS + "/" + id + "/comments",
                "{\"sugerencia\": true, \"texto\": \"Invitar a las familias a narrar\"}");
        assertEquals(commented.body(), 201, commented.statusCode());
        JsonObject comment = json(commented);
        assertEquals("answered with the comment as stored", "directora.rosaura", comment.get("autor").getAsString());
        assertTrue(commented.body(), comment.get("sugerencia").getAsBoolean() && !comment.has("comentarios"));
        assertTrue(commented.headers().firstValue("Location").orElseThrow()
                .endsWith(CARDS + "/" + id + "/comments/" + comment.get("id").getAsLong()));
        HttpResponse<String> decided = director.send("PUT", CARDS + "/" + id + "/decision",
                "{\"decision\": \"estrategia-global\", \"nota\": \"Para toda la escuela\", \"version\": 1}");
        assertEquals(decided.body(), 200, decided.statusCode());
        HttpResponse<String> stale = teacher.send("PUT", CARDS + "/" + id, card("2017-02", "[" + line + "]",
                "Otro título").replace("}", ", \"version\": 1}"));
        assertEquals(409, stale.statusCode());
        assertEquals("the current card comes with the conflict", "estrategia-global",
                json(stale).getAsJsonObject("actual").get("decision").getAsString());
        assertEquals(422, director.send("PUT", CARDS + "/" + id + "/decision",
                "{\"decision\": \"tal-vez\", \"version\": 2}").statusCode());
        HttpResponse<String> followed = teacher.send("POST", CARDS + "/" + id + "/follow-ups",
                "{\"sesion\": \"SEP:2016-2017:preescolar:ordinaria-4\", \"aplicada\": true,"
                        + " \"resultados\": \"12 de 20 narran en orden\"}");
        assertEquals(followed.body(), 201, followed.statusCode());

        JsonArray found = json(teacher.get(CARDS + "?q=NARRACION&decision=estrategia-global"))
                .getAsJsonArray("tarjetas");
        assertEquals(1, found.size());
        JsonObject listed = found.get(0).getAsJsonObject();
        assertEquals(1, listed.getAsJsonArray("comentarios").size());
        assertEquals(1, listed.getAsJsonArray("seguimiento").size());
        assertEquals(0, json(teacher.get(CARDS + "?q=narracion&grado=1")).getAsJsonArray("tarjetas").size());
        assertEquals(400, teacher.get(CARDS + "?decision=quizas").statusCode());

        assertEquals(200, WebSession.demo("supervisora.zona15").get(CARDS + "/" + id).statusCode());
        WebSession otherSchool = WebSession.demo("docente.luis");
        for (HttpResponse<String> attempt : List.of(otherSchool.get(CARDS), otherSchool.get(CARDS + "/" + id),
                otherSchool.send("POST", CARDS, card("2017-02", "[\"x\"]", "x")),
                otherSchool.send("POST", CARDS + "/" + id + "/comments", "{\"texto\": \"x\"}"),
                otherSchool.send("DELETE", CARDS + "/" + id + "?version=3", null))) {
            assertEquals(attempt.body(), 403, attempt.statusCode());
            assertTrue(attempt.body(), !attempt.body().contains("Narramos"));
        }
    }

    @Test
    public void uninstallingTheModuleAnswers503AndReinstallingBringsEveryCardBack() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        HttpResponse<String> created = teacher.send("POST", CARDS, card("2017-03",
                "[\"Reconocen su nombre escrito\"]", "Mi nombre en todas partes"));
        assertEquals(created.body(), 201, created.statusCode());
        HttpResponse<String> mistaken = teacher.send("POST", CARDS, card("2017-03", "[\"Por error\"]", "Borrador"));
        long mistakenId = json(mistaken).get("id").getAsLong();
        assertEquals(409, teacher.send("DELETE", CARDS + "/" + mistakenId + "?version=2", null).statusCode());
        assertEquals(204, teacher.send("DELETE", CARDS + "/" + mistakenId + "?version=1", null).statusCode());
        assertEquals(404, teacher.get(CARDS + "/" + mistakenId).statusCode());
        int before = json(teacher.get(CARDS)).getAsJsonArray("tarjetas").size();

        KarafShell admin = KarafShell.asAdmin(sessionFactory);
        admin.run("feature:uninstall cte-cards");
        try {
            HttpResponse<String> away = teacher.get(CARDS);
            assertEquals(away.body(), 503, away.statusCode());
            assertTrue(away.body(), away.body().contains("Tarjetas de intervención"));
            GuideApi.awaitGuide(SESSION, GuideApi.status("insatisfecha"));
            assertEquals("the results module does not depend on the cards", 200,
                    teacher.get(RESULTS + "/concentrate?periodo=2017-03").statusCode());
        } finally {
            admin.run("feature:install cte-cards");
        }
        GuideApi.awaitGuide(SESSION, GuideApi.status("activa"));
        HttpResponse<String> back = teacher.awaitOk(CARDS);
        assertEquals(back.body(), 200, back.statusCode());
        assertEquals("every card is still there", before, json(back).getAsJsonArray("tarjetas").size());
    }
}
