package mx.cte.guide.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.Block;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.Participation;
import mx.cte.guide.api.PromptKind;
import mx.cte.guide.api.Section;
import mx.cte.guide.api.SectionKind;
import org.junit.Test;

public class DescriptorReaderTest {

    private final DescriptorReader reader = new DescriptorReader();

    private static String problems(DescriptorResult result) {
        return result.problems().stream().map(GuideProblem::toString).collect(Collectors.joining("\n"));
    }

    private static boolean hasProblemAt(DescriptorResult result, String path, String fragment) {
        return result.problems().stream()
                .anyMatch(p -> p.path().equals(path) && p.message().contains(fragment));
    }

    @Test
    public void readsAMinimalGuideFilledWithEmptyDefaults() {
        DescriptorResult result = reader.read(Descriptors.text("minimal.json"));

        assertTrue(problems(result), result.isValid());
        Guide guide = result.guide();
        assertEquals("15:2017-2018:primaria:ordinaria-2", guide.id().key());
        assertEquals("1.0.0", guide.version());
        assertEquals(List.of(), guide.introduction());
        assertEquals(List.of(), guide.purposes().items());
        assertEquals(SectionKind.PART, guide.sections().get(0).kind());
        assertEquals(Set.of("texto-libre"), guide.productTypes());
    }

    @Test
    public void readsEveryFieldTheSchemaAllows() {
        DescriptorResult result = reader.read(Descriptors.text("every-field.json"));

        assertTrue(problems(result), result.isValid());
        Guide guide = result.guide();
        assertEquals("Educación Secundaria", guide.subtitle());
        assertEquals("Que el colectivo docente:", guide.purposes().lead());
        assertEquals(List.of("Estos productos son para y de la escuela."), guide.products().notes());
        assertEquals(30, guide.agenda().get(0).minutes());
        assertEquals(3, guide.sections().size());
        assertEquals(SectionKind.MOMENT, guide.sections().get(0).kind());
        assertEquals(SectionKind.DAY, guide.sections().get(1).kind());
        assertEquals(SectionKind.ANNEX, guide.sections().get(2).kind());
        Section day = guide.sections().get(1);
        assertEquals("I", day.sections().get(0).label());
        assertEquals(List.of(new Block.Paragraph("Fin del día.")), day.closing());

        Activity first = guide.activity(1).orElseThrow();
        assertEquals(List.of(new Participation("individual", "Individual")), first.participations());
        assertEquals("1", first.label());
        assertEquals(PromptKind.QUESTION, first.prompts().get(0).kind());
        assertEquals(List.of("1"), first.prompts().get(0).footnotes());
        assertEquals(PromptKind.SENTENCE_FRAME, first.prompts().get(1).kind());
        assertEquals("a", first.criteria().get(0).key());
        assertEquals("Reflexión", first.products().get(0).title());
        assertFalse(first.products().get(0).optional());
        assertEquals(List.of(Participation.common("entre-escuelas")),
                guide.activity(3).orElseThrow().participations());
        assertEquals(List.of(), guide.activity(3).orElseThrow().products());
        assertEquals(List.of(1, 2, 3), guide.activities().stream().map(Activity::number).toList());

        assertEquals("P. Latapí", guide.readings().get(0).citation().authors());
        assertEquals("Nota al pie.", guide.footnotes().get(0).text());
        assertEquals("Aprendizajes clave", guide.references().get(0).title());
        assertEquals(Set.of("texto-libre", "sintesis"), guide.productTypes());
    }

    @Test
    public void refusesMalformedJsonSayingWhereAndWhatInSpanish() {
        DescriptorResult result = reader.read("{\"schemaVersion\": 1,\n \"id\": {\"publisher\": \"SEP\",,}}");

        assertFalse(result.isValid());
        assertEquals(1, result.problems().size());
        GuideProblem problem = result.problems().get(0);
        assertEquals("$", problem.path());
        assertEquals(2, problem.line());
        assertEquals("el descriptor no es JSON válido en la línea 2, columna 28: se esperaba el nombre de un miembro"
                + " entre comillas dobles (¿sobra una coma antes de } ?)", problem.message());
    }

    @Test
    public void everyCommonSlipOfAHandEditedFileIsExplainedInSpanish() {
        String[][] slips = {
            {"{\"title\": \"a\"\n \"version\": \"1.0.0\"}", "falta una coma entre dos elementos"},
            {"{\"title\": \"a\",\n \"sections\": [\n", "el archivo termina antes de cerrar todo lo que abrió"},
            {"{'title': 'a'}", "comillas dobles (\"), no simples"},
            {"{\"a\": True}", "true, false y null, en minúsculas"},
            {"{\"a\" 1}", "falta ':'"},
            {"{\"a\": [1, 2,]}", "se esperaba un valor"},
            {"{\"a\": 1} // fin", "JSON no admite comentarios"},
            {"{\"a\": \"dos\nlíneas\"}", "sin escribir como \\n"},
        };
        for (String[] slip : slips) {
            GuideProblem problem = reader.read(slip[0]).problems().get(0);
            assertTrue(slip[0] + " → " + problem.message(), problem.message().contains(slip[1]));
            assertTrue(slip[0] + " → " + problem.message(), problem.line() > 0);
            assertFalse("no English parser text: " + problem.message(), problem.message().contains("expecting"));
        }
    }

    @Test
    public void problemsOfTheSchemaAndOfConsistencyNameTheirLine() {
        String json = "{\n"
                + "  \"schemaVersion\": 1,\n"
                + "  \"id\": {\"publisher\": \"15\", \"cycle\": \"2017-2018\", \"level\": \"primaria\","
                + " \"session\": \"ordinaria-2\"},\n"
                + "  \"version\": \"1.0\",\n"
                + "  \"title\": \"Segunda\",\n"
                + "  \"publisher\": {\"code\": \"15\", \"name\": \"Edomex\"},\n"
                + "  \"sections\": [\n"
                + "    {\"id\": \"unica\", \"title\": \"Única\",\n"
                + "     \"activities\": [\n"
                + "       {\"number\": 1, \"participation\": \"colectivo\", \"instructions\": [\"Comenten.\"],\n"
                + "        \"product\": {\"type\": \"texto-libre\"}},\n"
                + "       {\"number\": 2, \"participation\": \"todos\", \"instructions\": [\"Lean.\"]}\n"
                + "     ]}\n"
                + "  ]\n"
                + "}\n";
        DescriptorResult result = reader.read(json);
        assertEquals(problems(result), 4, lineOf(result, "$.version"));
        assertEquals(problems(result), 12, lineOf(result, "$.sections[0].activities[1].participation"));

        String repeated = json.replace("\"version\": \"1.0\"", "\"version\": \"1.0.0\"")
                .replace("\"todos\"", "\"colectivo\"").replace("\"number\": 2", "\"number\": 1");
        DescriptorResult inconsistent = reader.read(repeated);
        assertEquals(problems(inconsistent), 12, lineOf(inconsistent, "$.sections[0].activities[1].number"));
    }

    private static int lineOf(DescriptorResult result, String path) {
        return result.problems().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow().line();
    }

    @Test
    public void refusesTrailingContentAfterTheDocument() {
        DescriptorResult result = reader.read(Descriptors.text("minimal.json") + " {}");

        assertFalse(result.isValid());
        assertEquals("$", result.problems().get(0).path());
    }

    @Test
    public void refusesMissingRequiredFieldsNamingEach() {
        String json = Descriptors.edited("minimal.json", guide -> {
            guide.remove("title");
            Descriptors.firstActivity(guide).remove("instructions");
        });

        DescriptorResult result = reader.read(json);

        assertFalse(result.isValid());
        assertTrue(problems(result), hasProblemAt(result, "$", "title"));
        assertTrue(problems(result), hasProblemAt(result, "$.sections[0].activities[0]", "instructions"));
    }

    @Test
    public void refusesValuesOfTheWrongShapeInSpanish() {
        String json = Descriptors.edited("minimal.json", guide -> {
            guide.getAsJsonObject("id").addProperty("publisher", "33");
            guide.addProperty("version", "1.0");
            Descriptors.firstActivity(guide).addProperty("participation", "todos");
        });

        DescriptorResult result = reader.read(json);

        assertFalse(result.isValid());
        assertTrue(problems(result), hasProblemAt(result, "$.id.publisher", "«33» no tiene la forma esperada: SEP para"
                + " una guía nacional, o el número de la entidad de 01 a 32."));
        assertTrue(problems(result), hasProblemAt(result, "$.version", "«1.0» no tiene la forma esperada: Versión de"
                + " esta edición: mayor.menor.parche."));
        assertFalse("an author reads what the value must look like, not a regular expression: " + problems(result),
                problems(result).contains("^("));
        assertTrue(problems(result), hasProblemAt(result, "$.sections[0].activities[0].participation", "enumeración"));
    }

    @Test
    public void aLevelWithAnAccentIsExplainedNotShownAsARegularExpression() {
        String json = Descriptors.edited("minimal.json", guide -> guide.getAsJsonObject("id")
                .addProperty("level", "básica"));

        DescriptorResult result = reader.read(json);

        assertTrue(problems(result), hasProblemAt(result, "$.id.level", "«básica» no tiene la forma esperada:"
                + " minúsculas sin acentos, dígitos y guiones entre palabras, p. ej. preescolar u ordinaria-3."));
    }

    @Test
    public void refusesUnknownFieldsSoTyposAreNotSilentlyIgnored() {
        String json = Descriptors.edited("minimal.json", guide -> Descriptors.firstActivity(guide)
                .addProperty("promts", "¿Qué?"));

        DescriptorResult result = reader.read(json);

        assertFalse(result.isValid());
        assertTrue(problems(result), hasProblemAt(result, "$.sections[0].activities[0]", "promts"));
    }

    @Test
    public void refusesDuplicatedActivityNumbersNamingBothPlaces() {
        String json = Descriptors.edited("minimal.json", guide -> {
            JsonArray activities = guide.getAsJsonArray("sections").get(0).getAsJsonObject()
                    .getAsJsonArray("activities");
            JsonObject copy = activities.get(0).deepCopy().getAsJsonObject();
            activities.add(copy);
        });

        DescriptorResult result = reader.read(json);

        assertFalse(result.isValid());
        assertEquals(1, result.problems().size());
        GuideProblem problem = result.problems().get(0);
        assertEquals("$.sections[0].activities[1].number", problem.path());
        assertTrue(problem.message(), problem.message().contains("$.sections[0].activities[0]"));
    }

    @Test
    public void refusesReferencesToReadingsAndFootnotesThatDoNotExist() {
        String json = Descriptors.edited("every-field.json", guide -> {
            JsonObject activity = Descriptors.firstActivity(guide);
            activity.getAsJsonArray("readings").add("texto-inexistente");
            activity.getAsJsonArray("prompts").get(0).getAsJsonObject().getAsJsonArray("footnotes").add("9");
        });

        DescriptorResult result = reader.read(json);

        assertFalse(result.isValid());
        assertTrue(problems(result), hasProblemAt(result, "$.sections[0].activities[0].readings[1]",
                "texto-inexistente"));
        assertTrue(problems(result), hasProblemAt(result, "$.sections[0].activities[0].prompts[0].footnotes[1]", "'9'"));
    }

    @Test
    public void refusesAPublisherThatDiffersFromTheGuideIdentity() {
        String json = Descriptors.edited("minimal.json", guide -> guide.getAsJsonObject("publisher")
                .addProperty("code", "SEP"));

        DescriptorResult result = reader.read(json);

        assertTrue(problems(result), hasProblemAt(result, "$.publisher.code", "no coincide"));
    }

    @Test
    public void refusesRepeatedSectionIdsAndCriteria() {
        String json = Descriptors.edited("every-field.json", guide -> {
            guide.getAsJsonArray("sections").get(2).getAsJsonObject().addProperty("id", "antes");
            Descriptors.firstActivity(guide).getAsJsonArray("criteria")
                    .add(Descriptors.json("{\"key\": \"a\", \"text\": \"Otra vez a.\"}"));
        });

        DescriptorResult result = reader.read(json);

        assertTrue(problems(result), hasProblemAt(result, "$.sections[2].id", "repetida"));
        assertTrue(problems(result), hasProblemAt(result, "$.sections[0].activities[0].criteria[1].key", "repetido"));
    }
}
