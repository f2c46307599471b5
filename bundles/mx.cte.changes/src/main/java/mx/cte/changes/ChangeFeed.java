package mx.cte.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import mx.cte.cluster.api.Chore;
import mx.cte.cluster.api.Cluster;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each school's collective saved, in order (table {@code change_feed}): the API path each write changed, who and
 * when. Noted in the write's own unit of work, so a write rolled back leaves no note. Kept a day.
 */
final class ChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

    static final String MODULE = "changes";
    static final String CHANGELOG = "mx/cte/changes/db/changelog.xml";
    static final Duration KEPT = Duration.ofDays(1);
    static final Duration PURGE_EVERY = Duration.ofHours(1);
    static final int MAX_PATH = 300;
    /**
     * How long this node answers "nothing new" for a school from memory. Every session screen asks every few seconds;
     * its own node's writes are known at once, another node's within this time.
     */
    static final Duration FRESH = Duration.ofSeconds(2);

    /** One write to a school's records. */
    record Change(long id, String path, String username, Instant at) {
    }

    private record Latest(long id, long checkedAtMillis) {
    }

    private final Database database;
    private final Clock clock;
    private final Supplier<Cluster> cluster;
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();
    private final Chore purge = new Chore("limpieza-cambios", PURGE_EVERY, this::forgetOld);

    /** @param cluster the nodes sharing the database, null while alone: they purge once per hour between them */
    ChangeFeed(Database database, Clock clock, Supplier<Cluster> cluster) {
        this.database = database;
        this.clock = clock;
        this.cluster = cluster;
        database.migrate(MODULE, ChangeFeed.class.getClassLoader(), CHANGELOG);
    }

    void note(String school, String path, String username) {
        String kept = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path;
        long id = database.inTransaction(connection -> Sql.insert(connection, "INSERT INTO change_feed (school,"
                + " path, username, noted_at) VALUES (?, ?, ?, ?)", school, kept, username, clock.instant()));
        latest.merge(school, new Latest(id, clock.millis()), (old, now) -> old.id() > now.id() ? old : now);
        // Once the write's unit has ended, in a transaction of its own: a save never carries an hour's deletions,
        // nor fails or waits because of them (another node's purge holding the same rows, on PostgreSQL).
        database.afterUnitOfWork(() -> purge.maybeRun(clock.instant(), cluster));
    }

    /** The newest change's id for the school, 0 when none is kept. */
    long latest(String school) {
        Latest known = latest.get(school);
        long now = clock.millis();
        if (known != null && now - known.checkedAtMillis() < FRESH.toMillis()) {
            return known.id();
        }
        long id = database.inTransaction(connection -> Sql.first(connection, "SELECT MAX(id) FROM change_feed"
                + " WHERE school = ?", row -> row.getLong(1), school).orElse(0L));
        latest.put(school, new Latest(id, now));
        return id;
    }

    /** The school's changes after {@code after}, oldest first, at most {@code limit}. */
    List<Change> since(String school, long after, int limit) {
        return database.inTransaction(connection -> Sql.query(connection, "SELECT id, path, username, noted_at FROM"
                + " change_feed WHERE school = ? AND id > ? ORDER BY id LIMIT " + limit, row -> new Change(
                        row.getLong(1), row.getString(2), row.getString(3), Sql.instant(row, "noted_at")),
                school, after));
    }

    private void forgetOld() {
        int forgotten = database.inTransaction(connection -> Sql.update(connection,
                "DELETE FROM change_feed WHERE noted_at < ?", clock.instant().minus(KEPT)));
        if (forgotten > 0) {
            LOG.info("Forgot {} notes of the change feed older than {}", forgotten, KEPT);
        }
    }
}
