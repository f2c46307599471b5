package mx.cte.guide.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.Block;
import mx.cte.guide.api.FieldKind;
import mx.cte.guide.api.FormField;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.Participation;
import mx.cte.guide.api.ProductForm;
import mx.cte.guide.api.ProductRef;
import mx.cte.guide.api.Section;
import mx.cte.guide.api.SectionKind;
import org.junit.Test;

/** Format 2: every structure it adds, read as written, and each mistake told with its path and what to write. */
public class Format2ReaderTest {

    private static final String EXAMPLE = "every-structure-2.json";
    private final DescriptorReader reader = new DescriptorReader();

    private DescriptorResult readEdited(Consumer<JsonObject> edit) {
        return reader.read(Descriptors.edited(EXAMPLE, edit));
    }

    private static String problems(DescriptorResult result) {
        return result.problems().stream().map(GuideProblem::toString).collect(Collectors.joining("\n"));
    }

    private static void assertProblem(DescriptorResult result, String path, String fragment) {
        assertFalse("refused", result.isValid());
        assertTrue("expected at " + path + ": " + fragment + "\nbut got:\n" + problems(result), result.problems()
                .stream().anyMatch(p -> p.path().equals(path) && p.message().contains(fragment)));
    }

    private static JsonObject day(JsonObject guide) {
        return guide.getAsJsonArray("sections").get(2).getAsJsonObject();
    }

    private static JsonObject dayActivity(JsonObject guide, int index) {
        return day(guide).getAsJsonArray("activities").get(index).getAsJsonObject();
    }

    @Test
    public void readsEveryStructureOfFormat2() {
        DescriptorResult result = reader.read(Descriptors.text(EXAMPLE));

        assertTrue(problems(result), result.isValid());
        Guide guide = result.guide();
        assertEquals(2, guide.schemaVersion());
        assertEquals("SEP:2021-2022:basica:intensiva", guide.id().key());
        assertEquals(List.of("indigena", "multigrado"), guide.modalities());
        assertEquals(List.of("2021-08-16", "2021-08-17"), guide.dates());
        assertEquals(List.of("Secretaria de Educación Pública: Delfina Gómez Álvarez"), guide.publisher().credits());
        assertEquals(List.of(new Block.Paragraph("Presentación[^1].")), guide.introduction());

        assertEquals(SectionKind.FRONT_MATTER, guide.sections().get(0).kind());
        assertEquals(SectionKind.BEFORE, guide.sections().get(1).kind());
        Section day = guide.sections().get(2);
        assertEquals("2021-08-16", day.date());
        assertEquals(300, day.minutes());
        assertEquals(List.of("Reflexione."), day.purposes().items());
        assertEquals(List.of("Cuaderno."), day.materials().items());
        assertEquals(List.of("Acuerdos del día."), day.products().items());
        assertEquals(List.of(
                new Block.Link("https://www.gob.mx/sep", "Mensaje de la Secretaria"),
                new Block.Video("https://youtu.be/abc", "Bienvenida", 7),
                new Block.Image("imagenes/ruta.png", "Ciclo de la Ruta de Mejora", "Figura 1"),
                new Block.Table("Anexo 1. Registro", List.of("Grado", "Logros"),
                        List.of(List.of("1°", ""), List.of("2°", ""))),
                new Block.BulletList(List.of("Primero.", "Segundo.")),
                new Block.EditorialNote("Texto añadido por quien capturó la guía.")), day.intro());

        Activity first = guide.activity(1).orElseThrow();
        assertEquals("1", first.label());
        assertEquals(20, first.minutes());
        assertEquals(List.of(new Participation("individual", "Individual"), new Participation("parejas", "En parejas"),
                new Participation("tutores", "Tutores de grupo")), first.participations());
        assertEquals(List.of(new ProductRef("texto-libre", "Reflexión", "", false),
                new ProductRef("sintesis", "Síntesis", "", true)), first.products());
        assertEquals(List.of("Reconocer logros."), first.purposes().items());
        assertEquals(List.of("Fichas."), first.materials().items());

        Activity subNumbered = guide.activity(21).orElseThrow();
        assertEquals("2.1", subNumbered.label());
        assertEquals("Quien coordina la sesión", subNumbered.participations().get(1).label());
        Activity unnumbered = guide.activity(30).orElseThrow();
        assertEquals("", unnumbered.label());
        assertTrue(unnumbered.editorialTitle());
        assertEquals(List.of(30, 1, 21), guide.activities().stream().map(Activity::number).toList());
        assertEquals(Set.of("texto-libre", "sintesis"), guide.productTypes());

        assertTrue(guide.readings().get(0).editorialTitle());
        assertEquals(new Block.Link("https://example.org/texto.pdf", ""), guide.readings().get(0).paragraphs().get(1));
    }

    @Test
    public void aGuideForEveryLevelReachesEverySchoolOfItsModalities() {
        Guide guide = reader.read(Descriptors.text(EXAMPLE)).guide();

        assertTrue(guide.isFor("primaria", List.of("indigena")));
        assertTrue(guide.isFor("inicial", List.of("general", "multigrado")));
        assertFalse(guide.isFor("primaria", List.of("general")));
        assertTrue(guide.isFor(null, List.of()));
    }

    @Test
    public void aSchoolIsOfferedTheGuidesOfItsLevelAndThoseForEveryLevel() {
        Guide primaria = reader.read(Descriptors.text("minimal-2.json")).guide();
        assertTrue(primaria.isFor("primaria", List.of("general")));
        assertFalse(primaria.isFor("preescolar", List.of("general")));
        assertFalse(primaria.isFor("secundaria", List.of()));
        Guide forCams = reader.read(Descriptors.edited("minimal-2.json", g -> g.add("modalities",
                Descriptors.json("[\"especial\"]")))).guide();
        assertTrue("a CAM is offered the special-education guides of any level", forCams.isFor("especial",
                List.of("especial")));
        assertFalse(forCams.isFor("primaria", List.of("general")));
    }

    @Test
    public void aSubNumberedOrUnnumberedActivityWithoutKeyIsToldToGiveOne() {
        DescriptorResult subNumbered = reader.read(Descriptors.text(EXAMPLE).replace("\"key\": 21, ", ""));
        assertProblem(subNumbered, "$.sections[2].activities[1].number",
                "la actividad «2.1» necesita una clave: escriba \"key\"");
        assertEquals(problems(subNumbered), 42, subNumbered.problems().get(0).line());

        DescriptorResult unnumbered = readEdited(guide -> guide.getAsJsonArray("sections").get(1).getAsJsonObject()
                .getAsJsonArray("activities").get(0).getAsJsonObject().remove("key"));
        assertProblem(unnumbered, "$.sections[1].activities[0]", "una actividad sin número necesita una clave");
    }

    @Test
    public void aRepeatedKeyNamesBothActivities() {
        DescriptorResult result = readEdited(guide -> dayActivity(guide, 1).addProperty("key", 30));

        assertProblem(result, "$.sections[2].activities[1].key",
                "la clave 30 está repetida: ya aparece en $.sections[1].activities[0]");
    }

    @Test
    public void participationsAreCommonNamesOrLabelledEntries() {
        assertProblem(readEdited(guide -> dayActivity(guide, 0).getAsJsonArray("participations").add("todos")),
                "$.sections[2].activities[0].participations[3]", "enumeración");
        assertProblem(readEdited(guide -> dayActivity(guide, 0).getAsJsonArray("participations")
                .add(Descriptors.json("{\"id\": \"abuelos\"}"))),
                "$.sections[2].activities[0].participations[3]", "label");
        assertProblem(readEdited(guide -> dayActivity(guide, 0).add("participations", new JsonArray())),
                "$.sections[2].activities[0].participations", "1");
    }

    @Test
    public void twoProductsOfOneTypeInOneActivityAreRefused() {
        DescriptorResult result = readEdited(guide -> dayActivity(guide, 0).getAsJsonArray("products")
                .add(Descriptors.json("{\"type\": \"texto-libre\", \"title\": \"Otra\"}")));

        assertProblem(result, "$.sections[2].activities[0].products[2].type",
                "la actividad ya tiene un producto de tipo 'texto-libre'");
    }

    private static final String GENERIC_PRODUCTS = "[{\"type\": \"tabla\", \"title\": \"Alumnos que requieren apoyo\","
            + " \"form\": {\"fields\": [{\"name\": \"alumno\", \"label\": \"Alumno\", \"required\": true},"
            + " {\"name\": \"area\", \"label\": \"Área\", \"kind\": \"opcion\", \"options\": [\"Lectura\","
            + " \"Escritura\", \"Matemáticas\"]}, {\"name\": \"desde\", \"label\": \"Desde\", \"kind\":"
            + " \"fecha\"}]}},"
            + " {\"type\": \"lista-cotejo\", \"title\": \"Condiciones del aula\", \"form\": {\"items\":"
            + " [\"Hay materiales al alcance\", \"Los acuerdos están a la vista\"], \"levels\": [\"No\", \"En"
            + " proceso\", \"Sí\"]}}]";

    private DescriptorResult withProducts(String products) {
        return readEdited(guide -> dayActivity(guide, 0).add("products", Descriptors.json(products)));
    }

    @Test
    public void aTableAndAChecklistAreReadWithTheLayoutTheirGuideGivesThem() {
        DescriptorResult result = withProducts(GENERIC_PRODUCTS);

        assertTrue(problems(result), result.isValid());
        List<ProductRef> products = result.guide().sections().get(2).activities().get(0).products();
        ProductForm table = products.get(0).form();
        assertEquals(List.of(new FormField("alumno", "Alumno", FieldKind.TEXT, List.of(), true),
                new FormField("area", "Área", FieldKind.CHOICE, List.of("Lectura", "Escritura", "Matemáticas"),
                        false),
                new FormField("desde", "Desde", FieldKind.DATE, List.of(), false)), table.fields());
        assertEquals(List.of("Hay materiales al alcance", "Los acuerdos están a la vista"),
                products.get(1).form().items());
        assertEquals(List.of("No", "En proceso", "Sí"), products.get(1).form().levels());
    }

    @Test
    public void aGenericProductWithoutItsLayoutOrWithAWrongOneIsRefusedNamingWhere() {
        assertProblem(withProducts("[{\"type\": \"tabla\", \"title\": \"Sin columnas\"}]"),
                "$.sections[2].activities[0].products[0]", "necesita 'form' con sus campos ('fields')");
        assertProblem(withProducts("[{\"type\": \"rubrica\", \"form\": {\"items\": [\"Claridad\"],"
                + " \"levels\": [\"Único\"]}}]"), "$.sections[2].activities[0].products[0].form.levels",
                "al menos 2 elementos");
        assertProblem(withProducts("[{\"type\": \"rubrica\", \"form\": {\"items\": [\"Claridad\"]}}]"),
                "$.sections[2].activities[0].products[0].form", "al menos dos niveles");
        assertProblem(withProducts("[{\"type\": \"formulario\", \"form\": {\"fields\": [{\"name\": \"turno\","
                + " \"label\": \"Turno\", \"kind\": \"opcion\"}]}}]"),
                "$.sections[2].activities[0].products[0].form.fields[0].options", "al menos dos opciones");
        assertProblem(withProducts("[{\"type\": \"tabla\", \"form\": {\"fields\": [{\"name\": \"a\", \"label\":"
                + " \"A\"}, {\"name\": \"a\", \"label\": \"Otra A\"}]}}]"),
                "$.sections[2].activities[0].products[0].form.fields[1].name", "el campo 'a' está repetido");
        assertProblem(withProducts("[{\"type\": \"lista-cotejo\", \"form\": {\"items\": [\"Uno\", \"uno\"],"
                + " \"levels\": [\"Sí\", \"No\"]}}]"), "$.sections[2].activities[0].products[0].form.items[1]",
                "el elemento 'uno' está repetido");
        assertProblem(withProducts("[{\"type\": \"texto-libre\", \"form\": {\"items\": [\"Uno\"]}}]"),
                "$.sections[2].activities[0].products[0].form", "solo los productos de tipo tabla");
        DescriptorResult unknownKind = withProducts("[{\"type\": \"tabla\", \"form\": {\"fields\": [{\"name\":"
                + " \"a\", \"label\": \"A\", \"kind\": \"color\"}]}}]");
        assertFalse(unknownKind.isValid());
        assertTrue(problems(unknownKind), unknownKind.problems().stream()
                .anyMatch(p -> p.path().equals("$.sections[2].activities[0].products[0].form.fields[0].kind")));
    }

    @Test
    public void aFootnoteMarkInsideATextMustCallANoteOfTheGuide() {
        DescriptorResult result = readEdited(guide -> {
            dayActivity(guide, 0).getAsJsonArray("instructions").set(0, Descriptors.json("\"Lean[^9].\""));
            guide.getAsJsonArray("introduction").add("Otra[^x].");
        });

        assertProblem(result, "$.sections[2].activities[0].instructions[0]",
                "la marca [^9] llama a una nota al pie que no está definida");
        assertProblem(result, "$.introduction[1]", "[^x]");
    }

    @Test
    public void datesMustExistAndHaveTheirShape() {
        assertProblem(readEdited(guide -> day(guide).addProperty("date", "2021-02-30")),
                "$.sections[2].date", "la fecha 2021-02-30 no existe en el calendario");
        assertProblem(readEdited(guide -> day(guide).addProperty("date", "16/08/2021")),
                "$.sections[2].date", "«16/08/2021» no tiene la forma esperada: una fecha aaaa-mm-dd");
    }

    @Test
    public void eachKindOfBlockSaysWhatItLacks() {
        assertProblem(readEdited(guide -> day(guide).getAsJsonArray("intro")
                .set(1, Descriptors.json("{\"type\": \"video\", \"url\": \"https://youtu.be/x\"}"))),
                "$.sections[2].intro[1]", "title");
        assertProblem(readEdited(guide -> day(guide).getAsJsonArray("intro")
                .set(0, Descriptors.json("{\"type\": \"mapa\"}"))),
                "$.sections[2].intro[0].type", "nota-editorial");
        assertProblem(readEdited(guide -> day(guide).getAsJsonArray("intro").set(0, Descriptors.json("5"))),
                "$.sections[2].intro[0]", "string");

        assertProblem(readEdited(guide -> day(guide).getAsJsonArray("intro")
                .set(0, Descriptors.json("{\"type\": \"enlace\", \"url\": \"www.sep.gob.mx\"}"))),
                "$.sections[2].intro[0].url", "empieza con http:// o https://");
        assertProblem(readEdited(guide -> day(guide).getAsJsonArray("intro")
                .set(2, Descriptors.json("{\"type\": \"imagen\", \"src\": \"../../etc/passwd.png\", \"alt\": \"x\"}"))),
                "$.sections[2].intro[2].src", "sin espacios ni '..'");
        assertProblem(readEdited(guide -> day(guide).getAsJsonArray("intro")
                .set(2, Descriptors.json("{\"type\": \"imagen\", \"src\": \"a.png\"}"))),
                "$.sections[2].intro[2]", "alt");
    }

    @Test
    public void anUnknownFormatIsNamedWithTheFormatsThereAre() {
        DescriptorResult result = reader.read(Descriptors.text(EXAMPLE).replace("\"schemaVersion\": 2", "\"schemaVersion\": 3"));

        assertProblem(result, "$.schemaVersion", "el formato 3 no existe: escriba \"schemaVersion\": 2");
        assertEquals(2, result.problems().get(0).line());
    }

    @Test
    public void aFormat2GuideMayHaveNoActivitiesYet() {
        DescriptorResult result = readEdited(guide -> {
            JsonArray sections = guide.getAsJsonArray("sections");
            while (sections.size() > 1) {
                sections.remove(1);
            }
        });

        assertTrue(problems(result), result.isValid());
        assertEquals(List.of(), result.guide().activities());
    }

    @Test
    public void aGuideThatNeedsAnotherPlatformIsRefusedNamingBothVersions() {
        String json = Descriptors.edited(EXAMPLE, guide -> guide.add("requires", Descriptors.json(
                "{\"platform\": \"[2.0,3.0)\", \"capabilities\": [{\"productType\": \"sintesis\","
                + " \"version\": \"[1.0,2.0)\"}]}")));

        assertTrue("outside the platform only the ranges are checked", reader.read(json).isValid());
        DescriptorResult here = reader.read(json, null, "0.1.0.SNAPSHOT");
        assertProblem(here, "$.requires.platform", "la guía pide la plataforma en versión [2.0,3.0) y esta"
                + " instalación tiene la 0.1.0.SNAPSHOT");
        assertTrue(problems(here), reader.read(json, null, "2.1.0").isValid());
        assertEquals(Set.of("texto-libre", "sintesis"), reader.read(json).guide().productTypes());
    }

    @Test
    public void requirementRangesMustHoldAVersionAndBeWrittenAsRanges() {
        assertProblem(readEdited(guide -> guide.add("requires", Descriptors.json("{\"platform\": \"[3.0,2.0)\"}"))),
                "$.requires.platform", "no contiene ninguna versión");
        assertProblem(readEdited(guide -> guide.add("requires", Descriptors.json("{\"platform\": \">=2\"}"))),
                "$.requires.platform", "un rango de versiones como en OSGi");
        assertProblem(readEdited(guide -> guide.add("requires", Descriptors.json("{\"capabilities\": ["
                + "{\"productType\": \"sintesis\", \"version\": \"1.0\"},"
                + "{\"productType\": \"sintesis\", \"version\": \"2.0\"}]}"))),
                "$.requires.capabilities[1].productType", "ya tiene un rango");
    }

    @Test
    public void format1MembersAreNotFormat2s() {
        DescriptorResult result = readEdited(guide -> dayActivity(guide, 0).addProperty("participation", "colectivo"));

        assertProblem(result, "$.sections[2].activities[0]", "participation");
    }
}
