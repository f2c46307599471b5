package mx.cte.search.lucene;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mx.cte.search.api.IndexedDocument;
import mx.cte.search.api.SearchRequest;
import mx.cte.search.api.SearchResult;
import mx.cte.search.api.TextIndex;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.MutableClock;
import mx.cte.storage.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Two nodes' copies of an index on one database: what one writes, the other finds after following the log. */
@RunWith(Parameterized.class)
public class SharedTextIndexTest {

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final Database database;
    private final MutableClock clock = new MutableClock();
    private final List<Path> folders = new ArrayList<>();
    private final List<LuceneTextIndexes> nodes = new ArrayList<>();
    private Path folderA;
    private Path folderB;
    private LuceneTextIndexes a;
    private LuceneTextIndexes b;

    public SharedTextIndexTest(DatabaseKind kind) {
        database = TestDatabases.fresh(kind);
        IndexChangeLog.migrate(database);
    }

    @Before
    public void startNodes() throws Exception {
        folderA = folder();
        folderB = folder();
        a = node("a", folderA);
        b = node("b", folderB);
    }

    @After
    public void stopNodes() throws Exception {
        nodes.forEach(LuceneTextIndexes::close);
        for (Path folder : folders) {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Path folder() throws Exception {
        Path folder = Files.createTempDirectory("cte-search-shared");
        folders.add(folder);
        return folder;
    }

    private LuceneTextIndexes node(String name, Path folder) {
        LuceneTextIndexes node = new LuceneTextIndexes(folder, new IndexChangeLog(database, name, clock), null, clock);
        nodes.add(node);
        return node;
    }

    private static IndexedDocument resource(String id, String title) {
        return new IndexedDocument(id, Map.of("titulo", title), Map.of("owner", List.of("pack:lecturas")));
    }

    private static List<String> found(TextIndex index, String text) {
        return index.search(new SearchRequest(text, Map.of("titulo", 1f), Map.of(), List.of(), 0, 20)).hits()
                .stream().map(SearchResult.Hit::id).sorted().toList();
    }

    @Test
    public void whatOneNodeWritesTheOtherFindsOnceItFollowsTheLog() {
        TextIndex onA = a.open("catalogo");
        TextIndex onB = b.open("catalogo");
        onA.put(resource("1", "La lectura en voz alta"));
        onA.putAll(List.of(resource("2", "Lectura de cuentos"), resource("3", "Juegos matemáticos")));
        assertEquals("the writer finds it at once", List.of("1", "2"), found(onA, "lectura"));
        assertEquals("not yet followed", List.of(), found(onB, "lectura"));
        long generationOnB = onB.generation();

        b.followAll();
        assertEquals(List.of("1", "2"), found(onB, "lectura"));
        assertTrue("what a module kept from a search on B no longer holds", onB.generation() > generationOnB);
        assertEquals(3, onB.count());

        onB.delete("1");
        onB.put(resource("2", "Cuentos para leer en casa"));
        a.followAll();
        assertEquals(List.of(), found(onA, "lectura"));
        assertEquals(List.of("2"), found(onA, "cuentos"));

        onA.deleteWhere("owner", "pack:lecturas");
        b.followAll();
        assertEquals(0, onB.count());
    }

    @Test
    public void aRebuildOnOneNodeStaysOnThatNode() {
        TextIndex onA = a.open("catalogo");
        TextIndex onB = b.open("catalogo");
        onA.clear();
        onA.onThisNode().putAll(List.of(resource("1", "La lectura en voz alta")));
        b.followAll();
        assertEquals(1, onA.count());
        assertEquals(0, onB.count());
    }

    @Test
    public void whenTwoNodesWriteOneDocumentEveryCopyEndsWithTheLaterWrite() {
        TextIndex onA = a.open("catalogo");
        TextIndex onB = b.open("catalogo");
        onA.put(resource("7", "Primera versión sobre lectura"));
        onB.put(resource("7", "Segunda versión sobre matemáticas"));
        a.followAll();
        b.followAll();
        for (TextIndex copy : List.of(onA, onB)) {
            assertEquals(List.of(), found(copy, "lectura"));
            assertEquals(List.of("7"), found(copy, "matematicas"));
        }
    }

    @Test
    public void aWriteCommittedAfterALaterOneIsStillApplied() throws Exception {
        TextIndex onA = a.open("catalogo");
        TextIndex onB = b.open("catalogo");
        CountDownLatch logged = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slowRequest = CompletableFuture.runAsync(() -> {
            try (Database.UnitOfWork unit = database.beginUnitOfWork()) {
                onA.put(resource("1", "Lectura escrita en una petición lenta"));
                logged.countDown();
                release.await(20, TimeUnit.SECONDS);
                unit.commit();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(logged.await(20, TimeUnit.SECONDS));
        onA.put(resource("2", "Lectura escrita después, confirmada antes"));
        b.followAll();
        assertEquals(List.of("2"), found(onB, "lectura"));

        release.countDown();
        slowRequest.get(20, TimeUnit.SECONDS);
        b.followAll();
        assertEquals(List.of("1", "2"), found(onB, "lectura"));
    }

    @Test
    public void aWriteRolledBackReachesNoOtherNode() {
        TextIndex onA = a.open("catalogo");
        TextIndex onB = b.open("catalogo");
        try (Database.UnitOfWork unit = database.beginUnitOfWork()) {
            onA.put(resource("1", "Lectura que no se guardó"));
        }
        onA.put(resource("2", "Lectura guardada"));
        b.followAll();
        assertEquals(List.of("2"), found(onB, "lectura"));
        clock.advance(IndexFollower.WAIT_FOR_MISSING.plusSeconds(1));
        b.followAll();
        b.followAll();
        assertTrue("the rolled-back position is given up", b.followerMissing("catalogo").isEmpty());
    }

    @Test
    public void aNodeRestartedCatchesUpWithWhatWasWrittenWhileItWasDown() {
        TextIndex onA = a.open("catalogo");
        b.open("catalogo").put(resource("1", "Lectura en voz alta"));
        b.followAll();
        b.close();

        onA.put(resource("2", "Lectura de cuentos"));
        onA.delete("1");
        LuceneTextIndexes restarted = node("b", folderB);
        TextIndex onB = restarted.open("catalogo");
        assertEquals("caught up when opened, before its module looks", List.of("2"), found(onB, "lectura"));
    }

    @Test
    public void aNodeDownLongerThanTheLogKeepsIsEmptiedForItsModuleToRebuild() {
        TextIndex onA = a.open("catalogo");
        b.open("catalogo").put(resource("1", "Lectura en voz alta"));
        b.followAll();
        b.close();

        onA.put(resource("2", "Lectura de cuentos"));
        clock.advance(LuceneTextIndexes.KEEP_CHANGES.plus(Duration.ofHours(1)));
        onA.put(resource("3", "Lectura reciente"));
        new IndexChangeLog(database, "a", clock).purge(clock.instant().minus(Duration.ofMinutes(1)));

        LuceneTextIndexes restarted = node("b", folderB);
        assertEquals(0, restarted.open("catalogo").count());
    }

    @Test
    public void aNodeAheadOfTheLogAfterTheDatabaseWasRestoredIsEmptiedForItsModuleToRebuild() {
        TextIndex onB = b.open("catalogo");
        onB.put(resource("1", "Lectura en voz alta"));
        b.followAll();
        b.close();
        // What a restore of a backup taken before any change was logged leaves: an empty log, nothing purged.
        database.inTransaction(connection -> connection.createStatement().executeUpdate("DELETE FROM search_change"));

        LuceneTextIndexes restarted = node("b", folderB);
        assertEquals(0, restarted.open("catalogo").count());
    }

    @Test
    public void aNewNodeStartsEmptyAndFollowsFromTheNewestChange() {
        TextIndex onA = a.open("catalogo");
        onA.put(resource("1", "Lectura en voz alta"));
        LuceneTextIndexes c = null;
        try {
            c = node("c", folder());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        TextIndex onC = c.open("catalogo");
        assertEquals("its module rebuilds it from the tables", 0, onC.count());
        onA.put(resource("2", "Lectura de cuentos"));
        c.followAll();
        assertEquals(List.of("2"), found(onC, "lectura"));
    }
}
