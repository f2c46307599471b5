package mx.cte.changes;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.MutableClock;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The feed on H2 and PostgreSQL: in order, per school, only what the write's unit of work committed, and kept a day
 * by a purge that runs apart from the writes.
 */
@RunWith(Parameterized.class)
public class ChangeFeedTest {

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final Database database;
    private final ChangeFeed feed;

    public ChangeFeedTest(DatabaseKind kind) {
        database = TestDatabases.fresh(kind);
        feed = new ChangeFeed(database, Clock.systemUTC(), () -> null);
    }

    @Test
    public void changesAreListedInOrderPerSchool() {
        assertEquals(0, feed.latest("15EJN0101A"));
        feed.note("15EJN0101A", "/api/v1/logbook/15EJN0101A/agreements", "docente.ana");
        feed.note("15EJN0102B", "/api/v1/logbook/15EJN0102B/agreements", "docente.bernardo");
        feed.note("15EJN0101A", "/api/v1/results/15EJN0101A/ratings/3/B", "directora");
        List<ChangeFeed.Change> all = feed.since("15EJN0101A", 0, 10);
        assertEquals(List.of("/api/v1/logbook/15EJN0101A/agreements", "/api/v1/results/15EJN0101A/ratings/3/B"),
                all.stream().map(ChangeFeed.Change::path).toList());
        assertEquals(all.get(1).id(), feed.latest("15EJN0101A"));
        assertEquals("directora", feed.since("15EJN0101A", all.get(0).id(), 10).get(0).username());
        assertEquals(List.of(), feed.since("15EJN0101A", all.get(1).id(), 10));
        assertEquals(1, feed.since("15EJN0101A", 0, 1).size());
    }

    @Test
    public void aWriteRolledBackLeavesNoNote() {
        try (Database.UnitOfWork unit = database.beginUnitOfWork()) {
            feed.note("15EJN0101A", "/api/v1/cards/15EJN0101A", "docente.ana");
            // not committed: the write failed
        }
        assertEquals(List.of(), feed.since("15EJN0101A", 0, 10));
        try (Database.UnitOfWork unit = database.beginUnitOfWork()) {
            feed.note("15EJN0101A", "/api/v1/cards/15EJN0101A", "docente.ana");
            unit.commit();
        }
        assertEquals(1, feed.since("15EJN0101A", 0, 10).size());
    }

    @Test
    public void notesOlderThanADayArePurgedApartFromTheWriteThatAskedForIt() {
        MutableClock clock = new MutableClock();
        ChangeFeed feed = new ChangeFeed(database, clock, () -> null);
        feed.note("15EJN0101A", "/api/v1/logbook/15EJN0101A/agreements", "docente.ana");
        clock.advance(ChangeFeed.KEPT.minus(Duration.ofMinutes(30)));
        feed.note("15EJN0102B", "/api/v1/logbook/15EJN0102B/agreements", "docente.bernardo");
        clock.advance(ChangeFeed.PURGE_EVERY);
        try (Database.UnitOfWork unit = database.beginUnitOfWork()) {
            feed.note("15EJN0102B", "/api/v1/cards/15EJN0102B", "docente.bernardo");
            // not committed: the write failed, and took only its own note with it
        }
        assertEquals("a day and a half-hour old", List.of(), feed.since("15EJN0101A", 0, 10));
        assertEquals("half an hour old", List.of("/api/v1/logbook/15EJN0102B/agreements"),
                feed.since("15EJN0102B", 0, 10).stream().map(ChangeFeed.Change::path).toList());
    }

    @Test
    public void theSchoolIsTheFirstCctOfThePath() {
        assertEquals(Optional.of("15EJN0101A"), ChangeFeedFilter.schoolOf("/api/v1/results/15EJN0101A/ratings/3/B"));
        assertEquals(Optional.empty(), ChangeFeedFilter.schoolOf("/api/v1/exchange/zones/15-preescolar-015/groups"));
        assertThrows(NullPointerException.class, () -> ChangeFeedFilter.schoolOf(null));
    }
}
