package mx.cte.core.api.cache;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

public class RecentReadsTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final RecentReads<String, String> recent = new RecentReads<>(Duration.ofSeconds(5), 2, now::get);

    private String stored(String key) {
        reads.incrementAndGet();
        return key + "@" + reads.get();
    }

    @Test
    public void aValueReadIsKeptForItsLifetimeThenReadAgain() {
        assertEquals("a@1", recent.get("a", this::stored));
        now.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertEquals("a@1", recent.get("a", this::stored));
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertEquals("a@2", recent.get("a", this::stored));
    }

    @Test
    public void aForgottenKeyIsReadAgainAndTheOthersAreKept() {
        recent.get("a", this::stored);
        recent.get("b", this::stored);
        recent.forget("a");
        assertEquals("a@3", recent.get("a", this::stored));
        assertEquals("b@2", recent.get("b", this::stored));
        recent.forgetWhere(key -> key.equals("b"));
        assertEquals("b@4", recent.get("b", this::stored));
        recent.forgetAll();
        assertEquals("a@5", recent.get("a", this::stored));
    }

    @Test
    public void aReadDuringAChangeIsNotKept() {
        // The change commits while the old value is being read: keeping it would hide the change for 5 s.
        assertEquals("a@1", recent.get("a", key -> {
            String old = stored(key);
            recent.forget("a");
            return old;
        }));
        assertEquals("a@2", recent.get("a", this::stored));
    }

    @Test
    public void aChangeInsideAUnitOfWorkForgetsNowAndAgainWhenTheUnitEnds() {
        java.util.List<Runnable> whenTheUnitEnds = new java.util.ArrayList<>();
        recent.get("a", this::stored);
        recent.forgetNowAndLater("a"::equals, whenTheUnitEnds::add);
        assertEquals("a@2", recent.get("a", this::stored));
        // Read inside the unit, before its commit: kept until the unit ends, then dropped.
        assertEquals("a@2", recent.get("a", this::stored));
        whenTheUnitEnds.forEach(Runnable::run);
        assertEquals("a@3", recent.get("a", this::stored));
    }

    @Test
    public void nothingIsKeptOfAMissingRecordNorPastTheLimit() {
        assertNull(recent.get("nada", key -> null));
        recent.get("a", this::stored);
        recent.get("b", this::stored);
        recent.get("c", this::stored);
        assertEquals("c@4", recent.get("c", this::stored));
        assertEquals("a@1", recent.get("a", this::stored));
    }

    @Test
    public void severalKeysAreReadAtOnceOnlyWhereNotKept() {
        RecentReads<Long, String> resources = new RecentReads<>(Duration.ofSeconds(5), 10, now::get);
        java.util.List<java.util.Set<Long>> queries = new java.util.ArrayList<>();
        java.util.function.Function<java.util.Set<Long>, java.util.Map<Long, String>> query = ids -> {
            queries.add(java.util.Set.copyOf(ids));
            java.util.Map<Long, String> rows = new java.util.HashMap<>();
            ids.stream().filter(id -> id != 9).forEach(id -> rows.put(id, "recurso " + id + "@" + queries.size()));
            return rows;
        };
        assertEquals(java.util.Map.of(1L, "recurso 1@1", 2L, "recurso 2@1"), resources.getAll(java.util.List.of(1L,
                2L, 9L), query));
        assertEquals(java.util.Map.of(2L, "recurso 2@1", 3L, "recurso 3@2"), resources.getAll(java.util.List.of(2L,
                3L), query));
        assertEquals("one query per call, only of what was not kept (9 does not exist: asked again)",
                java.util.List.of(java.util.Set.of(1L, 2L, 9L), java.util.Set.of(3L)), queries);

        resources.forget(2L);
        assertEquals("recurso 2@3", resources.getAll(java.util.List.of(1L, 2L), query).get(2L));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertEquals("recurso 1@4", resources.getAll(java.util.List.of(1L), query).get(1L));
    }

    @Test
    public void keysReadDuringAChangeAreNotKept() {
        RecentReads<Long, String> resources = new RecentReads<>(Duration.ofSeconds(5), 10, now::get);
        resources.getAll(java.util.List.of(1L, 2L), ids -> {
            resources.forget(1L);
            return java.util.Map.of(1L, "viejo 1", 2L, "viejo 2");
        });
        assertEquals(java.util.Map.of(1L, "nuevo 1", 2L, "nuevo 2"), resources.getAll(java.util.List.of(1L, 2L),
                ids -> java.util.Map.of(1L, "nuevo 1", 2L, "nuevo 2")));
    }
}
