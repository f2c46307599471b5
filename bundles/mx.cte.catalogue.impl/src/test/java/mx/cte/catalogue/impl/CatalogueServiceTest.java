package mx.cte.catalogue.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.catalogue.api.Resource;
import mx.cte.catalogue.api.ResourceDraft;
import mx.cte.catalogue.api.ResourceKind;
import mx.cte.catalogue.api.ResourcePage;
import mx.cte.catalogue.api.ResourceQuery;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.Block;
import mx.cte.guide.api.Criterion;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.guide.api.GuideSource;
import mx.cte.guide.api.GuideStatus;
import mx.cte.guide.api.Participation;
import mx.cte.guide.api.ProductRef;
import mx.cte.guide.api.Publisher;
import mx.cte.guide.api.Section;
import mx.cte.guide.api.SectionKind;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.ZoneId;
import mx.cte.search.lucene.LuceneTextIndexes;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.StaleVersionException;
import mx.cte.storage.testing.TestDatabases;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** The catalogue on H2 and PostgreSQL with a real Lucene index. */
@RunWith(Parameterized.class)
public class CatalogueServiceTest {

    private static final Cct SCHOOL = Cct.parse("15EJN0101A");
    private static final Cct NEIGHBOUR = Cct.parse("15EJN0102B");
    private static final Cct OTHER_STATE = Cct.parse("09DJN0001A");
    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final Path folder;
    private final LuceneTextIndexes indexes;
    private final Database database;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final List<String> audited = new java.util.concurrent.CopyOnWriteArrayList<>();
    private CatalogueService catalogue;

    public CatalogueServiceTest(DatabaseKind kind) throws Exception {
        folder = Files.createTempDirectory("cte-catalogue");
        indexes = new LuceneTextIndexes(folder);
        directory = (SchoolDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SchoolDirectory.class}, (proxy, method, args) -> Optional.of(new School(
                        (Cct) args[0], "Jardín", "Toluca", Level.PREESCOLAR, ZoneId.parse("15-preescolar-015"),
                        Shift.MATUTINO, false, List.of(SchoolGroup.of(1, "A")), 1)));
        audit = (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditLog.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("record")) {
                        audited.add((String) args[0]);
                    }
                    return null;
                });
        database = TestDatabases.fresh(kind);
        catalogue = new CatalogueService(database, directory, audit, indexes.open("catalogue"), Clock.systemUTC());
        catalogue.useGuides(guides());
    }

    @After
    public void close() throws Exception {
        indexes.close();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A registry holding one guide whose activity 8 organises materials by criteria a to c. */
    private static GuideRegistry guides() {
        Activity organise = new Activity(8, "8", "", false, List.of(Participation.common("colectivo")),
                List.of(new Block.Paragraph("Organicen los materiales")), List.of(),
                List.of(new Criterion("a", "Porque brindan estrategias didácticas para el aprendizaje."),
                        new Criterion("b", "Porque ofrecen información sobre contenidos."),
                        new Criterion("f", "Porque corresponden a indicadores de seguimiento de la escuela.")),
                List.of(), List.of(), List.of(), null, null, 0,
                List.of(new ProductRef("clasificacion-recursos", "Materiales", "", false)));
        Guide guide = new Guide(1, GuideId.parse(SESSION), List.of(), "1.0.0", "Tercera sesión", "",
                new Publisher("SEP", "SEP", List.of()), List.of(), List.of(), null, null, null, List.of(),
                List.of(new Section("s", SectionKind.PART, "", "", false, "", 0, List.of(), null, null, null,
                        List.of(), List.of(), List.of(organise), List.of(), List.of(), List.of())),
                List.of(), List.of(), List.of(), null, null);
        GuideEdition edition = new GuideEdition(guide, GuideStatus.ACTIVE, java.util.Set.of(),
                new GuideSource(1, "guia", "1.0.0", "guide.json"));
        return (GuideRegistry) Proxy.newProxyInstance(CatalogueServiceTest.class.getClassLoader(),
                new Class<?>[] {GuideRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "active" -> args[0].equals(guide.id()) ? Optional.of(edition) : Optional.empty();
                    case "editions" -> args[0].equals(guide.id()) ? List.of(edition) : List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ResourceDraft draft(String title, ResourceKind kind, List<Integer> grades, List<String> areas,
            boolean shared) {
        return new ResourceDraft(title, kind, "SEP", "Biblioteca de aula", "Para trabajar en el aula", grades, areas,
                SESSION, shared);
    }

    private List<String> titles(Cct school, ResourceQuery query) {
        return catalogue.search(school, query).resources().stream().map(r -> r.content().title()).toList();
    }

    private static ResourceQuery text(String text) {
        return new ResourceQuery(text, null, 0, "", "", "", false, 0, 20);
    }

    @Test
    public void aSchoolFindsItsResourcesInSpanishAndClassifiesThemByTheGuidesCriteria() {
        Resource math = catalogue.add(SCHOOL, draft("Juegos de conteo", ResourceKind.MATERIAL_DIDACTICO, List.of(3),
                List.of("Pensamiento matemático"), false), "docente.ana");
        Resource reading = catalogue.add(SCHOOL, draft("La lectura en voz alta", ResourceKind.LECTURA, List.of(),
                List.of("Lenguaje oral"), false), "docente.ana");

        assertEquals("the area counts as text", List.of("Juegos de conteo"), titles(SCHOOL, text("matematico")));
        assertEquals(List.of("La lectura en voz alta"), titles(SCHOOL, text("lecturas")));
        assertEquals("a resource for all grades serves the 2nd", List.of("La lectura en voz alta"),
                titles(SCHOOL, new ResourceQuery("", null, 2, "", "", "", false, 0, 20)));

        assertEquals(List.of("a", "b", "f"), catalogue.criteria(SESSION).stream().map(c -> c.criterion()).toList());
        Resource classified = catalogue.classify(SCHOOL, math.id(), SESSION, List.of("a", "f"), math.version(),
                "directora");
        assertEquals(2, classified.classifications().size());
        assertThrows(StaleVersionException.class, () -> catalogue.classify(SCHOOL, math.id(), SESSION, List.of("b"),
                math.version(), "directora"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> catalogue.classify(
                SCHOOL, reading.id(), SESSION, List.of("z"), reading.version(), "directora"));
        assertEquals("criterios: 'z' no es un criterio de la guía " + SESSION + "; use a, b, f", unknown.getMessage());

        ResourcePage page = catalogue.search(SCHOOL, new ResourceQuery("", null, 0, "", SESSION, "f", false, 0, 20));
        assertEquals(List.of("Juegos de conteo"), page.resources().stream().map(r -> r.content().title()).toList());
        ResourcePage all = catalogue.search(SCHOOL, text(""));
        assertEquals(2, all.total());
        assertTrue(all.facets().get("criterio").stream().anyMatch(f -> f.value().equals(SESSION + "#f")
                && f.label().startsWith("Porque corresponden") && f.count() == 1));
        assertTrue(all.facets().get("tipo").stream().anyMatch(f -> f.label().equals("Lectura")));

        catalogue.useGuides(null);
        assertTrue("without its guide, a criterion keeps the text the school saw", catalogue.search(SCHOOL, text(""))
                .facets().get("criterio").stream().anyMatch(f -> f.value().equals(SESSION + "#f")
                        && f.label().startsWith("Porque corresponden")));
    }

    @Test
    public void schoolsSeeTheirOwnThePacksAndStateWideWhatOthersShare() {
        catalogue.add(SCHOOL, draft("Cuaderno de lectura propio", ResourceKind.LECTURA, List.of(), List.of(), false),
                "docente.ana");
        catalogue.add(NEIGHBOUR, draft("Lectura compartida", ResourceKind.LECTURA, List.of(), List.of(), true),
                "docente.luis");
        catalogue.add(OTHER_STATE, draft("Lectura de otra entidad", ResourceKind.LECTURA, List.of(), List.of(),
                true), "docente.cdmx");
        catalogue.packArrived(42, "mx.cte.packs.prueba 1.0.0", PackReader.read(new ByteArrayInputStream(
                ("{\"key\": \"prueba\", \"title\": \"Paquete de prueba\", \"publisher\": \"SEP\", \"version\":"
                        + " \"1.0.0\", \"resources\": [{\"key\": \"libro\", \"title\": \"Libro de lecturas SEP\","
                        + " \"kind\": \"libro\"}]}").getBytes(StandardCharsets.UTF_8))));

        assertEquals(List.of("Cuaderno de lectura propio", "Libro de lecturas SEP").stream().sorted().toList(),
                titles(SCHOOL, text("lectura")).stream().sorted().toList());
        assertEquals(3, titles(SCHOOL, new ResourceQuery("lectura", null, 0, "", "", "", true, 0, 20)).size());
        assertEquals("another school's own stays its own", 2, titles(NEIGHBOUR, text("lectura")).size());

        Resource packEntry = catalogue.search(SCHOOL, text("libro sep")).resources().get(0);
        assertTrue(packEntry.readOnly());
        assertThrows(IllegalStateException.class, () -> catalogue.update(SCHOOL, packEntry.id(),
                packEntry.content(), 0, "docente.ana"));
        Resource adopted = catalogue.adopt(SCHOOL, packEntry.id(), "docente.ana");
        assertFalse(adopted.readOnly());
        assertTrue(adopted.content().description().contains("Del paquete «Paquete de prueba»"));
        catalogue.select(SCHOOL, "2016-11", packEntry.id(), 0, "Para la lectura diaria", "docente.ana");

        catalogue.packRemoved(42);
        assertEquals("the pack's entry left every catalogue", List.of("Cuaderno de lectura propio", "Libro de lecturas SEP"),
                titles(SCHOOL, text("lectura")).stream().sorted().toList());
        assertTrue(catalogue.find(SCHOOL, packEntry.id()).isEmpty());
        assertEquals("a selection made with it keeps it", "Libro de lecturas SEP",
                catalogue.selection(SCHOOL, "2016-11").get(0).resource().content().title());
    }

    @Test
    public void badContentIsRefusedByFieldAndTheIndexIsRebuiltWhenBehind() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> catalogue.add(SCHOOL,
                new ResourceDraft("", null, "", "", "", List.of(5), List.of(), "tercera", false), "docente.ana"));
        for (String field : List.of("titulo:", "tipo:", "grados: 5 no existe", "sesion:")) {
            assertTrue(bad.getMessage(), bad.getMessage().contains(field));
        }
        catalogue.add(SCHOOL, draft("Juegos de conteo", ResourceKind.MATERIAL_DIDACTICO, List.of(), List.of(), false),
                "docente.ana");
        indexes.open("catalogue").clear();
        catalogue = new CatalogueService(database, directory, audit, indexes.open("catalogue"), Clock.systemUTC());
        assertEquals(List.of("Juegos de conteo"), titles(SCHOOL, text("juego")));
    }

    private static PackReader.Outcome pack(String key, String version, String... titles) {
        StringBuilder resources = new StringBuilder();
        for (int i = 0; i < titles.length; i++) {
            resources.append(i == 0 ? "" : ", ").append("{\"key\": \"r").append(i).append("\", \"title\": \"")
                    .append(titles[i]).append("\", \"kind\": \"libro\"}");
        }
        return PackReader.read(new ByteArrayInputStream(("{\"key\": \"" + key + "\", \"title\": \"Paquete\","
                + " \"publisher\": \"SEP\", \"version\": \"" + version + "\", \"resources\": [" + resources + "]}")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void aPackHandedAgainUnchangedAtTheNextStartIsNotWrittenAgain() {
        catalogue.packArrived(7, "pack 1.0.0", pack("estatal", "1.0.0", "Libro de cuentos", "Libro de rimas"));
        Object writtenAt = packResourcesWrittenAt();

        // The next start of the platform: a new service over the same tables and index, and the same bundle.
        catalogue = new CatalogueService(database, directory, audit, indexes.open("catalogue"), Clock.systemUTC());
        catalogue.useGuides(guides());
        catalogue.packArrived(7, "pack 1.0.0", pack("estatal", "1.0.0", "Libro de cuentos", "Libro de rimas"));

        assertEquals("no second installation in the audit log", 1, audited.stream()
                .filter("paquete-recursos-instalado"::equals).count());
        assertEquals("the resources keep their date", writtenAt, packResourcesWrittenAt());
        assertEquals(2, catalogue.packs().stream().filter(p -> p.key().equals("estatal")).findFirst().orElseThrow()
                .resources());
        assertEquals(List.of("Libro de cuentos"), titles(SCHOOL, text("cuentos")));

        // The same bundle name with other content (a rebuilt development pack) is installed again.
        catalogue.packArrived(7, "pack 1.0.0", pack("estatal", "1.0.0", "Libro de cuentos ilustrado"));
        assertEquals(2, audited.stream().filter("paquete-recursos-instalado"::equals).count());
        assertEquals(List.of("Libro de cuentos ilustrado"), titles(SCHOOL, text("cuentos")));
        assertEquals(List.of(), titles(SCHOOL, text("rimas")));
    }

    private Object packResourcesWrittenAt() {
        return database.inTransaction(connection -> mx.cte.storage.api.Sql.query(connection, "SELECT updated_at FROM"
                + " catalogue_resource WHERE pack_key = 'estatal' ORDER BY pack_entry", row -> row.getObject(1)));
    }

    @Test
    public void aSearchAskedAgainIsTheSamePageUntilTheCatalogueChanges() {
        Resource tales = catalogue.add(SCHOOL, draft("Cuentos para leer", ResourceKind.LECTURA, List.of(), List.of(),
                false), "docente.ana");
        ResourcePage page = catalogue.search(SCHOOL, text("cuentos"));
        assertSame("the web layer encodes a page once while it is the same", page,
                catalogue.search(SCHOOL, text("cuentos")));

        catalogue.add(SCHOOL, draft("Cuentos de la región", ResourceKind.LECTURA, List.of(), List.of(), false),
                "docente.ana");
        assertEquals("an added resource is found at once", 2, catalogue.search(SCHOOL, text("cuentos")).total());
        Resource renamed = catalogue.update(SCHOOL, tales.id(), draft("Fábulas para leer", ResourceKind.LECTURA,
                List.of(), List.of(), false), tales.version(), "docente.ana");
        assertEquals(List.of("Cuentos de la región"), titles(SCHOOL, text("cuentos")));
        catalogue.remove(SCHOOL, renamed.id(), renamed.version(), "docente.ana");
        assertEquals(List.of(), titles(SCHOOL, text("fabulas")));

        ResourcePage before = catalogue.search(SCHOOL, text("cuentos"));
        catalogue.announced("varios");
        assertNotSame("another node's announcement drops the pages kept here", before,
                catalogue.search(SCHOOL, text("cuentos")));

        // Another node over the same tables writes the index this node applies (ClusterIT: found within 5 s), with
        // no announcement for an added resource.
        catalogue.search(SCHOOL, text("cuentos"));
        new CatalogueService(database, directory, audit, indexes.open("catalogue"), Clock.systemUTC()).add(SCHOOL,
                draft("Cuentos de otro nodo", ResourceKind.LECTURA, List.of(), List.of(), false), "docente.luis");
        assertEquals(2, catalogue.search(SCHOOL, text("cuentos")).total());
    }

    @Test
    public void anUpdatedPackReplacesItsEntriesAndAnotherBundleCannotTakeItsKey() {
        catalogue.packArrived(7, "pack 1.0.0", pack("estatal", "1.0.0", "Libro de cuentos", "Libro de rimas"));
        long tales = catalogue.search(SCHOOL, text("cuentos")).resources().get(0).id();
        catalogue.packArrived(7, "pack 1.1.0", pack("estatal", "1.1.0", "Libro de cuentos ilustrado"));
        assertEquals("the entry keeps its id across versions", tales,
                catalogue.search(SCHOOL, text("cuentos")).resources().get(0).id());
        assertEquals("an entry the new version dropped leaves", List.of(), titles(SCHOOL, text("rimas")));
        catalogue.packArrived(8, "otro 1.0.0", pack("estatal", "1.0.0", "Intruso"));
        assertEquals(List.of(), titles(SCHOOL, text("intruso")));
        assertTrue(catalogue.packs().stream().anyMatch(p -> p.bundle().equals("otro 1.0.0")
                && p.problems().get(0).contains("ya lo instaló pack 1.1.0")));
        catalogue.packArrived(7, "pack 2.0.0", pack("estatal-2", "2.0.0", "Libro nuevo"));
        assertEquals("a renamed pack's old entries leave", List.of(), titles(SCHOOL, text("cuentos")));
        assertEquals(List.of("Libro nuevo"), titles(SCHOOL, text("nuevo")));
    }

    @Test
    public void aSearchShowsEveryChangeToItsResourcesAtOnceAndAnotherNodesOnceAnnounced() {
        Resource game = catalogue.add(SCHOOL, draft("Juegos de conteo", ResourceKind.MATERIAL_DIDACTICO, List.of(1),
                List.of(), false), "docente.ana");
        assertEquals(List.of("Juegos de conteo"), titles(SCHOOL, text("juegos")));

        Resource renamed = catalogue.update(SCHOOL, game.id(), draft("Juegos de conteo y medida",
                ResourceKind.MATERIAL_DIDACTICO, List.of(1), List.of(), false), game.version(), "docente.ana");
        assertEquals(List.of("Juegos de conteo y medida"), titles(SCHOOL, text("juegos")));
        Resource classified = catalogue.classify(SCHOOL, game.id(), SESSION, List.of("a"), renamed.version(),
                "directora");
        assertEquals(List.of("a"), catalogue.search(SCHOOL, text("juegos")).resources().get(0).classifications()
                .stream().map(c -> c.criterion()).toList());

        // Another node sharing the database renames it: this node's page follows the announcement of its change.
        database.inTransaction(connection -> mx.cte.storage.api.Sql.update(connection,
                "UPDATE catalogue_resource SET title = 'Juegos de otro nodo' WHERE id = ?", game.id()));
        assertEquals("read in the last seconds, from memory", List.of("Juegos de conteo y medida"),
                titles(SCHOOL, text("juegos")));
        catalogue.announced(String.valueOf(game.id()));
        assertEquals(List.of("Juegos de otro nodo"), titles(SCHOOL, text("juegos")));

        catalogue.remove(SCHOOL, game.id(), classified.version(), "docente.ana");
        assertEquals(List.of(), titles(SCHOOL, text("juegos")));
    }
}
