package mx.cte.cluster.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A PostgreSQL connection of its own, outside the pool, listening on the cluster's channel: a pooled connection would
 * be taken from the requests for good, and the pool may close it under the listener.
 */
final class ListenConnection implements AutoCloseable {

    /** Opens the dedicated connection to the platform database. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Connection connection;
    private final PGConnection postgres;

    ListenConnection(Opener opener) throws SQLException {
        this.connection = opener.open();
        try {
            this.postgres = connection.unwrap(PGConnection.class);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + SharedStateStore.CHANNEL);
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Waits up to {@code millis} for notifications; true when at least one came. */
    boolean await(int millis) throws SQLException {
        PGNotification[] notifications = postgres.getNotifications(millis);
        return notifications != null && notifications.length > 0;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is being given up anyway
        }
    }
}
