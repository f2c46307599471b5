package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
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
 * The exchange between schools over HTTP: the collective texts, the presentation drafted from the school's own data,
 * a zone grouped by common problems with the reasons, confirmed groups whose schools read each other, send each other
 * recommendations and copy each other's cards with attribution; the scope on every route; uninstall and reinstall.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ExchangeIT {

    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";
    private static final String Q = "?sesion=" + URLEncoder.encode(SESSION, StandardCharsets.UTF_8);
    private static final String A = "/api/v1/exchange/15EJN0101A";
    private static final String ZONE = "/api/v1/exchange/zones/15-preescolar-015";

    @Inject
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }



    /** The director of a school the demo data has no account for, created through the shell. */
    private WebSession directorOf(String username, String cct) throws Exception {
        return KarafShell.asAdmin(sessionFactory).signedInNewAccount(username, "Directora de prueba", "director@" + cct);
    }

    private static String presentation(String problem, String causes, String area, int grade, long version) {
        return "{\"sesion\": \"" + SESSION + "\", \"problema\": \"" + problem + "\", \"causas\": \"" + causes
                + "\", \"acciones\": \"\", \"resultados\": \"\", \"practicas\": \"\", \"areas\": [\"" + area
                + "\"], \"grados\": [" + grade + "], \"version\": " + version + "}";
    }

    private static void publish(WebSession session, String base, String problem, String causes, String area,
            int grade) throws Exception {
        HttpResponse<String> saved = session.send("PUT", base + "/presentation", presentation(problem, causes, area,
                grade, 0));
        assertEquals(saved.body(), 200, saved.statusCode());
        HttpResponse<String> published = session.send("PUT", base + "/presentation/publication",
                "{\"sesion\": \"" + SESSION + "\", \"publicado\": true}");
        assertEquals(published.body(), 200, published.statusCode());
    }

    @Test
    public void collectiveTextsAndAPresentationDraftedFromWhatTheSchoolHas() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        WebSession director = WebSession.demo("directora.rosaura");
        assertEquals(201, teacher.send("POST", A + "/texts/lluvia-ideas/contributions", "{\"sesion\": \"" + SESSION
                + "\", \"texto\": \"Aprender del colega de al lado\"}").statusCode());
        // Activity 19 only reads a text: the guide asks for no highlights there, so none are taken.
        HttpResponse<String> notAsked = director.send("POST", A + "/activities/19/texts/destacados-lectura/contributions",
                "{\"sesion\": \"" + SESSION + "\", \"lectura\": \"seb-aprendizaje-entre-escuelas\","
                + " \"texto\": \"escuelas que aprenden juntas\"}");
        assertEquals(notAsked.body(), 422, notAsked.statusCode());
        assertTrue(notAsked.body(), notAsked.body().contains("la actividad 19 de la guía " + SESSION + " no pide"));
        assertTrue(notAsked.body(), notAsked.body().contains("la pide la actividad 15"));
        assertEquals(201, director.send("POST", A + "/activities/15/texts/destacados-lectura/contributions",
                "{\"sesion\": \"" + SESSION + "\", \"lectura\": \"latapi-2003\","
                + " \"texto\": \"querer aprender\"}").statusCode());
        assertEquals(200, director.send("PUT", A + "/activities/16/texts/texto-escuela", "{\"sesion\": \"" + SESSION
                + "\", \"texto\": \"Aprender entre pares es reflexionar juntos\", \"version\": 0}").statusCode());
        assertEquals(422, director.send("PUT", A + "/activities/16/texts/ensayo", "{\"sesion\": \"" + SESSION
                + "\", \"texto\": \"x\", \"version\": 0}").statusCode());
        JsonObject brainstorm = json(teacher.get(A + "/activities/14/texts/lluvia-ideas" + Q));
        assertEquals("the contribution sent without its activity went to the guide's activity 14", 14,
                brainstorm.get("actividad").getAsInt());
        assertTrue(brainstorm.toString(), brainstorm.toString().contains("Aprender del colega de al lado"));
        String fifteen = teacher.get(A + "/activities/15/texts/destacados-lectura" + Q).body();
        assertTrue(fifteen, fifteen.contains("querer aprender"));
        JsonArray texts = json(teacher.get(A + "/texts" + Q)).getAsJsonArray("textos");
        assertFalse(texts.toString(), texts.toString().contains("\"actividad\":19"));

        // What the school already has: a challenge in its concentrate, a card for it, an agreement of the session.
        String results = "/api/v1/results/15EJN0101A";
        long expected = json(teacher.send("POST", results + "/expected", "{\"periodo\": \"2017-05\", \"grado\": 2,"
                + " \"grupo\": \"A\", \"area\": \"Lenguaje oral\", \"resultado\": \"Describen láminas con detalle\"}"))
                .get("id").getAsLong();
        teacher.send("PUT", results + "/ratings/" + expected + "/A", "{\"avance\": \"sin-avance\", \"version\": 0}");
        teacher.send("POST", results + "/concentrate/prefill", "{\"periodo\": \"2017-05\"}");
        assertEquals(201, teacher.send("POST", "/api/v1/cards/15EJN0101A", "{\"periodo\": \"2017-05\", \"sesion\": \""
                + SESSION + "\", \"desafios\": [\"Describen láminas con detalle\"], \"titulo\": \"Lotería de láminas\","
                + " \"accionesAula\": \"Describir una lámina al día\", \"grados\": [2], \"semanas\": 4,"
                + " \"responsables\": [\"docente.ana\"]}").statusCode());

        HttpResponse<String> draft = teacher.get(A + "/presentation" + Q + "&periodo=2017-05&borrador=true");
        assertEquals(draft.body(), 200, draft.statusCode());
        JsonObject drafted = json(draft);
        assertTrue(drafted.get("borrador").getAsBoolean());
        assertTrue(drafted.toString(), drafted.get("problema").getAsString()
                .contains("Describen láminas con detalle (Lenguaje oral, 2°)"));
        assertTrue(drafted.toString(), drafted.get("acciones").getAsString()
                .contains("Lotería de láminas: Describir una lámina al día"));

        WebSession supervisor = WebSession.demo("supervisora.zona15");
        assertEquals("drafts are the school's own", 403, supervisor.get(A + "/presentation" + Q).statusCode());
        WebSession otherSchool = WebSession.demo("docente.luis");
        for (HttpResponse<String> attempt : List.of(otherSchool.get(A + "/texts" + Q),
                otherSchool.get(A + "/presentation" + Q + "&periodo=2017-05"),
                otherSchool.send("POST", A + "/texts/lluvia-ideas/contributions", "{\"sesion\": \"" + SESSION
                        + "\", \"texto\": \"x\"}"),
                otherSchool.send("PUT", A + "/presentation", presentation("x", "x", "x", 1, 0)))) {
            assertEquals(attempt.body(), 403, attempt.statusCode());
            assertTrue(attempt.body(), !attempt.body().contains("láminas"));
        }
    }

    @Test
    public void theZoneIsGroupedByCommonProblemsAndPeersWorkTogether() throws Exception {
        WebSession a = WebSession.demo("directora.rosaura");
        WebSession b = WebSession.demo("director.bernardo");
        WebSession c = directorOf("direccion.zona.c", "15EJN0103C");
        WebSession d = directorOf("direccion.zona.d", "15EJN0104D");
        publish(a, A, "Los alumnos no narran sucesos en orden y les cuesta la expresión oral",
                "En el aula dominan las instrucciones y se conversa poco", "Lenguaje oral", 2);
        publish(b, "/api/v1/exchange/15EJN0102B", "Nuestros alumnos no logran narrar sucesos en orden",
                "En casa se conversa poco", "Lenguaje oral", 2);
        publish(c, "/api/v1/exchange/15EJN0103C", "Los niños no cuentan colecciones mayores a diez",
                "Pocas actividades de conteo con objetos", "Pensamiento matemático", 3);
        publish(d, "/api/v1/exchange/15EJN0104D", "Los alumnos no comparan ni cuentan colecciones de objetos",
                "Se practica poco el conteo", "Pensamiento matemático", 3);

        WebSession supervisor = WebSession.demo("supervisora.zona15");
        HttpResponse<String> suggested = supervisor.get(ZONE + "/suggestion" + Q);
        assertEquals(suggested.body(), 200, suggested.statusCode());
        JsonObject suggestion = json(suggested);
        List<String> groups = StreamSupport.stream(suggestion.getAsJsonArray("grupos").spliterator(), false)
                .map(g -> g.getAsJsonObject().getAsJsonArray("escuelas").toString()).toList();
        assertTrue(groups.toString(), groups.contains("[\"15EJN0101A\",\"15EJN0102B\"]"));
        assertTrue(groups.toString(), groups.contains("[\"15EJN0103C\",\"15EJN0104D\"]"));
        JsonObject language = StreamSupport.stream(suggestion.getAsJsonArray("grupos").spliterator(), false)
                .map(JsonElement::getAsJsonObject).filter(g -> g.toString().contains("15EJN0101A")).findFirst()
                .orElseThrow();
        String reasons = language.getAsJsonArray("razones").toString();
        assertTrue(reasons, reasons.contains("Problemáticas parecidas"));
        assertTrue(reasons, reasons.contains("«sucesos»"));
        assertTrue(reasons, reasons.contains("Misma área: Lenguaje oral"));
        assertTrue(suggestion.toString(), suggestion.getAsJsonArray("sinPublicar").toString().contains("15EJN0105E"));
        assertEquals(200, WebSession.demo("autoridad.edomex").get("/api/v1/exchange/states/15/suggestion" + Q)
                .statusCode());

        String confirm = "{\"sesion\": \"" + SESSION + "\", \"grupos\": [[\"15EJN0101A\", \"15EJN0102B\"],"
                + " [\"15EJN0103C\", \"15EJN0104D\"]]}";
        assertEquals(403, b.send("PUT", ZONE + "/groups", confirm).statusCode());
        HttpResponse<String> confirmed = supervisor.send("PUT", ZONE + "/groups", confirm);
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        assertEquals(422, supervisor.send("PUT", ZONE + "/groups", "{\"sesion\": \"" + SESSION
                + "\", \"grupos\": [[\"15EJN0101A\"]]}").statusCode());

        JsonArray peers = json(a.get(A + "/peers" + Q)).getAsJsonArray("pares");
        assertEquals(1, peers.size());
        assertTrue(peers.toString(), peers.get(0).getAsJsonObject().getAsJsonObject("presentacion")
                .get("problema").getAsString().contains("narrar sucesos"));

        assertEquals(201, a.send("POST", A + "/messages", "{\"sesion\": \"" + SESSION + "\", \"para\": \"15EJN0102B\","
                + " \"tipo\": \"estrategia\", \"texto\": \"Prueben la asamblea de narración\"}").statusCode());
        assertEquals(403, a.send("POST", A + "/messages", "{\"sesion\": \"" + SESSION + "\", \"para\": \"15EJN0103C\","
                + " \"tipo\": \"recurso\", \"texto\": \"x\"}").statusCode());
        assertTrue(json(b.get("/api/v1/exchange/15EJN0102B/messages" + Q)).toString()
                .contains("Prueben la asamblea de narración"));

        long card = json(b.send("POST", "/api/v1/cards/15EJN0102B", "{\"periodo\": \"2016-11\", \"sesion\": \""
                + SESSION + "\", \"desafios\": [\"Narran sucesos en orden\"], \"titulo\": \"Cuentacuentos del viernes\","
                + " \"accionesAula\": \"Cada viernes un niño cuenta un cuento\", \"grados\": [2], \"semanas\": 6,"
                + " \"responsables\": [\"docente.luis\"]}")).get("id").getAsLong();
        assertTrue(a.get(A + "/peers/15EJN0102B/cards" + Q).body().contains("Cuentacuentos del viernes"));
        assertEquals(403, a.get(A + "/peers/15EJN0103C/cards" + Q).statusCode());
        HttpResponse<String> copied = a.send("POST", A + "/cards", "{\"sesion\": \"" + SESSION + "\","
                + " \"escuela\": \"15EJN0102B\", \"tarjeta\": " + card + "}");
        assertEquals(copied.body(), 201, copied.statusCode());
        JsonObject copy = json(a.get(copied.headers().firstValue("Location").orElseThrow()));
        assertEquals("Cuentacuentos del viernes", copy.get("titulo").getAsString());
        assertEquals("15EJN0102B", copy.getAsJsonObject("copiadaDe").get("escuela").getAsString());
        assertEquals(card, copy.getAsJsonObject("copiadaDe").get("tarjeta").getAsLong());
        assertEquals("a school outside the group copies nothing", 403, c.send("POST",
                "/api/v1/exchange/15EJN0103C/cards", "{\"sesion\": \"" + SESSION + "\", \"escuela\": \"15EJN0102B\","
                        + " \"tarjeta\": " + card + "}").statusCode());
        assertEquals(403, c.get(ZONE + "/suggestion" + Q).statusCode());
    }

    @Test
    public void uninstallingTheModuleAnswers503AndReinstallingKeepsTheTexts() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        teacher.send("POST", A + "/texts/comentarios-colectivo/contributions", "{\"sesion\": \"" + SESSION
                + "\", \"texto\": \"Necesitamos más tiempo para observarnos\"}");
        KarafShell admin = KarafShell.asAdmin(sessionFactory);
        admin.run("feature:uninstall cte-exchange");
        try {
            HttpResponse<String> away = teacher.get(A + "/texts" + Q);
            assertEquals(away.body(), 503, away.statusCode());
            assertTrue(away.body(), away.body().contains("Intercambio entre escuelas"));
            GuideApi.awaitGuide(SESSION, GuideApi.status("insatisfecha"));
        } finally {
            admin.run("feature:install cte-exchange");
        }
        GuideApi.awaitGuide(SESSION, GuideApi.status("activa"));
        HttpResponse<String> back = teacher.awaitOk(A + "/texts" + Q);
        assertTrue(back.body(), back.body().contains("Necesitamos más tiempo para observarnos"));
    }
}
