package mx.cte.cluster.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import mx.cte.cluster.api.SharedEntry;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.Sql;

/**
 * The desired state in tables {@code cluster_state} and {@code cluster_revision}. Every change takes the next
 * revision from the one row of {@code cluster_revision}, whose lock it holds until it commits: changes commit in the
 * order of their revisions, so a node that has seen revision R has seen every change up to R. On PostgreSQL the
 * change also notifies {@value #CHANNEL}, delivered to the listening nodes when it commits.
 */
final class SharedStateStore {

    static final String MODULE = "cluster";
    static final String CHANGELOG = "mx/cte/cluster/impl/db/changelog.xml";
    static final String CHANNEL = "cte_cluster";
    /** Payload prefix of a change of the shared state, followed by its kind. */
    static final String STATE_CHANGED = "estado:";
    /** Payload prefix of an announcement: topic, a line break, the message. */
    static final String ANNOUNCEMENT = "aviso:";
    static final int MAX_VALUE_CHARS = 64 * 1024;
    static final int MAX_KIND = 40;
    static final int MAX_KEY = 300;

    private final Database database;
    private final Clock clock;
    private final String node;

    SharedStateStore(Database database, Clock clock, String node) {
        this.database = database;
        this.clock = clock;
        this.node = node;
        database.migrate(MODULE, SharedStateStore.class.getClassLoader(), CHANGELOG);
    }

    long put(String kind, String key, String value, byte[] content, boolean removed) {
        check(kind, key, value);
        // Committed now, not with the request that asked: the change is already made on this node, and a follower
        // reading the old entry meanwhile would undo it (a guide published, then uninstalled as still "removed").
        return database.inOwnTransaction(connection -> {
            Sql.update(connection, "UPDATE cluster_revision SET revision = revision + 1 WHERE id = 1");
            long revision = revision(connection);
            int changed = Sql.update(connection, "UPDATE cluster_state SET entry_value = ?, content = ?, removed = ?,"
                    + " revision = ?, changed_at = ?, node = ? WHERE kind = ? AND entry_key = ?", value, content,
                    removed, revision, clock.instant(), node, kind, key);
            if (changed == 0) {
                Sql.update(connection, "INSERT INTO cluster_state (kind, entry_key, entry_value, content, removed,"
                        + " revision, changed_at, node) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", kind, key, value, content,
                        removed, revision, clock.instant(), node);
            }
            if (database.kind() == DatabaseKind.POSTGRESQL) {
                Sql.first(connection, "SELECT pg_notify(?, ?)", row -> 0, CHANNEL, STATE_CHANGED + kind);
            }
            return revision;
        });
    }

    private static void check(String kind, String key, String value) {
        if (kind == null || kind.isEmpty() || kind.length() > MAX_KIND) {
            throw new IllegalArgumentException("A shared state kind has 1 to " + MAX_KIND + " characters: " + kind);
        }
        if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("A shared state key has 1 to " + MAX_KEY + " characters: " + key);
        }
        if (value != null && value.length() > MAX_VALUE_CHARS) {
            throw new IllegalArgumentException("The value of " + kind + " " + key + " passes " + MAX_VALUE_CHARS
                    + " characters");
        }
    }

    /** Notifies every listening node, when the surrounding transaction (if any) commits. */
    void announce(String topic, String message) {
        database.inTransaction(connection -> Sql.first(connection, "SELECT pg_notify(?, ?)", row -> 0, CHANNEL,
                ANNOUNCEMENT + topic + "\n" + message));
    }

    long revision() {
        return database.inTransaction(SharedStateStore::revision);
    }

    private static long revision(Connection connection) throws SQLException {
        return Sql.first(connection, "SELECT revision FROM cluster_revision WHERE id = 1", row -> row.getLong(1))
                .orElseThrow(() -> new SQLException("cluster_revision has no row"));
    }

    /** The kinds with a change after {@code after} up to {@code upTo}. */
    Set<String> kindsChanged(long after, long upTo) {
        return database.inTransaction(connection -> new TreeSet<>(Sql.query(connection, "SELECT DISTINCT kind FROM"
                + " cluster_state WHERE revision > ? AND revision <= ?", row -> row.getString(1), after, upTo)));
    }

    Set<String> kinds() {
        return database.inTransaction(connection -> new TreeSet<>(Sql.query(connection, "SELECT DISTINCT kind FROM"
                + " cluster_state", row -> row.getString(1))));
    }

    List<SharedEntry> entries(String kind) {
        return database.inTransaction(connection -> Sql.query(connection, "SELECT entry_key, entry_value, removed,"
                + " revision, changed_at, node FROM cluster_state WHERE kind = ? ORDER BY revision",
                row -> new SharedEntry(kind, row.getString("entry_key"), row.getString("entry_value"),
                        row.getBoolean("removed"), row.getLong("revision"), Sql.instant(row, "changed_at"),
                        row.getString("node")), kind));
    }

    Optional<byte[]> content(String kind, String key) {
        return database.inTransaction(connection -> Sql.first(connection, "SELECT content FROM cluster_state"
                + " WHERE kind = ? AND entry_key = ? AND removed = FALSE AND content IS NOT NULL",
                row -> row.getBytes(1), kind, key));
    }
}
