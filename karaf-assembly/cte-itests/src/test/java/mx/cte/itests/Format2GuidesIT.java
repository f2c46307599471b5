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
        HttpResponse<String> published = Signing.publish(publisher,
                Files.readAllBytes(CteKaraf.exampleGuide(module)), Signing.karafEtc());
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
            // A published bundle's guide is registered by the extender a moment after the 201 (CI met the 404).
            GuideApi.awaitGuide(SHAPE_2021, GuideApi.status("activa"));
            GuideApi.awaitGuide(INTENSIVE, GuideApi.status("activa"));
            check.run(sep);
        } finally {
            GuideApi.removeGuideBundle(sep, shapeBundle);
            GuideApi.removeGuideBundle(sep, intensiveBundle);
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
            HttpResponse<String> refused = Signing.publish(sep,
                    bytes(GuideBundles.bundle("it.guide.sin-imagen", "1.0.0", text)), Signing.karafEtc());
            assertEquals(refused.body(), 422, refused.statusCode());
            assertTrue(refused.body(), refused.body().contains("$.sections[2].sections[0].intro[0].src"));
            assertTrue(refused.body(), refused.body().contains("la imagen imagenes/momentos.png no está en el bundle"));
        } finally {
            GuideApi.removeGuideBundle(sep, bundle);
            Http.awaitStatus("/api/v1/guides/" + SHAPE_2021, 404, GuideApi.WAIT);
        }
    }

    @Test
    public void aGuideBundleBuiltFromTheArchetypeIsPublishedByItsState() throws Exception {
        java.nio.file.Path project = java.nio.file.Path.of(System.getProperty(CteKaraf.ARCHETYPE_PROJECT_PROPERTY));
        byte[] jar = Files.readAllBytes(project.resolve("target/guia-2024-2025-primaria-ordinaria-1-1.0.0.jar"));
        WebSession state = WebSession.demo("publicador.edomex");
        HttpResponse<String> published = Signing.publish(state, jar, Signing.karafEtc());
        assertEquals(published.body(), 201, published.statusCode());
        JsonObject edition = JsonParser.parseString(published.body()).getAsJsonObject();
        try {
            assertEquals("15:2024-2025:primaria:ordinaria-1", edition.get("clave").getAsString());
            assertEquals("activa", edition.get("estado").getAsString());
        } finally {
            GuideApi.removeGuideBundle(state, edition.get("bundle").getAsLong());
        }
    }

    private static final String STATE_THIRD_SESSION = "15:2016-2017:preescolar:ordinaria-3";

    private static final String OVERLAY = "{\"schemaVersion\": 2, \"base\": {\"publisher\": \"SEP\", \"cycle\":"
            + " \"2016-2017\", \"level\": \"preescolar\", \"session\": \"ordinaria-3\", \"versions\": \"[1.0,2.0)\"},"
            + " \"version\": \"1.0.0\", \"publisher\": {\"code\": \"15\", \"name\": \"Secretaría de Educación del"
            + " Estado de México\"}, \"changes\": ["
            + "{\"action\": \"agregar-actividad\", \"in\": \"toma-de-acuerdos\", \"after\": 13, \"activity\":"
            + " {\"number\": \"13 bis\", \"key\": 1301, \"participations\": [\"director\"], \"instructions\":"
            + " [\"El director comparte los acuerdos con la supervisión escolar.\"]}},"
            + "{\"action\": \"reemplazar-actividad\", \"key\": 12, \"activity\": {\"number\": 12,"
            + " \"participations\": [\"colectivo\"], \"instructions\": [\"Texto estatal de la actividad 12.\"],"
            + " \"products\": [{\"type\": \"decision-estrategia-global\", \"title\": \"Decisión del colectivo\"}]}},"
            + "{\"action\": \"ocultar-actividad\", \"key\": 19}]}";

    /** The third session's descriptor as the SEP publishes it, in another edition, edited. */
    private static byte[] sepEdition(String version, Consumer<JsonObject> edit) throws Exception {
        java.nio.file.Path descriptor = java.nio.file.Path.of(System.getProperty(CteKaraf.EXAMPLE_GUIDES_PROPERTY),
                "mx.cte.guides.sep.2016-2017.preescolar.ordinaria-3", "src/main/resources/guide/guide.json");
        JsonObject guide = JsonParser.parseString(Files.readString(descriptor)).getAsJsonObject();
        guide.addProperty("version", version);
        edit.accept(guide);
        return bytes(GuideBundles.bundle("it.guide.sep.tercera", version, guide.toString()));
    }

    private static JsonObject stateGuide(WebSession session) throws Exception {
        return json(session.get("/api/v1/guides/" + STATE_THIRD_SESSION)).getAsJsonObject("guide");
    }

    @Test
    public void aStateOverlayIsShownWithItsProvenanceAndFollowsTheSepsCorrectedEditions() throws Exception {
        WebSession state = WebSession.demo("publicador.edomex");
        WebSession sep = WebSession.demo("publicador.sep");
        List<Long> bundles = new ArrayList<>();
        try {
            HttpResponse<String> published = Signing.publish(state,
                    bytes(GuideBundles.bundle("it.overlay.15.tercera", "1.0.0", OVERLAY)), Signing.karafEtc());
            assertEquals(published.body(), 201, published.statusCode());
            JsonObject edition = JsonParser.parseString(published.body()).getAsJsonObject();
            bundles.add(edition.get("bundle").getAsLong());
            assertEquals(STATE_THIRD_SESSION, edition.get("clave").getAsString());

            JsonObject guide = stateGuide(state);
            JsonObject provenance = guide.getAsJsonObject("provenance");
            assertEquals("SEP:2016-2017:preescolar:ordinaria-3", provenance.get("baseKey").getAsString());
            assertEquals("1.0.0", provenance.get("baseVersion").getAsString());
            JsonObject items = provenance.getAsJsonObject("items");
            assertEquals("agregado", items.get("actividad:1301").getAsString());
            assertEquals("reemplazado", items.get("actividad:12").getAsString());
            assertEquals("oculto", items.get("actividad:19").getAsString());
            List<String> numbering = new ArrayList<>();
            eachActivity(guide.getAsJsonArray("sections"), a -> numbering.add(a.get("label").getAsString()));
            assertEquals("21 printed, 19 left out, 13 bis added", 21, numbering.size());
            assertTrue(numbering.toString(), numbering.subList(11, 14).equals(List.of("12", "13", "13 bis")));
            assertFalse(numbering.contains("19"));
            assertEquals("Texto estatal de la actividad 12.", activity(guide, 12).getAsJsonArray("instructions").get(0)
                    .getAsString());

            // The SEP corrects its guide: the state's changes are applied to the new edition.
            HttpResponse<String> corrected = Signing.publish(sep, sepEdition("1.0.1",
                    g -> { }), Signing.karafEtc());
            assertEquals(corrected.body(), 201, corrected.statusCode());
            bundles.add(JsonParser.parseString(corrected.body()).getAsJsonObject().get("bundle").getAsLong());
            assertEquals("1.0.1", stateGuide(state).getAsJsonObject("provenance").get("baseVersion").getAsString());

            // An edition without activity 12 conflicts with the state's change to it: said item by item; the
            // state's guide stays on the edition it fits.
            HttpResponse<String> withoutTwelve = Signing.publish(sep, sepEdition("1.1.0",
                    g -> g.getAsJsonArray("sections").get(1).getAsJsonObject().getAsJsonArray("sections").get(1)
                            .getAsJsonObject().getAsJsonArray("activities").remove(0)), Signing.karafEtc());
            assertEquals(withoutTwelve.body(), 201, withoutTwelve.statusCode());
            bundles.add(JsonParser.parseString(withoutTwelve.body()).getAsJsonObject().get("bundle").getAsLong());
            assertEquals("1.0.1", stateGuide(state).getAsJsonObject("provenance").get("baseVersion").getAsString());
            String catalog = sep.get("/api/v1/guides").body();
            assertTrue(catalog, catalog.contains("la actividad 12 no existe (en la edición 1.1.0 de"
                    + " SEP:2016-2017:preescolar:ordinaria-3)"));

            // An overlay of a guide that is not installed is refused naming the base.
            HttpResponse<String> orphan = Signing.publish(state, bytes(GuideBundles.bundle(
                    "it.overlay.15.huerfana", "1.0.0", OVERLAY.replace("ordinaria-3", "ordinaria-9"))),
                    Signing.karafEtc());
            assertEquals(orphan.body(), 422, orphan.statusCode());
            assertTrue(orphan.body(), orphan.body().contains("la guía base SEP:2016-2017:preescolar:ordinaria-9 no"
                    + " tiene instalada ninguna edición en [1.0,2.0)"));
        } finally {
            for (long bundle : bundles) {
                GuideApi.removeGuideBundle(bundle == bundles.get(0) ? state : sep, bundle);
            }
            Http.awaitStatus("/api/v1/guides/" + STATE_THIRD_SESSION, 404, GuideApi.WAIT);
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
