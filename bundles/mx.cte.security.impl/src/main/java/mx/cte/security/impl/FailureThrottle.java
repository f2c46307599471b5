package mx.cte.security.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;

/**
 * Failed sign-ins counted per key (an account at an address, or an address), with a delay that grows after the free
 * attempts: {@code base}, then twice as long after each further failure, never more than {@code cap}. A success
 * clears the key; a key with no failure for {@code forgetAfter} is forgotten. Counted in the database (table
 * {@code signin_failure}), so that a guesser sent to every node of a cluster in turn is held back by all of them.
 */
final class FailureThrottle {

    /** Keys longer than this (an absurd username) are cut: the count stays per key all the same. */
    static final int MAX_KEY = 200;

    private final Database database;
    private final String throttle;
    private final int freeAttempts;
    private final Duration base;
    private final Duration cap;
    private final Duration forgetAfter;

    private record Failures(int count, Instant last) {
    }

    FailureThrottle(Database database, String throttle, int freeAttempts, Duration base, Duration cap,
            Duration forgetAfter) {
        this.database = database;
        this.throttle = throttle;
        this.freeAttempts = freeAttempts;
        this.base = base;
        this.cap = cap;
        this.forgetAfter = forgetAfter;
    }

    private static String stored(String key) {
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    private Optional<Failures> failures(Connection connection, String key) throws SQLException {
        return Sql.first(connection, "SELECT failures, last_failure FROM signin_failure WHERE throttle = ?"
                + " AND throttle_key = ?", row -> new Failures(row.getInt(1), Sql.instant(row, "last_failure")),
                throttle, stored(key));
    }

    /** How long the key must still wait before its next attempt; zero when it may try now. */
    Duration wait(String key, Instant now) {
        Optional<Failures> found = database.inTransaction(connection -> failures(connection, key));
        if (found.isEmpty() || found.get().last().plus(forgetAfter).isBefore(now)) {
            return Duration.ZERO;
        }
        Instant allowed = found.get().last().plus(delayAfter(found.get().count()));
        return allowed.isAfter(now) ? Duration.between(now, allowed) : Duration.ZERO;
    }

    /** The delay after {@code count} consecutive failures. */
    Duration delayAfter(int count) {
        if (count < freeAttempts) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - freeAttempts, 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** Records a failure; returns how long the key must now wait. */
    Duration failed(String key, Instant now) {
        int count = database.inTransaction(connection -> {
            // A failure after forgetAfter starts the count again.
            int changed = Sql.update(connection, "UPDATE signin_failure SET failures = CASE WHEN last_failure < ?"
                    + " THEN 1 ELSE failures + 1 END, last_failure = ? WHERE throttle = ? AND throttle_key = ?",
                    now.minus(forgetAfter), now, throttle, stored(key));
            if (changed == 0) {
                try {
                    Sql.update(connection, "INSERT INTO signin_failure (throttle, throttle_key, failures,"
                            + " last_failure) VALUES (?, ?, 1, ?)", throttle, stored(key), now);
                } catch (SQLException e) {
                    if (!Sql.isUniqueViolation(e)) {
                        throw e;
                    }
                    // Another node counted the first failure at the same moment: count this one on it.
                    connection.rollback();
                    Sql.update(connection, "UPDATE signin_failure SET failures = failures + 1, last_failure = ?"
                            + " WHERE throttle = ? AND throttle_key = ?", now, throttle, stored(key));
                }
            }
            return failures(connection, key).map(Failures::count).orElse(1);
        });
        return delayAfter(count);
    }

    void succeeded(String key) {
        database.inTransaction(connection -> Sql.update(connection, "DELETE FROM signin_failure WHERE throttle = ?"
                + " AND throttle_key = ?", throttle, stored(key)));
    }

    int count(String key) {
        return database.inTransaction(connection -> failures(connection, key)).map(Failures::count).orElse(0);
    }

    /** Forgets keys with no failure for {@code forgetAfter}; returns how many. */
    int purge(Instant now) {
        return database.inTransaction(connection -> Sql.update(connection, "DELETE FROM signin_failure WHERE"
                + " throttle = ? AND last_failure < ?", throttle, now.minus(forgetAfter)));
    }
}
