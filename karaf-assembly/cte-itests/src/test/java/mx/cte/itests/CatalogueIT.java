package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The resource catalogue over HTTP: the guide's criteria, classification, Spanish search with facets, the shipped SEP
 * pack and a pack installed and removed at runtime, the selection for the challenges, the school scope, and the
 * module uninstalled and reinstalled keeping its data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CatalogueIT {

    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";
    private static final String RESOURCES = "/api/v1/catalogue/15EJN0101A/resources";

    @Inject
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }



    private static List<String> titles(HttpResponse<String> found) {
        return StreamSupport.stream(json(found).getAsJsonArray("recursos").spliterator(), false)
                .map(r -> r.getAsJsonObject().get("titulo").getAsString()).toList();
    }

    private static String resource(String title, String kind, String area) {
        return "{\"titulo\": \"" + title + "\", \"tipo\": \"" + kind + "\", \"autor\": \"Colectivo docente\","
                + " \"ubicacion\": \"Dirección\", \"grados\": [2, 3], \"areas\": [\"" + area + "\"],"
                + " \"sesion\": \"" + SESSION + "\"}";
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    public void aSchoolClassifiesByTheGuidesCriteriaAndFindsInSpanish() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        JsonArray criteria = json(teacher.get("/api/v1/catalogue/criteria?sesion=" + encoded(SESSION)))
                .getAsJsonArray("criterios");
        assertEquals("the third session's criteria a) to f), from the guide", 6, criteria.size());
        assertTrue(criteria.get(5).getAsJsonObject().get("texto").getAsString().contains("indicadores de seguimiento"));

        HttpResponse<String> counting = teacher.send("POST", RESOURCES, resource("Tarjetas para contar y comparar",
                "material-didactico", "Pensamiento matemático"));
        assertEquals(counting.body(), 201, counting.statusCode());
        HttpResponse<String> reading = teacher.send("POST", RESOURCES, resource("Lectura en voz alta cada mañana",
                "lectura", "Lenguaje oral"));
        long readingId = json(reading).get("id").getAsLong();

        assertTrue(titles(teacher.get(RESOURCES + "?q=matematico")).contains("Tarjetas para contar y comparar"));
        assertTrue(titles(teacher.get(RESOURCES + "?q=lecturas")).contains("Lectura en voz alta cada mañana"));

        HttpResponse<String> classified = teacher.send("PUT", RESOURCES + "/" + readingId + "/classification",
                "{\"sesion\": \"" + SESSION + "\", \"criterios\": [\"a\", \"f\"], \"version\": 1}");
        assertEquals(classified.body(), 200, classified.statusCode());
        HttpResponse<String> badCriterion = teacher.send("PUT", RESOURCES + "/" + readingId + "/classification",
                "{\"sesion\": \"" + SESSION + "\", \"criterios\": [\"z\"], \"version\": 2}");
        assertEquals(422, badCriterion.statusCode());
        assertTrue(badCriterion.body(), badCriterion.body().contains("use a, b, c, d, e, f"));
        HttpResponse<String> byCriterion = teacher.get(RESOURCES + "?criterio=f&sesion=" + encoded(SESSION));
        assertEquals(List.of("Lectura en voz alta cada mañana"), titles(byCriterion));
        JsonObject facets = json(teacher.get(RESOURCES)).getAsJsonObject("facetas");
        assertTrue(facets.toString(), StreamSupport.stream(facets.getAsJsonArray("criterio").spliterator(), false)
                .map(JsonElement::getAsJsonObject).anyMatch(f -> f.get("valor").getAsString().equals(SESSION + "#f")
                        && f.get("etiqueta").getAsString().contains("indicadores de seguimiento")));

        HttpResponse<String> invalid = teacher.send("POST", RESOURCES, "{\"titulo\": \"\", \"tipo\": \"revista\"}");
        assertEquals(422, invalid.statusCode());
        assertTrue(invalid.body(), invalid.body().contains("no es un tipo de recurso"));
        assertEquals(400, teacher.get(RESOURCES + "?grado=dos").statusCode());

        WebSession otherSchool = WebSession.demo("docente.luis");
        for (HttpResponse<String> attempt : List.of(otherSchool.get(RESOURCES),
                otherSchool.get(RESOURCES + "/" + readingId),
                otherSchool.send("POST", RESOURCES, resource("x", "libro", "x")),
                otherSchool.send("PUT", RESOURCES + "/" + readingId + "/classification", "{\"sesion\": \""
                        + SESSION + "\", \"criterios\": [\"a\"], \"version\": 2}"),
                otherSchool.get("/api/v1/catalogue/15EJN0101A/selection?periodo=2016-11"))) {
            assertEquals(attempt.body(), 403, attempt.statusCode());
            assertTrue(attempt.body(), !attempt.body().contains("Lectura en voz alta"));
        }
        assertTrue("the neighbour's catalogue does not show it", !titles(otherSchool.get(
                "/api/v1/catalogue/15EJN0102B/resources?q=lecturas")).contains("Lectura en voz alta cada mañana"));
    }

    @Test
    public void packsAppearInEverySchoolsCatalogueAndLeaveWhenUninstalled() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        JsonObject packs = json(teacher.get("/api/v1/catalogue/packs"));
        assertTrue(packs.toString(), packs.getAsJsonArray("paquetes").toString().contains("sep-preescolar"));
        assertTrue(titles(teacher.get(RESOURCES + "?q=album&grado=2")).contains("Mi álbum. Preescolar. Segundo grado"));

        Bundle pack = bundleContext.installBundle("it:pack", Signing.admitted(bundleContext,
                GuideBundles.contentBundle("it.pack.estatal", "1.0.0", "CTE-Resource-Pack", "pack/pack.json",
                        "{\"key\": \"edomex-prueba\", \"title\": \"Fichas estatales\","
                        + " \"publisher\": \"15\", \"version\": \"1.0.0\", \"resources\": [{\"key\": \"fichas\","
                        + " \"title\": \"Fichas de juegos matemáticos\", \"kind\": \"material-didactico\"}]}")));
        try {
            pack.start();
            assertTrue(titles(awaitTitle(teacher, "juegos", "Fichas de juegos matemáticos"))
                    .contains("Fichas de juegos matemáticos"));
            WebSession neighbour = WebSession.demo("docente.luis");
            assertTrue(titles(neighbour.get("/api/v1/catalogue/15EJN0102B/resources?q=juegos"))
                    .contains("Fichas de juegos matemáticos"));
            long entry = json(teacher.get(RESOURCES + "?q=fichas")).getAsJsonArray("recursos").get(0)
                    .getAsJsonObject().get("id").getAsLong();
            assertEquals("a pack's entry is read-only", 409, teacher.send("PUT", RESOURCES + "/" + entry,
                    resource("Otra", "libro", "x").replace("}", ", \"version\": 0}")).statusCode());
            HttpResponse<String> selected = teacher.send("POST", "/api/v1/catalogue/15EJN0101A/selection",
                    "{\"periodo\": \"2016-11\", \"recurso\": " + entry + ", \"nota\": \"Para el desafío de conteo\"}");
            assertEquals(selected.body(), 201, selected.statusCode());
        } finally {
            pack.uninstall();
        }
        assertTrue(titles(teacher.get(RESOURCES + "?q=juegos")).stream().noneMatch(t -> t.startsWith("Fichas")));
        JsonArray selection = json(teacher.get("/api/v1/catalogue/15EJN0101A/selection?periodo=2016-11"))
                .getAsJsonArray("seleccion");
        assertTrue("a selection keeps the entry it was made with", selection.toString()
                .contains("Fichas de juegos matemáticos"));

        Bundle broken = bundleContext.installBundle("it:broken-pack", GuideBundles.contentBundle("it.pack.roto",
                "1.0.0", "CTE-Resource-Pack", "pack/pack.json", "{\"key\": \"roto\", \"title\": \"Roto\","
                        + " \"publisher\": \"15\", \"version\": \"1.0\", \"resources\": []}"));
        try {
            broken.start();
            JsonArray refused = json(teacher.get("/api/v1/catalogue/packs")).getAsJsonArray("rechazados");
            assertTrue(refused.toString(), refused.toString().contains("$.version: '1.0' debe tener la forma 1.0.0"));
        } finally {
            broken.uninstall();
        }
    }

    private static HttpResponse<String> awaitTitle(WebSession session, String query, String title) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        HttpResponse<String> found = session.get(RESOURCES + "?q=" + query);
        while (!titles(found).contains(title) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = session.get(RESOURCES + "?q=" + query);
        }
        return found;
    }

    @Test
    public void uninstallingTheModuleAnswers503AndReinstallingKeepsTheCatalogue() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        teacher.send("POST", RESOURCES, resource("Memorama de números", "material-didactico",
                "Pensamiento matemático"));
        long before = json(teacher.get(RESOURCES)).get("total").getAsLong();

        KarafShell admin = KarafShell.asAdmin(sessionFactory);
        admin.run("feature:uninstall cte-catalogue");
        try {
            HttpResponse<String> away = teacher.get(RESOURCES);
            assertEquals(away.body(), 503, away.statusCode());
            assertTrue(away.body(), away.body().contains("Catálogo de recursos"));
            GuideApi.awaitGuide(SESSION, GuideApi.status("insatisfecha"));
        } finally {
            admin.run("feature:install cte-catalogue");
        }
        GuideApi.awaitGuide(SESSION, GuideApi.status("activa"));
        HttpResponse<String> back = teacher.awaitOk(RESOURCES);
        assertEquals(back.body(), 200, back.statusCode());
        assertEquals("every resource, and the packs, still there", before, json(back).get("total").getAsLong());
        assertTrue(titles(teacher.get(RESOURCES + "?q=memorama")).contains("Memorama de números"));
    }
}
