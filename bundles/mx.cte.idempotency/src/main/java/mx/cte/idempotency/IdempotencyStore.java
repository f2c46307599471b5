package mx.cte.idempotency;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;

/**
 * The answers to keyed writes (table {@code idempotency_answer}), per user: a key is claimed before the write runs,
 * so a second request with the same key waits for or replays the first instead of writing again.
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
    private static final String UNIQUE_VIOLATION = "23505";

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

    IdempotencyStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        database.migrate("idempotency", IdempotencyStore.class.getClassLoader(), CHANGELOG);
    }

    Claim claim(String username, String key, String fingerprint) {
        Instant now = clock.instant();
        try (Connection connection = database.dataSource().getConnection()) {
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    Sql.update(connection, "INSERT INTO idempotency_answer (username, idem_key, fingerprint, status,"
                            + " created_at) VALUES (?, ?, ?, 0, ?)", username, key, fingerprint, now);
                    return new Claimed();
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                }
                Optional<Stored> stored = Sql.first(connection, "SELECT fingerprint, status, content_type, location,"
                        + " body, created_at FROM idempotency_answer WHERE username = ? AND idem_key = ?",
                        row -> new Stored(row.getString("fingerprint"), new Answer(row.getInt("status"),
                                row.getString("content_type"), row.getString("location"), row.getString("body")),
                                Sql.instant(row, "created_at")), username, key);
                if (stored.isEmpty()) {
                    continue; // released between our insert and our read: claim again
                }
                Stored found = stored.get();
                if (!found.fingerprint().equals(fingerprint)) {
                    return new OtherRequest();
                }
                if (found.answer().status() != 0) {
                    return new Replay(found.answer());
                }
                if (found.createdAt().isAfter(now.minus(ABANDONED))) {
                    return new InProgress();
                }
                Sql.update(connection, "DELETE FROM idempotency_answer WHERE username = ? AND idem_key = ?"
                        + " AND status = 0", username, key);
            }
            return new InProgress();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim idempotency key " + key + " of " + username, e);
        }
    }

    private record Stored(String fingerprint, Answer answer, Instant createdAt) {
    }

    void complete(String username, String key, Answer answer) {
        try (Connection connection = database.dataSource().getConnection()) {
            Sql.update(connection, "UPDATE idempotency_answer SET status = ?, content_type = ?, location = ?, body = ?"
                    + " WHERE username = ? AND idem_key = ?", answer.status(), answer.contentType(),
                    answer.location(), answer.body(), username, key);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the answer to idempotency key " + key, e);
        }
    }

    /** Forgets a claim whose request failed on the server's side, so that a retry runs again. */
    void release(String username, String key) {
        try (Connection connection = database.dataSource().getConnection()) {
            Sql.update(connection, "DELETE FROM idempotency_answer WHERE username = ? AND idem_key = ? AND status = 0",
                    username, key);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release idempotency key " + key, e);
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
