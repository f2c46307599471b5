package mx.cte.cluster.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mx.cte.cluster.api.SharedEntry;
import mx.cte.cluster.api.SharedStateListener;
import mx.cte.core.api.health.HealthStatus;
import mx.cte.core.api.health.Readiness;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.MutableClock;
import mx.cte.storage.testing.TestDatabases;
import org.junit.After;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

@RunWith(Parameterized.class)
public class ClusterServiceTest {

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final DatabaseKind kind;
    private final Database database;
    private final List<ClusterService> nodes = new ArrayList<>();

    public ClusterServiceTest(DatabaseKind kind) {
        this.kind = kind;
        this.database = TestDatabases.fresh(kind);
    }

    @After
    public void stopNodes() throws InterruptedException {
        for (ClusterService node : nodes) {
            node.deactivate();
        }
    }

    static ClusterService.Config config(String mode, String node, int checkSeconds) {
        return config(mode, node, checkSeconds, 120);
    }

    static ClusterService.Config config(String mode, String node, int checkSeconds, int catchUpSeconds) {
        return new ClusterService.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ClusterService.Config.class;
            }

            @Override
            public String mode() {
                return mode;
            }

            @Override
            public String node() {
                return node;
            }

            @Override
            public int checkSeconds() {
                return checkSeconds;
            }

            @Override
            public int reconcileSeconds() {
                return 600;
            }

            @Override
            public int catchUpSeconds() {
                return catchUpSeconds;
            }
        };
    }

    private ClusterService node(String mode, String name, int checkSeconds) {
        return node(config(mode, name, checkSeconds));
    }

    private ClusterService node(ClusterService.Config config) {
        ClusterService node = new ClusterService(database, config, Clock.systemUTC(),
                () -> database.dataSource().getConnection());
        nodes.add(node);
        return node;
    }

    /** A node that followed {@code kind} until it was killed. */
    private void followedThenKilled(String name, String kind) throws InterruptedException {
        ClusterService before = node(ClusterService.SINGLE, name, 1);
        before.addListener(entries -> { }, following(kind));
        waitReady(before);
        kill(before);
    }

    /** A node killed: its watcher stops, nothing is forgotten (followers are not removed). */
    private void kill(ClusterService node) throws InterruptedException {
        nodes.remove(node);
        node.deactivate();
    }

    private static final class Recorder implements SharedStateListener {
        final LinkedBlockingQueue<List<SharedEntry>> calls = new LinkedBlockingQueue<>();

        @Override
        public void reconcile(List<SharedEntry> entries) {
            calls.add(entries);
        }

        List<SharedEntry> next() throws InterruptedException {
            List<SharedEntry> call = calls.poll(10, TimeUnit.SECONDS);
            if (call == null) {
                throw new AssertionError("the listener was not called within 10 s");
            }
            return call;
        }
    }

    private static Map<String, Object> following(String kind) {
        return Map.of(SharedStateListener.KIND, kind);
    }

    @Test
    public void aChangeOnOneNodeReachesTheOtherNodesListenerWithTheWholeKind() throws Exception {
        // PostgreSQL: a look every 30 s, so only the notification can bring the change within the test's 10 s.
        int check = kind == DatabaseKind.POSTGRESQL ? 30 : 1;
        ClusterService a = node(ClusterService.SINGLE, "a", check);
        ClusterService b = node(ClusterService.SINGLE, "b", check);
        Recorder onB = new Recorder();
        b.addListener(onB, following("guia"));
        assertEquals("caught up once registered, with nothing yet", List.of(), onB.next());
        waitReady(b);

        a.put("guia", "mx.sep.cte.tercera/1.0.0", "{\"firma\":\"x\"}", new byte[] {1, 2, 3});
        List<SharedEntry> seen = onB.next();
        assertEquals(1, seen.size());
        assertEquals("mx.sep.cte.tercera/1.0.0", seen.get(0).key());
        assertEquals("a", seen.get(0).node());
        assertFalse(seen.get(0).removed());
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), boxed(b.content("guia", "mx.sep.cte.tercera/1.0.0")
                .orElseThrow()));

        a.remove("guia", "mx.sep.cte.tercera/1.0.0");
        List<SharedEntry> after = onB.next();
        assertTrue("a removal is kept, so that a node that was down learns it", after.get(0).removed());
        assertTrue(b.content("guia", "mx.sep.cte.tercera/1.0.0").isEmpty());
    }

    @Test
    public void aChangeRecordedDuringARequestReachesTheListenerAtOnceAndOutlivesTheRequestsRollback()
            throws Exception {
        ClusterService node = node(ClusterService.SINGLE, "a", 1);
        Recorder listener = new Recorder();
        node.addListener(listener, following("guia"));
        assertEquals(List.of(), listener.next());
        waitReady(node);
        // A publisher's upload: the bundle is installed on this node inside the request's unit of work. Had the
        // record waited for the request's commit, the listener would read the kind without it and undo the install.
        try (Database.UnitOfWork request = database.beginUnitOfWork()) {
            node.put("guia", "mx.sep.cte.tercera/1.0.0", "{}", new byte[] {1});
            List<SharedEntry> seen = listener.next();
            assertEquals(List.of("mx.sep.cte.tercera/1.0.0"), seen.stream().map(SharedEntry::key).toList());
        }
        assertEquals("the bundle stays installed, so its record stays", 1, node.entries("guia").size());
    }

    @Test
    public void anArtifactOfTwentyMegabytesIsKeptWhole() {
        ClusterService a = node(ClusterService.SINGLE, "a", 1);
        byte[] jar = new byte[20 * 1024 * 1024];
        new java.util.Random(7).nextBytes(jar);
        a.put("guia", "grande/1.0.0", "{}", jar);
        assertTrue(java.util.Arrays.equals(jar, a.content("guia", "grande/1.0.0").orElseThrow()));
    }

    @Test
    public void anAnnouncementReachesTheListenersOfItsTopicOnEveryNode() throws Exception {
        ClusterService a = node(ClusterService.SINGLE, "a", 30);
        ClusterService b = kind == DatabaseKind.POSTGRESQL ? node(ClusterService.SINGLE, "b", 30) : a;
        waitReady(a);
        waitReady(b);
        LinkedBlockingQueue<String> heardOnB = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> otherTopic = new LinkedBlockingQueue<>();
        b.addAnnouncementListener(heardOnB::add, "sesiones");
        b.addAnnouncementListener(otherTopic::add, "otro");
        // The listening connection may still be opening: announce until it is heard, as a node would keep working.
        String heard = null;
        for (int attempt = 0; attempt < 20 && heard == null; attempt++) {
            a.announce("sesiones", "token:abc");
            heard = heardOnB.poll(500, TimeUnit.MILLISECONDS);
        }
        assertEquals("token:abc", heard);
        assertEquals(null, otherTopic.poll(200, TimeUnit.MILLISECONDS));
        try {
            a.announce("sesiones", "x".repeat(mx.cte.cluster.api.Cluster.MAX_ANNOUNCEMENT));
            throw new AssertionError("too long");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("sesiones"));
        }
    }

    @Test
    public void aListenerOfAnotherKindIsNotCalledForAChange() throws Exception {
        ClusterService a = node(ClusterService.SINGLE, "a", 1);
        Recorder choices = new Recorder();
        Recorder guides = new Recorder();
        a.addListener(choices, following("eleccion"));
        a.addListener(guides, following("guia"));
        choices.next();
        guides.next();
        a.put("guia", "x/1.0.0", null, null);
        assertEquals(1, guides.next().size());
        assertEquals(null, choices.calls.poll(3, TimeUnit.SECONDS));
    }

    @Test
    public void theNodeIsNotReadyUntilEveryListenerHasCaughtUp() throws Exception {
        ClusterService a = node(ClusterService.SINGLE, "a", 1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean called = new AtomicBoolean();
        a.addListener(entries -> {
            called.set(true);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, following("guia"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!called.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(HealthStatus.STARTING, a.notReady().orElseThrow().status());
        release.countDown();
        waitReady(a);
    }

    @Test
    public void aRestartedNodeWaitsForTheFollowersItHadBeforeEvenBeforeTheyRegister() throws Exception {
        followedThenKilled("b", "guia");

        ClusterService restarted = node(ClusterService.SINGLE, "b", 1);
        ClusterService other = node(ClusterService.SINGLE, "c", 1);
        waitReady(other); // another node never followed anything: nothing to wait for
        Thread.sleep(1500); // several looks
        Readiness.NotReady why = restarted.notReady().orElseThrow();
        assertEquals(HealthStatus.STARTING, why.status());
        assertTrue(why.reason(), why.reason().contains("«guia»"));
        Recorder guides = new Recorder();
        restarted.addListener(guides, following("guia"));
        guides.next();
        waitReady(restarted);
    }

    @Test
    public void aFollowerThatDoesNotComeBackHoldsTheNodeForTheCatchUpTimeOnly() throws Exception {
        followedThenKilled("b", "canal");

        long started = System.nanoTime();
        ClusterService restarted = node(config(ClusterService.SINGLE, "b", 1, 2));
        Thread.sleep(500);
        assertTrue("still waiting", restarted.notReady().isPresent());
        waitReady(restarted);
        assertTrue("not before its 2 s", System.nanoTime() - started >= Duration.ofSeconds(2).toNanos());
        kill(restarted);
        ClusterService again = node(config(ClusterService.SINGLE, "b", 1, 60));
        waitReady(again); // forgotten: the next start does not wait for it again
    }

    @Test
    public void aFollowerRemovedForGoodIsNotAwaitedAfterARestart() throws Exception {
        ClusterService before = node(ClusterService.SINGLE, "b", 1);
        SharedStateListener guides = entries -> { };
        before.addListener(guides, following("guia"));
        waitReady(before);
        before.removeListener(guides, true);
        kill(before);
        waitReady(node(ClusterService.SINGLE, "b", 1));
    }

    @Test
    public void aFollowerThatCannotApplyTheStateYetKeepsTheNodeStartingAndIsCalledAgain() throws Exception {
        ClusterService a = node(ClusterService.SINGLE, "a", 1);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        a.addListener(entries -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("the guide's bundle could not be installed yet");
            }
        }, following("guia"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (calls.get() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(HealthStatus.STARTING, a.notReady().orElseThrow().status());
        waitReady(a);
        assertEquals("called again at each look until it applied everything", 3, calls.get());
    }

    @Test
    public void clusterModeOnTheEmbeddedDatabaseIsRefusedSayingWhatToChange() {
        Assume.assumeTrue(kind == DatabaseKind.H2);
        ClusterService refused = node(ClusterService.CLUSTER, "a", 1);
        Readiness.NotReady why = refused.notReady().orElseThrow();
        assertEquals(HealthStatus.DOWN, why.status());
        assertTrue(why.reason(), why.reason().contains("mode = cluster") && why.reason().contains("PostgreSQL")
                && why.reason().contains("etc/org.ops4j.datasource-cte.cfg"));
        try {
            refused.put("guia", "x/1.0.0", null, null);
            throw new AssertionError("a refused node stores nothing");
        } catch (IllegalStateException expected) {
            assertEquals(why.reason(), expected.getMessage());
        }
    }

    @Test
    public void clusterModeRunsOnPostgresql() throws Exception {
        Assume.assumeTrue(kind == DatabaseKind.POSTGRESQL);
        ClusterService node = node(ClusterService.CLUSTER, "a", 1);
        assertTrue(node.clustered());
        waitReady(node);
    }

    @Test
    public void aJobRunsOnOneNodeAtATime() throws Exception {
        ClusterService a = node(ClusterService.SINGLE, "a", 1);
        ClusterService b = kind == DatabaseKind.POSTGRESQL ? node(ClusterService.SINGLE, "b", 1) : a;
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread first = new Thread(() -> a.runAlone("canal", () -> {
            running.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        first.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        AtomicBoolean ranTwice = new AtomicBoolean();
        assertFalse("held by the other run", b.runAlone("canal", () -> ranTwice.set(true)));
        assertTrue("another job is free", b.runAlone("respaldo", () -> { }));
        finish.countDown();
        first.join(10_000);
        assertTrue("free again once the first run ended", b.runAlone("canal", () -> ranTwice.set(true)));
        assertTrue(ranTwice.get());
    }

    @Test
    public void aScheduledJobRunsOncePerIntervalWhicheverNodeCallsIt() {
        MutableClock clock = new MutableClock();
        ClusterService a = new ClusterService(database, config(ClusterService.SINGLE, "a", 1), clock,
                () -> database.dataSource().getConnection());
        ClusterService b = new ClusterService(database, config(ClusterService.SINGLE, "b", 1), clock,
                () -> database.dataSource().getConnection());
        nodes.add(a);
        nodes.add(b);
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        Duration daily = Duration.ofDays(1);
        assertTrue(a.runOncePer("canal-revision", daily, runs::incrementAndGet));
        assertFalse("ran on a an hour ago", b.runOncePer("canal-revision", daily, runs::incrementAndGet));
        clock.advance(Duration.ofHours(23));
        assertFalse(a.runOncePer("canal-revision", daily, runs::incrementAndGet));
        clock.advance(Duration.ofHours(1));
        assertTrue("due again, on whichever node asks first", b.runOncePer("canal-revision", daily,
                runs::incrementAndGet));
        assertEquals(2, runs.get());
    }

    @Test
    public void anUnknownModeIsRefusedNamingTheFile() {
        try {
            node("clusters", "a", 1);
            throw new AssertionError("refused");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("etc/mx.cte.cluster.cfg"));
        }
    }

    private static void waitReady(ClusterService node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (node.notReady().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(java.util.Optional.empty(), node.notReady());
    }

    private static List<Byte> boxed(byte[] bytes) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }
}
