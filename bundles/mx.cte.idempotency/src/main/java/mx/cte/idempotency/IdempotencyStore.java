package mx.cte.idempotency;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.Sql;

/**
 * The answers to keyed writes (table {@code idempotency_answer}), per user: a key is claimed before the write runs,
 * so a second request with the same key waits for or replays the first instead of writing again.
 *
 * <p>On both databases the claim is made and the answer stored in the request's own unit of work, so a keyed write
 * commits once (H2 commits one at a time, and the benchmark of the UI's writes showed two more commits per write
 * doubling p99). Where the claim lives depends on the database. Embedded H2 belongs to one process, so claims are kept
 * in its memory. On PostgreSQL several nodes may share the database, so the claim is a row: a repeat on any node
 * waits on that uncommitted row ({@link #WAIT_FOR_RUNNING} at most) and then replays the committed answer; when the
 * node running the request dies, the server rolls its transaction back at once and the repeat runs, instead of
 * waiting for a claim to be declared abandoned.
 */
final class IdempotencyStore {

    static final String CHANGELOG = "mx/cte/idempotency/db/changelog.xml";
    /** How long an answer is kept: longer than any school day offline. */
    static final Duration KEPT = Duration.ofHours(48);
    /**
     * A claim with no answer after this long belongs to a request that died with the server (a kill during the
     * write): it is released so the client's retry can run instead of waiting forever.
     */
    static final Duration ABANDONED = Duration.ofMinutes(2);
    /** How long a repeat waits on PostgreSQL for the same request running elsewhere before it is answered 409. */
    static final Duration WAIT_FOR_RUNNING = Duration.ofSeconds(5);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** A stored answer. */
    record Answer(int status, String contentType, String location, String body) {
    }

    /** What a claim found. */
    sealed interface Claim permits Claimed, Replay, InProgress, OtherRequest {
    }

    /** The key is this request's: run it, then {@link #complete} or {@link #release}. */
    record Claimed() implements Claim {
    }

    /** The same request ran already: answer this. */
    record Replay(Answer answer) implements Claim {
    }

    /** The same request is running now. */
    record InProgress() implements Claim {
    }

    /** The key was used for a different request. */
    record OtherRequest() implements Claim {
    }

    private final Database database;
    private final Clock clock;
    /** Embedded H2: claims in memory, {@link #inFlight}; otherwise rows with status 0. */
    private final boolean claimsInMemory;
    /** The fingerprint of each request running now, by user and key; only when {@link #claimsInMemory}. */
    private final Map<String, String> inFlight = new ConcurrentHashMap<>();
    private final Duration waitForRunning;

    IdempotencyStore(Database database, Clock clock) {
        this(database, clock, WAIT_FOR_RUNNING);
    }

    IdempotencyStore(Database database, Clock clock, Duration waitForRunning) {
        this.database = database;
        this.clock = clock;
        this.waitForRunning = waitForRunning;
        this.claimsInMemory = database.kind() == DatabaseKind.H2;
        database.migrate("idempotency", IdempotencyStore.class.getClassLoader(), CHANGELOG);
    }

    private static String inFlightId(String username, String key) {
        return username + "\n" + key;
    }

    /**
     * Claims a key; called inside the request's unit of work, whose connection looks up a stored answer. On PostgreSQL
     * the claim row is then part of the write's one commit, and a rollback of the unit releases it.
     */
    Claim claim(String username, String key, String fingerprint) {
        return claimsInMemory ? claimInMemory(username, key, fingerprint) : claimInUnit(username, key, fingerprint);
    }

    private Claim claimInMemory(String username, String key, String fingerprint) {
        String id = inFlightId(username, key);
        String running = inFlight.putIfAbsent(id, fingerprint);
        if (running != null) {
            return running.equals(fingerprint) ? new InProgress() : new OtherRequest();
        }
        try (Connection connection = database.dataSource().getConnection()) {
            Optional<Stored> stored = stored(connection, username, key);
            if (stored.isPresent() && stored.get().answer().status() == 0) {
                // A claim row an earlier version left when it was killed: that request is not running any more.
                Sql.update(connection, "DELETE FROM idempotency_answer WHERE username = ? AND idem_key = ?"
                        + " AND status = 0", username, key);
                stored = Optional.empty();
            }
            if (stored.isEmpty()) {
                return new Claimed();
            }
            inFlight.remove(id);
            return stored.get().fingerprint().equals(fingerprint) ? new Replay(stored.get().answer())
                    : new OtherRequest();
        } catch (SQLException | RuntimeException e) {
            inFlight.remove(id);
            throw new IllegalStateException("Could not claim idempotency key " + key + " of " + username, e);
        }
    }

    private static Optional<Stored> stored(Connection connection, String username, String key) throws SQLException {
        return Sql.first(connection, "SELECT fingerprint, status, content_type, location, body, created_at"
                + " FROM idempotency_answer WHERE username = ? AND idem_key = ?",
                row -> new Stored(row.getString("fingerprint"), new Answer(row.getInt("status"),
                        row.getString("content_type"), row.getString("location"), row.getString("body")),
                        Sql.instant(row, "created_at")), username, key);
    }

    /**
     * Inserts the claim row in the thread's unit of work. The insert waits while another transaction holds an
     * uncommitted claim of the same key: it fails as a duplicate once that one commits (then its answer is replayed),
     * or succeeds once that one rolls back or its node dies.
     */
    private Claim claimInUnit(String username, String key, String fingerprint) {
        Instant now = clock.instant();
        try (Connection connection = database.dataSource().getConnection()) {
            String lockTimeout = Sql.first(connection, "SHOW lock_timeout", row -> row.getString(1)).orElse("0");
            Sql.first(connection, "SELECT set_config('lock_timeout', ?, true)", row -> 0,
                    waitForRunning.toMillis() + "ms");
            try {
                Sql.update(connection, "INSERT INTO idempotency_answer (username, idem_key, fingerprint, status,"
                        + " created_at) VALUES (?, ?, ?, 0, ?)", username, key, fingerprint, now);
                return new Claimed();
            } catch (SQLException e) {
                // Back to before the insert, so the unit's transaction goes on.
                connection.rollback();
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    return new InProgress();
                }
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
            } finally {
                Sql.first(connection, "SELECT set_config('lock_timeout', ?, true)", row -> 0, lockTimeout);
            }
            Optional<Stored> stored = stored(connection, username, key);
            if (stored.isEmpty()) {
                return new InProgress(); // purged between the insert and the read: the retry claims it
            }
            Stored found = stored.get();
            if (!found.fingerprint().equals(fingerprint)) {
                return new OtherRequest();
            }
            if (found.answer().status() != 0) {
                return new Replay(found.answer());
            }
            // A committed claim without an answer, left by an earlier version that committed claims on their own.
            if (found.createdAt().isAfter(now.minus(ABANDONED))) {
                return new InProgress();
            }
            // Its request is long dead: this one takes the key over, in the same unit of work.
            Sql.update(connection, "UPDATE idempotency_answer SET created_at = ? WHERE username = ? AND idem_key = ?"
                    + " AND status = 0", now, username, key);
            return new Claimed();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim idempotency key " + key + " of " + username, e);
        }
    }

    private record Stored(String fingerprint, Answer answer, Instant createdAt) {
    }

    void complete(String username, String key, String fingerprint, Answer answer) {
        try (Connection connection = database.dataSource().getConnection()) {
            if (claimsInMemory) {
                Sql.update(connection, "INSERT INTO idempotency_answer (username, idem_key, fingerprint, status,"
                        + " content_type, location, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", username, key,
                        fingerprint, answer.status(), answer.contentType(), answer.location(), answer.body(),
                        clock.instant());
            } else {
                Sql.update(connection, "UPDATE idempotency_answer SET status = ?, content_type = ?, location = ?,"
                        + " body = ? WHERE username = ? AND idem_key = ?", answer.status(), answer.contentType(),
                        answer.location(), answer.body(), username, key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the answer to idempotency key " + key, e);
        } finally {
            inFlight.remove(inFlightId(username, key));
        }
    }

    /**
     * Forgets a claim whose request failed on the server's side, so that a retry runs again. Only for claims in memory:
     * a claim in the unit of work goes with the unit's rollback.
     */
    void release(String username, String key) {
        if (claimsInMemory) {
            inFlight.remove(inFlightId(username, key));
        }
    }

    /** Deletes answers older than {@link #KEPT}; returns how many. */
    int purge() {
        try (Connection connection = database.dataSource().getConnection()) {
            return Sql.update(connection, "DELETE FROM idempotency_answer WHERE created_at < ?",
                    clock.instant().minus(KEPT));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge idempotency answers", e);
        }
    }
}
