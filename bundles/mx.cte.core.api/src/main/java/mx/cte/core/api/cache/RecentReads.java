package mx.cte.core.api.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values read from the database in the last {@code lifetime}, by key. A change calls {@link #forget} (on this node at
 * once; on the others when they hear its announcement, after it commits), and the next read goes to the database. A
 * read that began before a forget does not put back what the change replaced; a missed announcement, or a read racing
 * another node's commit, is outgrown within the lifetime. Past {@code maxEntries} nothing more is kept until entries
 * expire or are forgotten: memory stays bounded whatever the number of schools.
 *
 * <p>A value read again at the end of its lifetime that {@code equals} the one kept is answered with the object kept:
 * what callers built from it (an answer kept encoded, {@code EncodedAnswers}) stays valid, and the collector does not
 * see a long-lived object die every few seconds (which filled the old generation under load, docs/performance.md).
 *
 * @param <K> the key (a school's CCT, a school and period)
 * @param <V> what is kept: immutable, since every caller shares it
 */
public final class RecentReads<K, V> {

    private record Kept<V>(V value, long readAt) {
    }

    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    // Bumped by every forget: a read that started before one must not put back what the change replaced.
    private final AtomicLong forgets = new AtomicLong();
    private final long lifetimeNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    public RecentReads(Duration lifetime, int maxEntries) {
        this(lifetime, maxEntries, System::nanoTime);
    }

    RecentReads(Duration lifetime, int maxEntries, LongSupplier nanoTime) {
        this.lifetimeNanos = lifetime.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /**
     * The value kept for {@code key} if read within the lifetime, otherwise {@code read}'s answer, kept when no
     * forget happened meanwhile. {@code read} may answer null (nothing there), which is not kept.
     */
    public V get(K key, Function<K, V> read) {
        long now = nanoTime.getAsLong();
        Kept<V> entry = kept.get(key);
        V expired = null;
        if (entry != null) {
            if (now - entry.readAt() < lifetimeNanos) {
                return entry.value();
            }
            expired = entry.value();
            kept.remove(key, entry);
        }
        long stamp = forgets.get();
        V value = sameIfEqual(read.apply(key), expired);
        if (value != null && forgets.get() == stamp && kept.size() < maxEntries) {
            kept.put(key, new Kept<>(value, now));
            if (forgets.get() != stamp) {
                // A change landed while it was being kept: it may be this key's.
                kept.remove(key);
            }
        }
        return value;
    }

    /**
     * The values of {@code keys}: those read within the lifetime from memory, the others with one call of
     * {@code readMissing} (a query for all of them at once), kept when no forget happened meanwhile. A key that
     * {@code readMissing} leaves out (nothing there) is absent from the answer and not kept.
     */
    public Map<K, V> getAll(Collection<K> keys, Function<Set<K>, Map<K, V>> readMissing) {
        long now = nanoTime.getAsLong();
        Map<K, V> found = new HashMap<>();
        // Made only when a key is not found: on a busy node nearly every call finds all its keys.
        Set<K> missing = null;
        Map<K, V> expired = null;
        for (K key : keys) {
            Kept<V> entry = kept.get(key);
            if (entry != null && now - entry.readAt() < lifetimeNanos) {
                found.put(key, entry.value());
            } else {
                if (missing == null) {
                    missing = new LinkedHashSet<>();
                    expired = new HashMap<>();
                }
                if (entry != null) {
                    expired.put(key, entry.value());
                    kept.remove(key, entry);
                }
                missing.add(key);
            }
        }
        return missing == null ? found : readAndKeep(found, missing, expired, now, readMissing);
    }

    /** Reads the keys not found (or expired) and keeps what was read unless a change landed meanwhile. */
    private Map<K, V> readAndKeep(Map<K, V> found, Set<K> missing, Map<K, V> expired, long now,
            Function<Set<K>, Map<K, V>> readMissing) {
        long stamp = forgets.get();
        Map<K, V> read = readMissing.apply(Collections.unmodifiableSet(missing));
        read.forEach((key, readValue) -> {
            V value = sameIfEqual(readValue, expired.get(key));
            if (value != null && missing.contains(key)) {
                found.put(key, value);
                if (forgets.get() == stamp && kept.size() < maxEntries) {
                    kept.put(key, new Kept<>(value, now));
                }
            }
        });
        if (forgets.get() != stamp) {
            // A change landed while they were being read or kept: it may be one of theirs.
            missing.forEach(kept::remove);
        }
        return found;
    }

    private static <V> V sameIfEqual(V read, V expired) {
        return read != null && read.equals(expired) ? expired : read;
    }

    /** Drops what is kept for {@code key}. */
    public void forget(K key) {
        forgets.incrementAndGet();
        kept.remove(Objects.requireNonNull(key));
    }

    /** Drops what is kept for every key {@code matching}: the keys of one school, say. */
    public void forgetWhere(java.util.function.Predicate<K> matching) {
        forgets.incrementAndGet();
        kept.keySet().removeIf(matching);
    }

    /**
     * Drops what is kept for every key {@code matching} now, and again when {@code later} runs what it is handed: a
     * change inside a request's unit of work passes {@code Database::afterUnitOfWork}, so that a value read before the
     * change committed (or rolled back) is not kept past it.
     */
    public void forgetNowAndLater(java.util.function.Predicate<K> matching, java.util.function.Consumer<Runnable> later) {
        forgetWhere(matching);
        later.accept(() -> forgetWhere(matching));
    }

    /** Drops everything kept. */
    public void forgetAll() {
        forgets.incrementAndGet();
        kept.clear();
    }
}
