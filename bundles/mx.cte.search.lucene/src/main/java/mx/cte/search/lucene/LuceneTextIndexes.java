package mx.cte.search.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mx.cte.cluster.api.Cluster;
import mx.cte.search.api.TextIndex;
import mx.cte.search.api.TextIndexes;
import mx.cte.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexes live under {@code data/cte/search/<name>} of the Karaf instance, beside the embedded database. When
 * several nodes share the database ({@link Cluster#clustered()}), every node keeps its own copy of each index and
 * follows the shared change log every {@link #FOLLOW_EVERY}; the log keeps {@link #KEEP_CHANGES} of writes, and a node
 * that was down longer rebuilds its copies from the modules' tables.
 */
@Component(service = TextIndexes.class)
public final class LuceneTextIndexes implements TextIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneTextIndexes.class);

    static final Duration FOLLOW_EVERY = Duration.ofSeconds(1);
    static final Duration KEEP_CHANGES = Duration.ofDays(3);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final String PURGE_JOB = "busqueda-depuracion";

    private final Path base;
    private final IndexChangeLog log;
    private final Cluster cluster;
    private final Clock clock;
    private final Map<String, LuceneTextIndex> local = new HashMap<>();
    private final Map<String, TextIndex> open = new HashMap<>();
    private final Map<String, IndexFollower> followers = new HashMap<>();
    private ScheduledExecutorService following;
    private volatile boolean followFailing;

    @Activate
    public LuceneTextIndexes(@Reference Cluster cluster, @Reference Database database) {
        this(Path.of(System.getProperty("karaf.data", "data"), "cte", "search"),
                cluster.clustered() ? new IndexChangeLog(database, cluster.nodeName(), Clock.systemUTC()) : null,
                cluster, Clock.systemUTC());
        if (log != null) {
            IndexChangeLog.migrate(database);
            following = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "cte-search-follower");
                thread.setDaemon(true);
                return thread;
            });
            following.scheduleWithFixedDelay(this::followAll, FOLLOW_EVERY.toMillis(), FOLLOW_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            following.scheduleWithFixedDelay(this::purgeOnce, 1, 10, TimeUnit.MINUTES);
            LOG.info("Search indexes follow the shared change log (node {})", cluster.nodeName());
        }
    }

    /** Indexes under {@code base} on one node, outside OSGi: for tests and the benchmark harness. */
    public LuceneTextIndexes(Path base) {
        this(base, null, null, Clock.systemUTC());
    }

    /** Indexes under {@code base} following {@code log}, when it is not null; the caller calls {@link #followAll()}. */
    LuceneTextIndexes(Path base, IndexChangeLog log, Cluster cluster, Clock clock) {
        this.base = base;
        this.log = log;
        this.cluster = cluster;
        this.clock = clock;
    }

    @Override
    public synchronized TextIndex open(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("An index name is lower-case letters, digits and hyphens: " + name);
        }
        return open.computeIfAbsent(name, n -> {
            LuceneTextIndex index;
            try {
                index = new LuceneTextIndex(base.resolve(n));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot open the search index " + n + " under " + base, e);
            }
            local.put(n, index);
            if (log == null) {
                LOG.info("Search index {} open with {} documents", n, index.count());
                return index;
            }
            IndexFollower follower = new IndexFollower(n, index, log, clock);
            follower.start();
            followers.put(n, follower);
            LOG.info("Search index {} open with {} documents, following the change log from position {}", n,
                    index.count(), follower.position());
            return new SharedTextIndex(n, index, log);
        });
    }

    /** Applies to every open index what any node logged since the last call. */
    void followAll() {
        List<IndexFollower> all;
        synchronized (this) {
            all = List.copyOf(followers.values());
        }
        try {
            for (IndexFollower follower : all) {
                follower.follow();
            }
            if (followFailing) {
                LOG.info("Search indexes follow the shared change log again");
                followFailing = false;
            }
        } catch (RuntimeException e) {
            if (!followFailing) {
                LOG.warn("Search indexes cannot follow the shared change log now (retrying every {} s): {}",
                        FOLLOW_EVERY.toSeconds(), e.toString());
                followFailing = true;
            }
        }
    }

    /** The positions an index still waits for: for tests. */
    synchronized java.util.Map<Long, java.time.Instant> followerMissing(String name) {
        return followers.get(name).missing();
    }

    /** Deletes changes older than {@link #KEEP_CHANGES}, once per hour for the whole installation. */
    private void purgeOnce() {
        try {
            cluster.runOncePer(PURGE_JOB, PURGE_EVERY, () -> {
                int deleted = log.purge(clock.instant().minus(KEEP_CHANGES));
                if (deleted > 0) {
                    LOG.info("Deleted {} search index changes older than {} days", deleted, KEEP_CHANGES.toDays());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Deleting old search index changes failed; retried in 10 minutes: {}", e.toString());
        }
    }

    @Deactivate
    public void close() {
        if (following != null) {
            following.shutdownNow();
            try {
                following.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            local.forEach((name, index) -> {
                try {
                    index.close();
                } catch (IOException e) {
                    LOG.warn("Closing the search index {} failed", name, e);
                }
            });
            local.clear();
            open.clear();
            followers.clear();
        }
    }
}
