package mx.cte.storage.impl;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.util.logging.Logger;
import javax.sql.DataSource;
import mx.cte.storage.api.Database.UnitOfWork;
import mx.cte.storage.api.StorageException;

/**
 * Units of work on one DataSource: while a thread has one open, {@link #dataSource()} hands it the unit's connection
 * instead of a new one, wrapped so that what modules do with it (commit, roll back, close, switch auto-commit) becomes
 * savepoint work inside the unit's transaction. One commit at the end makes the whole request durable; nothing of it
 * is visible to others before.
 */
final class UnitsOfWork {

    private final DataSource pool;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();
    private final DataSource joining = new JoiningDataSource();

    UnitsOfWork(DataSource pool) {
        this.pool = pool;
    }

    /** The DataSource modules get: joins the thread's unit when there is one. */
    DataSource dataSource() {
        return joining;
    }

    /** Runs the action when the thread's unit of work ends, or now when none is open. */
    void afterUnit(Runnable action) {
        Unit open = current.get();
        if (open == null) {
            runGuarded(action);
        } else {
            open.afterwards.add(action);
        }
    }

    private static void runGuarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(UnitsOfWork.class).error("Work after a unit of work failed", e);
        }
    }

    /** Runs the work as if the thread had no unit open: its connections come from the pool; the unit then goes on. */
    <T> T outsideUnit(java.util.function.Supplier<T> work) {
        Unit open = current.get();
        if (open == null) {
            return work.get();
        }
        current.remove();
        try {
            return work.get();
        } finally {
            current.set(open);
        }
    }

    UnitOfWork begin() {
        Unit open = current.get();
        if (open != null) {
            return new Nested(open);
        }
        try {
            Connection connection = pool.getConnection();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            Unit unit = new Unit(connection);
            current.set(unit);
            return unit;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** The unit's one connection and whether it must end in a rollback. */
    private final class Unit implements UnitOfWork {
        final Connection connection;
        final java.util.List<Runnable> afterwards = new java.util.ArrayList<>();
        boolean rollbackOnly;
        boolean committed;
        boolean closed;

        Unit(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void commit() {
            if (closed || committed) {
                throw new IllegalStateException("This unit of work has already ended");
            }
            if (rollbackOnly) {
                throw new StorageException("A part of this unit of work failed and asked to roll it back", null);
            }
            try {
                connection.commit();
                committed = true;
            } catch (SQLException e) {
                throw new StorageException(e);
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            current.remove();
            try {
                if (!committed) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new StorageException(e);
            } finally {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // the pool discards a connection it cannot reset
                }
                afterwards.forEach(UnitsOfWork::runGuarded);
            }
        }
    }

    /** A unit opened inside another: the outer one commits; leaving this one uncommitted dooms the outer one. */
    private static final class Nested implements UnitOfWork {
        private final Unit outer;
        private boolean committed;

        Nested(Unit outer) {
            this.outer = outer;
        }

        @Override
        public void commit() {
            committed = true;
        }

        @Override
        public void close() {
            if (!committed) {
                outer.rollbackOnly = true;
            }
        }
    }

    /**
     * The unit's connection as one part of the unit sees it: opened at a savepoint; its commit keeps its work in the
     * unit (a new savepoint starts), its rollback undoes only its own work, its close ends its part. Auto-commit
     * cannot be switched on: the unit decides when its work becomes durable.
     */
    private static Connection part(Unit unit) throws SQLException {
        Connection connection = unit.connection;
        Savepoint[] savepoint = {connection.setSavepoint()};
        boolean[] closed = {false};
        boolean[] autoCommit = {true};
        return (Connection) Proxy.newProxyInstance(UnitsOfWork.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!closed[0]) {
                                closed[0] = true;
                                release(connection, savepoint[0]);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return closed[0] || connection.isClosed();
                        }
                        case "commit" -> {
                            release(connection, savepoint[0]);
                            savepoint[0] = connection.setSavepoint();
                            return null;
                        }
                        case "rollback" -> {
                            if (args == null || args.length == 0) {
                                connection.rollback(savepoint[0]);
                                return null;
                            }
                            break;
                        }
                        case "setAutoCommit" -> {
                            autoCommit[0] = (Boolean) args[0];
                            return null;
                        }
                        case "getAutoCommit" -> {
                            return autoCommit[0];
                        }
                        case "unwrap" -> {
                            if (((Class<?>) args[0]).isInstance(proxy)) {
                                return proxy;
                            }
                            break;
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "toString" -> {
                            return "part of a unit of work on " + connection;
                        }
                        default -> {
                            // the unit's connection answers everything else
                        }
                    }
                    if (closed[0]) {
                        throw new SQLException("This connection was closed");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** H2 and PostgreSQL both release savepoints; a driver that cannot keeps them until the commit. */
    private static void release(Connection connection, Savepoint savepoint) throws SQLException {
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLFeatureNotSupportedException e) {
            // kept until the unit ends
        }
    }

    private final class JoiningDataSource implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            Unit unit = current.get();
            return unit == null ? pool.getConnection() : part(unit);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            Unit unit = current.get();
            return unit == null ? pool.getConnection(username, password) : part(unit);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(pool) || pool.isWrapperFor(type);
        }
    }
}
