package mx.cte.guides;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The printed guide of the third ordinary session (SEP, 2016-2017, preescolar), item by item, found where the print
 * has it in the bundle's descriptor: its front matter, its sections as nested as printed, each activity's text and
 * prompts, criteria, notes, who takes part, the products it asks for and no other, readings with their citations, and
 * each footnote marked once where it is printed. What the descriptor holds beyond the print (titles of activities and
 * readings the guide does not print) is marked as the encoder's ({@code editorialTitle}).
 */
public class ThirdSessionAsPrintedTest {

    private final JsonObject guide = read();

    private static JsonObject read() {
        try (InputStream in = ThirdSessionAsPrintedTest.class.getResourceAsStream("/guide/guide.json")) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonObject object, String member) {
        List<String> values = new ArrayList<>();
        if (object.has(member)) {
            object.getAsJsonArray(member).forEach(e -> values.add(e.getAsString()));
        }
        return values;
    }

    /** Every section with its title and the numbers of its activities, depth-first, as "título > subtítulo". */
    private static void outline(JsonArray sections, String parent, Map<String, List<Integer>> into) {
        for (JsonElement element : sections) {
            JsonObject section = element.getAsJsonObject();
            String path = (parent.isEmpty() ? "" : parent + " > ") + section.get("title").getAsString();
            List<Integer> numbers = new ArrayList<>();
            if (section.has("activities")) {
                section.getAsJsonArray("activities").forEach(a -> numbers.add(a.getAsJsonObject().get("number")
                        .getAsInt()));
            }
            into.put(path, numbers);
            if (section.has("sections")) {
                outline(section.getAsJsonArray("sections"), path, into);
            }
        }
    }

    private JsonObject activity(int number) {
        List<JsonObject> found = new ArrayList<>();
        collect(guide.getAsJsonArray("sections"), found);
        return found.stream().filter(a -> a.get("number").getAsInt() == number).findFirst().orElseThrow();
    }

    private static void collect(JsonArray sections, List<JsonObject> into) {
        for (JsonElement element : sections) {
            JsonObject section = element.getAsJsonObject();
            if (section.has("activities")) {
                section.getAsJsonArray("activities").forEach(a -> into.add(a.getAsJsonObject()));
            }
            if (section.has("sections")) {
                collect(section.getAsJsonArray("sections"), into);
            }
        }
    }

    @Test
    public void theSectionsAreNestedAsPrinted() {
        Map<String, List<Integer>> outline = new LinkedHashMap<>();
        outline(guide.getAsJsonArray("sections"), "", outline);
        Map<String, List<Integer>> printed = new LinkedHashMap<>();
        printed.put("¿Qué avances tenemos?", List.of());
        printed.put("¿Qué avances tenemos? > En el aula", List.of(1, 2));
        printed.put("¿Qué avances tenemos? > En la escuela", List.of(3, 4, 5, 6, 7));
        printed.put("¿Cómo lo vamos a hacer? ¿Qué requerimos fortalecer o modificar?", List.of());
        printed.put("¿Cómo lo vamos a hacer? ¿Qué requerimos fortalecer o modificar? > Intercambio de ideas y"
                + " experiencias", List.of(8, 9, 10, 11));
        printed.put("¿Cómo lo vamos a hacer? ¿Qué requerimos fortalecer o modificar? > Toma de acuerdos sobre la"
                + " implementación de acciones", List.of(12, 13));
        printed.put("Aprendizaje entre escuelas: ¿cómo nos preparamos?", List.of(14, 15, 16, 17, 18, 19, 20, 21));
        assertEquals(printed, outline);
    }

    @Test
    public void theFrontMatterIsThePrintedOne() {
        List<String> introduction = strings(guide, "introduction");
        List<String> openings = List.of("El trabajo en las sesiones de Consejo Técnico Escolar está orientado",
                "De esta manera, en la segunda sesión ordinaria", "En su primer apartado, ¿Qué avances tenemos?",
                "En el segundo apartado, ¿Cómo lo vamos a hacer?", "Para apoyar estas actividades, los invitamos",
                "Finalmente, en la sección Aprendizaje entre escuelas", "Las orientaciones para llevar a cabo");
        assertEquals(openings.size(), introduction.size());
        for (int i = 0; i < openings.size(); i++) {
            assertTrue(introduction.get(i), introduction.get(i).startsWith(openings.get(i)));
        }
        assertTrue(introduction.get(4).contains("7 de noviembre"));
        JsonObject purposes = guide.getAsJsonObject("purposes");
        assertEquals("Que el colectivo docente:", purposes.get("lead").getAsString());
        assertEquals(List.of("Valore", "Establezca", "Analice"), strings(purposes, "items").stream()
                .map(p -> p.split(" ")[0]).toList());
        assertEquals(6, strings(guide.getAsJsonObject("materials"), "items").size());
        assertTrue(strings(guide.getAsJsonObject("materials"), "items").contains("Reportes de Evaluación (primer"
                + " momento de registro)."));
        JsonObject products = guide.getAsJsonObject("products");
        assertEquals("Productos para las escuelas", products.get("lead").getAsString());
        assertEquals(3, strings(products, "items").size());
        assertTrue(strings(products, "notes").get(0).startsWith("Estos productos son para y de la escuela"));
    }

    @Test
    public void everyActivityOpensWithItsPrintedText() {
        String[] printed = {
            "Recuperen y pongan a la vista el cuadro de Resultados esperados",
            "A partir de lo concentrado en el cuadro, destaquen:",
            "Compartan sus respuestas en equipos, por grado y registren sus coincidencias.",
            "Si implementaron acciones adicionales en la escuela como parte de una Estrategia Global",
            "Sinteticen e integren el producto del equipo para compartirlo",
            "Expongan por equipos, el producto anterior y concentren en un pliego de papel",
            "Destaquen la manera en que la atención de estos resultados favorece",
            "Realicen una revisión conjunta de tales materiales, recursos y fuentes",
            "A partir de esta organización, seleccionen los materiales",
            "Determinen las propuestas de intervención que aplicarán durante las siguientes semanas",
            "Cada equipo expone su propuesta de intervención para recibir comentarios y sugerencias",
            "Una vez concluidas las participaciones, el colectivo decide",
            "Convengan las responsabilidades, compromisos y tiempos",
            "Reflexionen individualmente acerca de lo que significa para ustedes Aprender entre pares.",
            "Lean los siguientes textos y subrayen los términos o las ideas",
            "Compartan el contenido de las lecturas y, a partir de los términos y las ideas que destacaron",
            "Contrasten su texto con las características del aprendizaje entre pares",
            "Comenten en el colectivo lo siguiente:",
            "Lean el siguiente texto:",
            "Establezcan, con base en lo anterior, una forma sencilla y ágil",
            "Registren en su Cuaderno de Bitácora las ideas y los acuerdos generados en la actividad previa.",
        };
        for (int number = 1; number <= printed.length; number++) {
            String first = strings(activity(number), "instructions").get(0);
            assertTrue("activity " + number + ": " + first, first.startsWith(printed[number - 1]));
        }
        assertTrue(activity(17).toString().contains("Destaquen de qué manera el aprender entre pares tiene relación"));
    }

    @Test
    public void promptsCriteriaAndNotesAreWhereTheyArePrinted() {
        JsonArray questions = activity(2).getAsJsonArray("prompts");
        assertEquals(5, questions.size());
        assertTrue(questions.get(0).getAsJsonObject().get("text").getAsString().startsWith("¿Qué resultados esperados"
                + " están representando mayor dificultad"));
        assertEquals("No olviden registrar sus respuestas.", questions.get(4).getAsJsonObject().get("text")
                .getAsString());
        assertEquals(5, activity(5).getAsJsonArray("prompts").size());
        assertEquals(2, activity(6).getAsJsonArray("prompts").size());
        assertTrue(strings(activity(6), "notes").get(0).startsWith("En CTE de escuelas multigrado"));
        List<String> criteria = new ArrayList<>();
        activity(8).getAsJsonArray("criteria").forEach(c -> criteria.add(c.getAsJsonObject().get("key").getAsString()));
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), criteria);
        assertTrue(strings(activity(10), "notes").get(0).startsWith("Estos productos del CTE deberán ir integrándose"));
        assertTrue(strings(activity(21), "notes").get(0).startsWith("El director escolar, a partir del trabajo en"
                + " CTZ"));
    }

    @Test
    public void eachFootnoteIsMarkedOnceWhereItIsPrinted() {
        // Footnote 1 is printed inside the first question of activity 2, after "en el grupo?", before "¿Por qué?".
        assertTrue(activity(2).toString(), activity(2).getAsJsonArray("prompts").get(0).getAsJsonObject().get("text")
                .getAsString().endsWith("para su logro en el grupo?[^1] ¿Por qué?"));
        assertFalse("marked once: " + activity(2), activity(2).has("footnotes"));
        String descriptor = guide.toString();
        assertEquals("footnote 1 marked once in the whole guide", 1, count(descriptor, "\"footnotes\":[\"1\"]")
                + count(descriptor, "[^1]"));
        // Footnote 2 is printed at the end of the section's closing paragraph: "… del desempeño escolar2."
        JsonObject exchange = guide.getAsJsonArray("sections").get(2).getAsJsonObject();
        List<String> closing = strings(exchange, "closing");
        assertTrue(closing.get(closing.size() - 1), closing.get(closing.size() - 1)
                .endsWith("hacia la mejora del desempeño escolar[^2]."));
        assertFalse("not on the section's title: " + exchange.get("footnotes"), exchange.has("footnotes"));
        assertEquals("footnote 2 marked once in the whole guide", 1, count(descriptor, "[^2]")
                + count(descriptor, "\"footnotes\":[\"2\"]"));
        List<String> texts = new ArrayList<>();
        guide.getAsJsonArray("footnotes").forEach(f -> texts.add(f.getAsJsonObject().get("text").getAsString()));
        assertTrue(texts.get(0).startsWith("Los docentes de Educación Física, Inglés, Música, Cómputo, USAER"));
        assertTrue(texts.get(1).startsWith("AFSEDF, Aprender entre pares."));
    }

    private static int count(String text, String part) {
        int found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            found++;
        }
        return found;
    }

    @Test
    public void whoTakesPartIsAsPrinted() {
        // 11: "Cada equipo expone su propuesta … para recibir comentarios y sugerencias del colectivo".
        assertEquals(List.of("equipo", "colectivo"), ids(activity(11), "participations"));
        // 14: "Reflexionen individualmente … Compartan su reflexión con el colectivo mediante una lluvia de ideas".
        assertEquals(List.of("individual", "colectivo"), ids(activity(14), "participations"));
        assertEquals(List.of("equipo-por-grado"), ids(activity(3), "participations"));
        assertEquals(List.of("equipo"), ids(activity(10), "participations"));
    }

    @Test
    public void eachActivityAsksForTheProductsThePrintAsksForAndNoOther() {
        Map<Integer, List<String>> printed = new LinkedHashMap<>();
        String[] types = {"cuadro-resultados", "valoracion-grupo", "coincidencias-grado", "valoracion-estrategia-global",
            "sintesis-equipo", "concentrado-escuela", "vinculo-ruta-mejora", "clasificacion-recursos",
            "seleccion-recursos", "propuesta-intervencion", "comentarios-propuesta", "decision-estrategia-global",
            "acuerdo-bitacora", "lluvia-ideas", "destacados-lectura", "texto-escuela", "contraste-practica",
            "comentarios-colectivo", null, "presentacion-problematica", "acuerdo-bitacora"};
        for (int number = 1; number <= 21; number++) {
            // 19 only reads a text ("Lean el siguiente texto:"): it asks for nothing to be written.
            printed.put(number, types[number - 1] == null ? List.of() : List.of(types[number - 1]));
        }
        Map<Integer, List<String>> encoded = new LinkedHashMap<>();
        for (int number = 1; number <= 21; number++) {
            encoded.put(number, activity(number).has("products") ? types(activity(number)) : List.of());
        }
        assertEquals(printed, encoded);
    }

    @Test
    public void titlesTheGuideDoesNotPrintAreMarkedAsEditorial() {
        List<JsonObject> activities = new ArrayList<>();
        collect(guide.getAsJsonArray("sections"), activities);
        for (JsonObject activity : activities) {
            assertTrue("activity " + activity.get("number") + " has no printed title",
                    activity.has("editorialTitle") && activity.get("editorialTitle").getAsBoolean());
        }
        guide.getAsJsonArray("readings").forEach(r -> assertTrue("reading " + r.getAsJsonObject().get("id")
                + " is printed without a title", r.getAsJsonObject().get("editorialTitle").getAsBoolean()));
    }

    private static List<String> ids(JsonObject activity, String member) {
        List<String> ids = new ArrayList<>();
        activity.getAsJsonArray(member).forEach(p -> ids.add(p.isJsonPrimitive() ? p.getAsString()
                : p.getAsJsonObject().get("id").getAsString()));
        return ids;
    }

    private static List<String> types(JsonObject activity) {
        List<String> types = new ArrayList<>();
        activity.getAsJsonArray("products").forEach(p -> types.add(p.getAsJsonObject().get("type").getAsString()));
        return types;
    }

    @Test
    public void theReadingsAreCitedAsPrinted() {
        Map<String, JsonObject> citations = new LinkedHashMap<>();
        guide.getAsJsonArray("readings").forEach(r -> {
            JsonObject reading = r.getAsJsonObject();
            if (reading.has("citation")) {
                citations.put(reading.get("id").getAsString(), reading.getAsJsonObject("citation"));
            }
        });
        JsonObject cerda = citations.get("cerda-lopez");
        assertEquals("Adaptado de", cerda.get("attribution").getAsString());
        assertEquals("A. Cerda e I. López", cerda.get("authors").getAsString());
        assertEquals("http://www.cpeip.cl/wp-content/uploads/2016/08/APRENDIZAJE-ENTRE-PARES-2.pdf",
                cerda.get("url").getAsString());
        JsonObject latapi = citations.get("latapi-2003");
        assertEquals("Tomado de", latapi.get("attribution").getAsString());
        assertEquals("P. Latapí", latapi.get("authors").getAsString());
        assertEquals("2003", latapi.get("year").getAsString());
        assertEquals("¿Cómo aprenden los maestros?", latapi.get("title").getAsString());
        assertEquals("Cuadernos de Discusión 6. Secretaría de Educación Pública, México",
                latapi.get("source").getAsString());
    }
}
