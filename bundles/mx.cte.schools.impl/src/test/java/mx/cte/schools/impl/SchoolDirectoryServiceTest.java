package mx.cte.schools.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mx.cte.audit.api.AuditEvent;
import mx.cte.audit.api.AuditLog;
import mx.cte.audit.api.AuditQuery;
import mx.cte.cluster.api.Cluster;
import java.util.NoSuchElementException;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.ImportProgress;
import mx.cte.schools.api.ImportReport;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.Modality;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.SchoolStructure;
import mx.cte.schools.api.State;
import mx.cte.schools.api.Zone;
import mx.cte.schools.api.ZoneId;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.StaleVersionException;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** The school directory on H2 and on PostgreSQL. */
@RunWith(Parameterized.class)
public class SchoolDirectoryServiceTest {

    private static final String HEADER = "CCT,NOMBRE,ENTIDAD,MUNICIPIO,ZONA,NIVEL,TURNO\n";
    private static final ZoneId ZONE_15 = new ZoneId(State.MEXICO, Level.PREESCOLAR, 15);

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final Database database;
    private final List<String> audited = new ArrayList<>();
    private final AuditLog audit = new AuditLog() {
        @Override
        public void record(String action, String target, String detail) {
            audited.add(action + " " + target);
        }

        @Override
        public void recordAs(String actor, String action, String target, String detail) {
            record(action, target, detail);
        }

        @Override
        public List<AuditEvent> list(AuditQuery query) {
            return List.of();
        }
    };
    private final SchoolDirectoryService directory;

    public SchoolDirectoryServiceTest(DatabaseKind kind) {
        database = TestDatabases.fresh(kind);
        directory = new SchoolDirectoryService(database, audit, config(false));
    }

    static SchoolDirectoryService.Config config(boolean demo) {
        return new SchoolDirectoryService.Config() {
            @Override
            public boolean demoData() {
                return demo;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SchoolDirectoryService.Config.class;
            }
        };
    }

    private ImportReport importCsv(String csv) {
        return directory.importCatalogue(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "prueba.csv",
                ImportProgress.NONE);
    }

    @Test
    public void schoolsOfEveryLevelAndModalityAreImportedAndKeepTheirModality() {
        ImportReport report = importCsv(HEADER
                + "15DDI0001A,CENDI Uno,15,Toluca,3,INICIAL,MATUTINO\n"
                + "15DML0001B,CAM Número 1,15,Toluca,2,EDUCACIÓN ESPECIAL,MATUTINO\n"
                + "15ETV0001C,Telesecundaria Uno,15,Lerma,40,SECUNDARIA,MATUTINO\n");
        assertTrue(report.imported());
        assertEquals(3, report.inserted());
        School cam = directory.school(Cct.parse("15DML0001B")).orElseThrow();
        assertEquals(Level.ESPECIAL, cam.level());
        assertEquals(Modality.ESPECIAL, cam.modality());
        assertEquals(Modality.TELESECUNDARIA, directory.school(Cct.parse("15ETV0001C")).orElseThrow().modality());
        assertEquals(Level.INICIAL, directory.school(Cct.parse("15DDI0001A")).orElseThrow().level());

        ImportReport again = importCsv("CCT,NOMBRE,ENTIDAD,MUNICIPIO,ZONA,NIVEL,TURNO,MODALIDAD\n"
                + "15ETV0001C,Telesecundaria Uno,15,Lerma,40,SECUNDARIA,MATUTINO,indígena\n");
        assertEquals("a changed modality is a change", 1, again.updated());
        assertEquals(Modality.INDIGENA, directory.school(Cct.parse("15ETV0001C")).orElseThrow().modality());
    }

    @Test
    public void importsSchoolsAndZonesThenRefreshesOnlyWhatChanged() {
        ImportReport first = importCsv(HEADER
                + "15EJN0101A,Jardín uno,15,Toluca,15,PREESCOLAR,MATUTINO\n"
                + "15EJN0102B,Jardín dos,15,Metepec,15,PREESCOLAR,VESPERTINO\n"
                + "15EPR0001C,Primaria uno,15,Toluca,15,PRIMARIA,MATUTINO\n");
        assertTrue(first.imported());
        assertEquals(3, first.inserted());
        assertEquals(2, first.zonesCreated());

        ImportReport second = importCsv(HEADER
                + "15EJN0101A,Jardín uno,15,Toluca,15,PREESCOLAR,MATUTINO\n"
                + "15EJN0102B,Jardín dos renombrado,15,Metepec,15,PREESCOLAR,VESPERTINO\n"
                + "15EJN0103C,Jardín tres,15,Lerma,16,PREESCOLAR,MATUTINO\n");
        assertTrue(second.imported());
        assertEquals(1, second.inserted());
        assertEquals(1, second.updated());
        assertEquals(1, second.zonesCreated());

        School renamed = directory.school(Cct.parse("15EJN0102B")).orElseThrow();
        assertEquals("Jardín dos renombrado", renamed.name());
        assertEquals(2, renamed.version());
        assertEquals(1, directory.school(Cct.parse("15EJN0101A")).orElseThrow().version());
        assertEquals(List.of("15EJN0101A", "15EJN0102B"),
                directory.schools(ZONE_15).stream().map(s -> s.cct().value()).toList());
        assertEquals(List.of(new Zone(ZONE_15, 2), new Zone(new ZoneId(State.MEXICO, Level.PREESCOLAR, 16), 1),
                new Zone(new ZoneId(State.MEXICO, Level.PRIMARIA, 15), 1)), directory.zones(State.MEXICO));
    }

    @Test
    public void aSingleRejectedRowWritesNothing() {
        importCsv(HEADER + "15EJN0101A,Jardín uno,15,Toluca,15,PREESCOLAR,MATUTINO\n");
        ImportReport refused = importCsv(HEADER
                + "15EJN0101A,Jardín uno cambiado,15,Toluca,15,PREESCOLAR,MATUTINO\n"
                + "15EJN0102B,Jardín dos,15,Metepec,15,PREESCOLAR,VESPERTINO\n"
                + "15EJN0103X,Jardín de otra entidad,09,Toluca,15,PREESCOLAR,MATUTINO\n");
        assertFalse(refused.imported());
        assertEquals(4, refused.rejected().get(0).line());
        assertEquals(0, refused.inserted());
        assertEquals("Jardín uno", directory.school(Cct.parse("15EJN0101A")).orElseThrow().name());
        assertTrue(directory.school(Cct.parse("15EJN0102B")).isEmpty());
        assertEquals(List.of("catalogo-importado prueba.csv", "catalogo-rechazado prueba.csv"), audited);
    }

    @Test
    public void aCatalogueWithThousandsOfBadRowsReportsTheFirstAndHowManyThereAre() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < CatalogueCsv.MAX_REJECTED + 500; i++) {
            csv.append(String.format("15EJN%04dA,Jardín %d,15,Toluca,zona,PREESCOLAR,MATUTINO%n", i, i));
        }
        ImportReport refused = importCsv(csv.toString());
        assertFalse(refused.imported());
        assertEquals(CatalogueCsv.MAX_REJECTED + 500, refused.rows());
        assertEquals(CatalogueCsv.MAX_REJECTED, refused.rejected().size());
        assertEquals("Se muestran las primeras 1000 de 1500 filas rechazadas; corríjalas y vuelva a importar el"
                + " archivo", refused.problem());
    }

    @Test
    public void aSchoolReadMomentsAgoStillShowsEveryChangeMadeHereAtOnce() {
        importCsv(HEADER + "15EJN0101A,Jardín uno,15,Toluca,15,PREESCOLAR,MATUTINO\n");
        Cct cct = Cct.parse("15EJN0101A");
        School first = directory.school(cct).orElseThrow();
        assertTrue("read again within seconds, it comes from memory", first == directory.school(cct).orElseThrow());

        directory.updateStructure(cct, new SchoolStructure(true, List.of(new SchoolGroup("Único", List.of(1, 2, 3)))),
                1);
        assertEquals(2, directory.school(cct).orElseThrow().version());
        assertTrue(directory.school(cct).orElseThrow().multigrade());

        importCsv(HEADER + "15EJN0101A,Jardín uno renombrado,15,Toluca,15,PREESCOLAR,MATUTINO\n");
        assertEquals("Jardín uno renombrado", directory.school(cct).orElseThrow().name());
        assertTrue(directory.school(Cct.parse("15EJN0999Z")).isEmpty());
    }

    @Test
    public void aChangeOnAnotherNodeIsReadAfreshHereAsSoonAsItIsAnnounced() {
        importCsv(HEADER + "15EJN0101A,Jardín uno,15,Toluca,15,PREESCOLAR,MATUTINO\n");
        Cct cct = Cct.parse("15EJN0101A");
        SchoolDirectoryService other = new SchoolDirectoryService(database, audit, config(false));
        List<String> heard = new ArrayList<>();
        // What the cluster does: a node's announcement reaches every node's listener of the topic.
        Cluster announcing = announcingTo(List.of(directory, other), heard);
        directory.setCluster(announcing);
        other.setCluster(announcing);

        assertEquals(1, directory.school(cct).orElseThrow().version());
        other.updateStructure(cct, new SchoolStructure(true, List.of(new SchoolGroup("Único", List.of(1, 2, 3)))), 1);
        assertEquals(List.of("escuelas 15EJN0101A"), heard);
        assertEquals("read afresh, not this node's copy of moments ago", 2,
                directory.school(cct).orElseThrow().version());

        directory.school(cct);
        importCsv(HEADER + "15EJN0101A,Jardín uno renombrado,15,Toluca,15,PREESCOLAR,MATUTINO\n");
        assertEquals("an import announces that any school may have changed", "escuelas *", heard.get(1));
        assertEquals("Jardín uno renombrado", other.school(cct).orElseThrow().name());
    }

    private static Cluster announcingTo(List<SchoolDirectoryService> nodes, List<String> heard) {
        return (Cluster) java.lang.reflect.Proxy.newProxyInstance(Cluster.class.getClassLoader(),
                new Class<?>[] {Cluster.class}, (proxy, method, arguments) -> {
                    if (!method.getName().equals("announce")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    heard.add(arguments[0] + " " + arguments[1]);
                    nodes.forEach(node -> node.announced((String) arguments[1]));
                    return null;
                });
    }

    @Test
    public void structureChangesNeedTheCurrentVersionAndAValidShape() {
        importCsv(HEADER + "15EJN0101A,Jardín uno,15,Toluca,15,PREESCOLAR,MATUTINO\n");
        Cct cct = Cct.parse("15EJN0101A");
        School updated = directory.updateStructure(cct, new SchoolStructure(false,
                List.of(SchoolGroup.of(1, "A"), SchoolGroup.of(2, "A"))), 1);
        assertEquals(2, updated.version());
        assertEquals(2, updated.groups().size());

        StaleVersionException stale = assertThrows(StaleVersionException.class, () -> directory.updateStructure(cct,
                new SchoolStructure(true, List.of(new SchoolGroup("Único", List.of(1, 2, 3)))), 1));
        assertEquals(2, stale.currentVersion());
        assertEquals("nothing was overwritten", 2, directory.school(cct).orElseThrow().groups().size());

        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> directory
                .updateStructure(cct, new SchoolStructure(false, List.of(SchoolGroup.of(5, "A"))), 2));
        assertTrue(invalid.getMessage(), invalid.getMessage().contains("grado 5"));
        assertThrows(NoSuchElementException.class, () -> directory.updateStructure(Cct.parse("15EJN0999Z"),
                new SchoolStructure(false, List.of()), 1));
    }

    @Test
    public void concurrentEditsOfOneVersionLetExactlyOneWinAndNeverOverwriteSilently() throws Exception {
        importCsv(HEADER + "15EJN0101A,Jardín uno,15,Toluca,15,PREESCOLAR,MATUTINO\n");
        Cct cct = Cct.parse("15EJN0101A");
        int editors = 8;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(editors);
        List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String name = "G" + i;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    directory.updateStructure(cct, new SchoolStructure(false, List.of(SchoolGroup.of(1, name))), 1);
                    return name;
                } catch (StaleVersionException stale) {
                    return "stale";
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (java.util.concurrent.Future<String> outcome : outcomes) {
            results.add(outcome.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        List<String> winners = results.stream().filter(r -> !r.equals("stale")).toList();
        assertEquals(results.toString(), 1, winners.size());
        School stored = directory.school(cct).orElseThrow();
        assertEquals(2, stored.version());
        assertEquals("the stored groups are the winner's", winners.get(0), stored.groups().get(0).name());
    }

    @Test
    public void demoDataFillsAnEmptyDirectoryOnce() {
        new SchoolDirectoryService(database, audit, config(true));
        new SchoolDirectoryService(database, audit, config(true));
        List<School> zone = directory.schools(ZONE_15);
        assertEquals(5, zone.size());
        School multigrade = zone.get(4);
        assertTrue(multigrade.multigrade());
        assertEquals(List.of(new SchoolGroup("Único", List.of(1, 2, 3))), multigrade.groups());
    }
}
