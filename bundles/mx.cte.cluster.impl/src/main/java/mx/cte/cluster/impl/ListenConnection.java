package mx.cte.cluster.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    /** Waits up to {@code millis} for notifications; their payloads, empty when none came. */
    List<String> await(int millis) throws SQLException {
        PGNotification[] notifications = postgres.getNotifications(millis);
        if (notifications == null) {
            return List.of();
        }
        List<String> payloads = new ArrayList<>(notifications.length);
        for (PGNotification notification : notifications) {
            payloads.add(notification.getParameter());
        }
        return payloads;
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
