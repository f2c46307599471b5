package mx.cte.idempotency;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mx.cte.idempotency.IdempotencyStore.Answer;
import mx.cte.idempotency.IdempotencyStore.Claim;
import mx.cte.idempotency.IdempotencyStore.Claimed;
import mx.cte.idempotency.IdempotencyStore.InProgress;
import mx.cte.idempotency.IdempotencyStore.OtherRequest;
import mx.cte.idempotency.IdempotencyStore.Replay;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.MutableClock;
import mx.cte.storage.testing.TestDatabases;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

@RunWith(Parameterized.class)
public class IdempotencyStoreTest {

    private static final String KEY = "6f1c2b1e-6f63-4a39-9a3e-0c5a0d1f4b21";
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final Answer ANSWER = new Answer(201, "application/json;charset=utf-8",
            "/api/v1/logbook/15EJN0101A/agreements/7", "{\"id\":7,\"acuerdo\":\"Leer en voz alta cada día\"}");

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final MutableClock clock = new MutableClock();
    private final DatabaseKind kind;
    private final Database database;
    private final IdempotencyStore store;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> running = new ArrayList<>();

    public IdempotencyStoreTest(DatabaseKind kind) {
        this.kind = kind;
        database = TestDatabases.fresh(kind);
        store = new IdempotencyStore(database, clock, Duration.ofMillis(300));
    }

    @After
    public void endRequests() {
        running.forEach(Request::fail);
        threads.shutdown();
    }

    /**
     * A request as the filter runs it, on a thread of its own: its unit of work open from the claim until it commits
     * with its answer or fails (then everything of it is rolled back, as when its server dies).
     */
    private final class Request {
        private final LinkedBlockingQueue<Answer> ending = new LinkedBlockingQueue<>();
        private final CompletableFuture<Claim> claim = new CompletableFuture<>();
        private final CompletableFuture<Void> ended;
        private final String username;

        Request(String username, String fingerprint) {
            this.username = username;
            running.add(this);
            ended = CompletableFuture.runAsync(() -> {
                try (Database.UnitOfWork unit = database.beginUnitOfWork()) {
                    Claim got = store.claim(username, KEY, fingerprint);
                    claim.complete(got);
                    Answer answer = ending.take();
                    if (got instanceof Claimed && answer.status() > 0) {
                        store.complete(username, KEY, fingerprint, answer);
                        unit.commit();
                    } else if (got instanceof Claimed) {
                        store.release(username, KEY);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    claim.completeExceptionally(e);
                    throw e;
                }
            }, threads);
        }

        Claim claim() throws Exception {
            return claim.get(10, TimeUnit.SECONDS);
        }

        void answer(Answer answer) throws Exception {
            running.remove(this);
            ending.add(answer);
            ended.get(10, TimeUnit.SECONDS);
        }

        /** Its server failed, or it died: nothing of it stays. */
        void fail() {
            ending.add(new Answer(0, null, null, null));
        }
    }

    private Claim claimAndLeave(String username, String fingerprint) throws Exception {
        Request request = new Request(username, fingerprint);
        Claim claim = request.claim();
        request.fail();
        return claim;
    }

    @Test
    public void aKeyRunsOnceThenReplaysItsAnswer() throws Exception {
        Request first = new Request("docente.ana", A);
        assertEquals(new Claimed(), first.claim());
        assertEquals("the repeat arrives while the first runs", new InProgress(), claimAndLeave("docente.ana", A));
        first.answer(ANSWER);

        assertEquals(new Replay(ANSWER), claimAndLeave("docente.ana", A));
        assertEquals(new OtherRequest(), claimAndLeave("docente.ana", B));
        assertEquals("keys are per user", new Claimed(), claimAndLeave("docente.luis", B));
    }

    @Test
    public void aRepeatWaitingForTheRunningRequestGetsItsAnswerOnceItCommits() throws Exception {
        Request first = new Request("docente.ana", A);
        assertEquals(new Claimed(), first.claim());
        Request repeat = new Request("docente.ana", A);
        Thread.sleep(100);
        first.answer(ANSWER);
        assertEquals(kind == DatabaseKind.POSTGRESQL ? new Replay(ANSWER) : new InProgress(), repeat.claim());
    }

    @Test
    public void aFailedRequestLetsTheRetryRun() throws Exception {
        Request first = new Request("docente.ana", A);
        assertEquals(new Claimed(), first.claim());
        first.fail();
        first.ended.get(10, TimeUnit.SECONDS);
        assertEquals(new Claimed(), claimAndLeave("docente.ana", A));
    }

    @Test
    public void aRequestWhoseServerDiedLetsTheRepeatRunAtOnce() throws Exception {
        Request dying = new Request("docente.ana", A);
        assertEquals(new Claimed(), dying.claim());
        Request repeat = new Request("docente.ana", A);
        Thread.sleep(100);
        // Its connection closes without a commit, as when its node is killed: the database rolls it back.
        dying.fail();
        assertEquals(kind == DatabaseKind.POSTGRESQL ? new Claimed() : new InProgress(), repeat.claim());
    }

    @Test
    public void aClaimLeftCommittedByAnEarlierVersionIsTakenOverOnceAbandoned() throws Exception {
        if (kind == DatabaseKind.H2) {
            // Embedded H2 belongs to one process: its claims in memory died with it.
            assertEquals(new Claimed(), claimAndLeave("docente.ana", A));
            return;
        }
        database.inTransaction(connection -> mx.cte.storage.api.Sql.update(connection, "INSERT INTO"
                + " idempotency_answer (username, idem_key, fingerprint, status, created_at) VALUES (?, ?, ?, 0, ?)",
                "docente.ana", KEY, A, clock.instant()));
        assertEquals("it may still be running", new InProgress(), claimAndLeave("docente.ana", A));
        clock.advance(IdempotencyStore.ABANDONED.plusSeconds(1));
        Request retry = new Request("docente.ana", A);
        assertEquals(new Claimed(), retry.claim());
        retry.answer(ANSWER);
        assertEquals(new Replay(ANSWER), claimAndLeave("docente.ana", A));
    }

    @Test
    public void answersAreForgottenAfterTwoDays() throws Exception {
        Request first = new Request("docente.ana", A);
        first.claim();
        first.answer(new Answer(204, null, null, ""));
        clock.advance(Duration.ofHours(47));
        assertEquals(0, store.purge());
        assertTrue(claimAndLeave("docente.ana", A) instanceof Replay);

        clock.advance(Duration.ofHours(2));
        assertEquals(1, store.purge());
        assertEquals(new Claimed(), claimAndLeave("docente.ana", A));
    }
}
