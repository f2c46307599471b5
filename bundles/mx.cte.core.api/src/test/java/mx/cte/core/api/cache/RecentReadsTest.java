package mx.cte.core.api.cache;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        java.util.function.Function<java.util.Set<Long>, Map<Long, String>> query = ids -> {
            queries.add(java.util.Set.copyOf(ids));
            Map<Long, String> rows = new java.util.HashMap<>();
            ids.stream().filter(id -> id != 9).forEach(id -> rows.put(id, "recurso " + id + "@" + queries.size()));
            return rows;
        };
        assertEquals(Map.of(1L, "recurso 1@1", 2L, "recurso 2@1"), resources.getAll(List.of(1L,
                2L, 9L), query));
        assertEquals(Map.of(2L, "recurso 2@1", 3L, "recurso 3@2"), resources.getAll(List.of(2L,
                3L), query));
        assertEquals("one query per call, only of what was not kept (9 does not exist: asked again)",
                List.of(java.util.Set.of(1L, 2L, 9L), java.util.Set.of(3L)), queries);

        resources.forget(2L);
        assertEquals("recurso 2@3", resources.getAll(List.of(1L, 2L), query).get(2L));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertEquals("recurso 1@4", resources.getAll(List.of(1L), query).get(1L));
    }

    @Test
    public void keysReadDuringAChangeAreNotKept() {
        RecentReads<Long, String> resources = new RecentReads<>(Duration.ofSeconds(5), 10, now::get);
        resources.getAll(List.of(1L, 2L), ids -> {
            resources.forget(1L);
            return Map.of(1L, "viejo 1", 2L, "viejo 2");
        });
        assertEquals(Map.of(1L, "nuevo 1", 2L, "nuevo 2"), resources.getAll(List.of(1L, 2L),
                ids -> Map.of(1L, "nuevo 1", 2L, "nuevo 2")));
    }

    @Test
    public void aValueReadAgainThatIsUnchangedIsTheSameObjectAndAChangedOneIsNew() {
        RecentReads<String, String> texts = new RecentReads<>(Duration.ofSeconds(5), 10, now::get);
        String first = texts.get("a", key -> new String("acuerdo"));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        String again = texts.get("a", key -> new String("acuerdo"));
        assertSame("equal content: the object kept, so what was built from it stays valid", first, again);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        String changed = texts.get("a", key -> new String("acuerdo revisado"));
        assertEquals("acuerdo revisado", changed);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertSame("the new value is kept for its lifetime", changed, texts.get("a", key -> "otro"));
    }

    @Test
    public void severalReadAgainKeepTheObjectsOfThoseUnchanged() {
        RecentReads<String, String> texts = new RecentReads<>(Duration.ofSeconds(5), 10, now::get);
        Map<String, String> first = texts.getAll(List.of("a", "b"),
                keys -> Map.of("a", new String("uno"), "b", new String("dos")));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        Map<String, String> again = texts.getAll(List.of("a", "b"),
                keys -> Map.of("a", new String("uno"), "b", new String("dos cambiado")));
        assertSame(first.get("a"), again.get("a"));
        assertEquals("dos cambiado", again.get("b"));
    }

    @Test
    public void aForgottenValueIsNotAnsweredEvenIfTheReadEqualsIt() {
        RecentReads<String, String> texts = new RecentReads<>(Duration.ofSeconds(5), 10, now::get);
        String first = texts.get("a", key -> new String("acuerdo"));
        texts.forget("a");
        String reread = texts.get("a", key -> new String("acuerdo"));
        assertEquals(first, reread);
        // Forgotten means gone: only an expired value is compared with what is read again.
        assertNotSame(first, reread);
    }
}
