package mx.cte.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
 * Guides in descriptor format 2, published at runtime by the SEP's publisher: the example of the 2021-2022 shape and
 * the example of an intensive phase (both written for this repository) serve every structure they declare, their image
 * from their own bundle, and reach only the schools of their level.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class Format2GuidesIT {

    private static final String SHAPE_2021 = "SEP:2021-2022:primaria:ordinaria-2-ejemplo";
    private static final String INTENSIVE = "SEP:2022-2023:basica:intensiva-ejemplo";
    private static final String THIRD_SESSION = "SEP:2016-2017:preescolar:ordinaria-3";

    @Inject
    private BootFinished bootFinished;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(response.body(), 200, response.statusCode());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static long publish(WebSession publisher, String module) throws Exception {
        HttpResponse<String> published = publisher.sendBytes("POST", "/api/v1/guide-bundles",
                Files.readAllBytes(CteKaraf.exampleGuide(module)), "application/java-archive");
        assertEquals(published.body(), 201, published.statusCode());
        return JsonParser.parseString(published.body()).getAsJsonObject().get("bundle").getAsLong();
    }

    private interface Check {
        void run(WebSession sep) throws Exception;
    }

    /** Runs a check with both examples published by the SEP's publisher, and removes them after it. */
    private static void withBothExamples(Check check) throws Exception {
        WebSession sep = WebSession.demo("publicador.sep");
        long shapeBundle = publish(sep, CteKaraf.EXAMPLE_2021);
        long intensiveBundle = publish(sep, CteKaraf.EXAMPLE_INTENSIVE);
        try {
            check.run(sep);
        } finally {
            sep.send("DELETE", "/api/v1/guide-bundles/" + shapeBundle, null, null);
            sep.send("DELETE", "/api/v1/guide-bundles/" + intensiveBundle, null, null);
            Http.awaitStatus("/api/v1/guides/" + SHAPE_2021, 404, GuideApi.WAIT);
            Http.awaitStatus("/api/v1/guides/" + INTENSIVE, 404, GuideApi.WAIT);
        }
    }

    private static void eachActivity(JsonArray sections, Consumer<JsonObject> action) {
        for (JsonElement element : sections) {
            JsonObject section = element.getAsJsonObject();
            if (section.has("activities")) {
                section.getAsJsonArray("activities").forEach(a -> action.accept(a.getAsJsonObject()));
            }
            if (section.has("sections")) {
                eachActivity(section.getAsJsonArray("sections"), action);
            }
        }
    }

    private static JsonObject activity(JsonObject guide, int key) {
        List<JsonObject> found = new ArrayList<>();
        eachActivity(guide.getAsJsonArray("sections"), a -> {
            if (a.get("number").getAsInt() == key) {
                found.add(a);
            }
        });
        assertEquals("activity with key " + key, 1, found.size());
        return found.get(0);
    }

    private static List<String> strings(JsonArray array, String member) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(member == null ? e.getAsString() : e.getAsJsonObject().get(member).getAsString()));
        return values;
    }

    @Test
    public void theExamplesOfEachShapeInstallAtRuntimeAndServeEveryStructure() throws Exception {
        withBothExamples(sep -> {
            JsonObject shape = json(sep.get("/api/v1/guides/" + SHAPE_2021)).getAsJsonObject("guide");
            assertEquals(2, shape.get("schemaVersion").getAsInt());
            JsonArray sections = shape.getAsJsonArray("sections");
            assertEquals(List.of("preliminar", "previa", "momento", "momento", "anexo"), strings(sections, "kind"));
            assertEquals(List.of("8:00 - 8:20", "8:20 - 10:00", "10:00 - 12:00"),
                    strings(shape.getAsJsonArray("agenda"), "time"));
            JsonObject during = sections.get(2).getAsJsonObject();
            assertEquals("a moment's own purposes", List.of("Reconozca sus logros de enseñanza."),
                    strings(during.getAsJsonObject("purposes").getAsJsonArray("items"), null));
            assertEquals("Roman-numbered sections", List.of("I.", "II."), strings(during.getAsJsonArray("sections"),
                    "label"));
            assertTrue("the footnote mark where printed", shape.getAsJsonArray("introduction").get(1).getAsString()
                    .endsWith("de la reunión del colectivo[^1]."));
            assertEquals("nota-editorial", shape.getAsJsonArray("introduction").get(0).getAsJsonObject().get("type")
                    .getAsString());

            JsonObject before = activity(shape, 101);
            assertEquals("an activity before the session, lettered as printed", "A", before.get("label").getAsString());
            JsonObject first = activity(shape, 1);
            assertEquals(List.of("Individual", "En parejas"), strings(first.getAsJsonArray("participations"), "label"));
            JsonArray products = first.getAsJsonArray("products");
            assertEquals(List.of("texto-libre", "acuerdo-bitacora"), strings(products, "type"));
            assertFalse(products.get(0).getAsJsonObject().get("optional").getAsBoolean());
            assertTrue(products.get(1).getAsJsonObject().get("optional").getAsBoolean());
            JsonObject subNumbered = activity(shape, 11);
            assertEquals("1.1", subNumbered.get("label").getAsString());
            assertTrue(subNumbered.get("editorialTitle").getAsBoolean());
            assertEquals("Quien coordina la sesión", subNumbered.getAsJsonArray("participations").get(0)
                    .getAsJsonObject().get("label").getAsString());

            JsonArray annex = sections.get(4).getAsJsonObject().getAsJsonArray("intro");
            JsonObject table = annex.get(0).getAsJsonObject();
            assertEquals("tabla", table.get("type").getAsString());
            assertEquals(List.of("Ajuste", "Responsable", "Fecha", "Resultado"), strings(table.getAsJsonArray("header"),
                    null));
            assertEquals("a format to fill: blank cells", "", table.getAsJsonArray("rows").get(0).getAsJsonArray().get(0)
                    .getAsString());
            assertEquals("enlace", annex.get(1).getAsJsonObject().get("type").getAsString());
            assertEquals(1, shape.getAsJsonArray("references").size());

            JsonObject intensive = json(sep.get("/api/v1/guides/" + INTENSIVE)).getAsJsonObject("guide");
            JsonArray days = intensive.getAsJsonArray("sections");
            assertEquals(List.of("dia", "dia", "dia"), strings(days, "kind"));
            assertEquals(List.of("2022-08-22", "2022-08-23", "2022-08-24"), strings(days, "date"));
            List<Integer> agendas = new ArrayList<>();
            days.forEach(d -> agendas.add(d.getAsJsonObject().getAsJsonArray("agenda").size()));
            assertEquals("each day its own agenda", List.of(3, 2, 2), agendas);
            List<String> numbering = new ArrayList<>();
            eachActivity(days, a -> numbering.add(a.get("number").getAsInt() + "=" + a.get("label").getAsString()));
            assertEquals("numbering restarts each day, keys stay unique", List.of("101=1", "102=2", "201=1", "301=1"),
                    numbering);
        });
    }

    private static byte[] bytes(InputStream in) throws Exception {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    @Test
    public void anImageComesFromItsGuideBundleAndNothingElseOfTheBundleDoes() throws Exception {
        WebSession sep = WebSession.demo("publicador.sep");
        long bundle = publish(sep, CteKaraf.EXAMPLE_2021);
        try {
            HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(Http.api(
                    "/api/v1/guides/" + SHAPE_2021 + "/imagen?ruta=imagenes/momentos.png")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, image.statusCode());
            assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
            byte[] signature = {(byte) 0x89, 'P', 'N', 'G'};
            byte[] start = new byte[4];
            System.arraycopy(image.body(), 0, start, 0, 4);
            assertArrayEquals(signature, start);
            assertEquals("the same image by its edition", 200, sep.get("/api/v1/guides/" + SHAPE_2021
                    + "/versions/1.0.0/imagen?ruta=imagenes/momentos.png").statusCode());

            HttpResponse<String> descriptor = sep.get("/api/v1/guides/" + SHAPE_2021 + "/imagen?ruta=guide.json");
            assertEquals("a file the guide does not show is not served", 404, descriptor.statusCode());
            assertTrue(descriptor.body(), descriptor.body().contains("no muestra ninguna imagen guide.json"));
            assertEquals(400, sep.get("/api/v1/guides/" + SHAPE_2021 + "/imagen").statusCode());

            // A guide whose image is not in its bundle is refused, naming the block and the file.
            String text = new String(Files.readAllBytes(CteKaraf.exampleGuide(CteKaraf.EXAMPLE_2021)
                    .getParent().getParent().resolve("src/main/resources/guide/guide.json")),
                    java.nio.charset.StandardCharsets.UTF_8).replace("ordinaria-2-ejemplo", "ordinaria-2-sin-imagen");
            HttpResponse<String> refused = sep.sendBytes("POST", "/api/v1/guide-bundles",
                    bytes(GuideBundles.bundle("it.guide.sin-imagen", "1.0.0", text)), "application/java-archive");
            assertEquals(refused.body(), 422, refused.statusCode());
            assertTrue(refused.body(), refused.body().contains("$.sections[2].sections[0].intro[0].src"));
            assertTrue(refused.body(), refused.body().contains("la imagen imagenes/momentos.png no está en el bundle"));
        } finally {
            sep.send("DELETE", "/api/v1/guide-bundles/" + bundle, null, null);
            Http.awaitStatus("/api/v1/guides/" + SHAPE_2021, 404, GuideApi.WAIT);
        }
    }

    @Test
    public void aGuideBundleBuiltFromTheArchetypeIsPublishedByItsState() throws Exception {
        java.nio.file.Path project = java.nio.file.Path.of(System.getProperty(CteKaraf.ARCHETYPE_PROJECT_PROPERTY));
        byte[] jar = Files.readAllBytes(project.resolve("target/guia-2024-2025-primaria-ordinaria-1-1.0.0.jar"));
        WebSession state = WebSession.demo("publicador.edomex");
        HttpResponse<String> published = state.sendBytes("POST", "/api/v1/guide-bundles", jar,
                "application/java-archive");
        assertEquals(published.body(), 201, published.statusCode());
        JsonObject edition = JsonParser.parseString(published.body()).getAsJsonObject();
        try {
            assertEquals("15:2024-2025:primaria:ordinaria-1", edition.get("clave").getAsString());
            assertEquals("activa", edition.get("estado").getAsString());
        } finally {
            state.send("DELETE", "/api/v1/guide-bundles/" + edition.get("bundle").getAsLong(), null, null);
        }
    }

    @Test
    public void aSchoolIsOfferedTheGuidesOfItsLevelAndModalityOnly() throws Exception {
        withBothExamples(sep -> {
            List<String> primaria = strings(json(sep.get("/api/v1/guides?nivel=primaria")).getAsJsonArray("guides"),
                    "key");
            assertTrue(primaria.toString(), primaria.contains(SHAPE_2021) && primaria.contains(INTENSIVE));
            assertFalse("a primaria school is not offered preescolar guides: " + primaria,
                    primaria.contains(THIRD_SESSION));
            List<String> preescolar = strings(json(sep.get("/api/v1/guides?nivel=preescolar&modalidad=ind%C3%ADgena"))
                    .getAsJsonArray("guides"), "key");
            assertTrue(preescolar.toString(), preescolar.contains(THIRD_SESSION) && preescolar.contains(INTENSIVE));
            assertFalse(preescolar.toString(), preescolar.contains(SHAPE_2021));
            HttpResponse<String> unknown = sep.get("/api/v1/guides?nivel=primaria&modalidad=nocturna");
            assertEquals(400, unknown.statusCode());
            assertTrue(unknown.body(), unknown.body().contains("modalidad"));
        });
    }
}
