package mx.cte.idempotency;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import mx.cte.idempotency.IdempotencyStore.Answer;
import mx.cte.idempotency.IdempotencyStore.Claimed;
import mx.cte.idempotency.IdempotencyStore.InProgress;
import mx.cte.idempotency.IdempotencyStore.OtherRequest;
import mx.cte.idempotency.IdempotencyStore.Replay;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.MutableClock;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

@RunWith(Parameterized.class)
public class IdempotencyStoreTest {

    private static final String KEY = "6f1c2b1e-6f63-4a39-9a3e-0c5a0d1f4b21";

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final MutableClock clock = new MutableClock();
    private final DatabaseKind kind;
    private final Database database;
    private final IdempotencyStore store;

    public IdempotencyStoreTest(DatabaseKind kind) {
        this.kind = kind;
        database = TestDatabases.fresh(kind);
        store = new IdempotencyStore(database, clock);
    }

    @Test
    public void aKeyRunsOnceThenReplaysItsAnswer() {
        assertEquals(new Claimed(), store.claim("docente.ana", KEY, "a".repeat(64)));
        assertEquals("the repeat arrives while the first runs", new InProgress(),
                store.claim("docente.ana", KEY, "a".repeat(64)));
        Answer answer = new Answer(201, "application/json;charset=utf-8", "/api/v1/logbook/15EJN0101A/agreements/7",
                "{\"id\":7,\"acuerdo\":\"Leer en voz alta cada día\"}");
        store.complete("docente.ana", KEY, "a".repeat(64), answer);

        assertEquals(new Replay(answer), store.claim("docente.ana", KEY, "a".repeat(64)));
        assertEquals(new OtherRequest(), store.claim("docente.ana", KEY, "b".repeat(64)));
        assertEquals("keys are per user", new Claimed(), store.claim("docente.luis", KEY, "b".repeat(64)));
    }

    @Test
    public void aReleasedClaimLetsTheRetryRun() {
        assertEquals(new Claimed(), store.claim("docente.ana", KEY, "a".repeat(64)));
        assertEquals(new OtherRequest(), store.claim("docente.ana", KEY, "b".repeat(64)));
        store.release("docente.ana", KEY);
        assertEquals(new Claimed(), store.claim("docente.ana", KEY, "a".repeat(64)));
    }

    @Test
    public void aClaimLeftByAServerThatDiedLetsTheRetryRunAfterTheRestart() {
        assertEquals(new Claimed(), store.claim("docente.ana", KEY, "a".repeat(64)));
        IdempotencyStore restarted = new IdempotencyStore(database, clock);
        if (kind == DatabaseKind.H2) {
            // Embedded H2 belongs to one process: its claims died with it.
            assertEquals(new Claimed(), restarted.claim("docente.ana", KEY, "a".repeat(64)));
            return;
        }
        assertEquals("another node may still be running it", new InProgress(), restarted.claim("docente.ana", KEY,
                "a".repeat(64)));
        clock.advance(IdempotencyStore.ABANDONED.plusSeconds(1));
        assertEquals(new Claimed(), restarted.claim("docente.ana", KEY, "a".repeat(64)));
    }

    @Test
    public void answersAreForgottenAfterTwoDays() {
        store.claim("docente.ana", KEY, "a".repeat(64));
        store.complete("docente.ana", KEY, "a".repeat(64), new Answer(204, null, null, ""));
        clock.advance(Duration.ofHours(47));
        assertEquals(0, store.purge());
        assertTrue(store.claim("docente.ana", KEY, "a".repeat(64)) instanceof Replay);

        clock.advance(Duration.ofHours(2));
        assertEquals(1, store.purge());
        assertEquals(new Claimed(), store.claim("docente.ana", KEY, "a".repeat(64)));
    }
}
