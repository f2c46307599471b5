package mx.cte.storage.impl;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    private final Semaphore admission;
    private final long admissionWaitMillis;
    /** Set while the thread's unit holds a permit, also while {@link #outsideUnit} hides the unit. */
    private final ThreadLocal<Boolean> holdsPermit = new ThreadLocal<>();

    /** Units without a limit: every one takes a pooled connection as it begins. */
    UnitsOfWork(DataSource pool) {
        this(pool, 0, 0);
    }

    /**
     * At most {@code unitsAtOnce} units hold a connection at the same time (0: no limit); the others wait in arrival
     * order, holding nothing, for up to {@code admissionWaitMillis}. On a database that commits one transaction at a
     * time (H2) writers holding every pooled connection only queue on its store lock, while the reads that would
     * have been served at once wait for a connection behind them.
     */
    UnitsOfWork(DataSource pool, int unitsAtOnce, long admissionWaitMillis) {
        this.pool = pool;
        this.admission = unitsAtOnce > 0 ? new Semaphore(unitsAtOnce, true) : null;
        this.admissionWaitMillis = admissionWaitMillis;
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
        boolean permitTaken = admit();
        Unit unit = null;
        try {
            Connection connection = pool.getConnection();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            unit = new Unit(connection, permitTaken);
            current.set(unit);
            return unit;
        } catch (SQLException e) {
            throw new StorageException(e);
        } finally {
            if (unit == null && permitTaken) {
                releasePermit(); // no unit began: its turn goes to the next
            }
        }
    }

    /**
     * Waits for a permit unless there is no limit or the thread already holds one (a unit begun inside
     * {@link #outsideUnit}: waiting there could deadlock when every permit is held by such a thread).
     */
    private boolean admit() {
        if (admission == null || Boolean.TRUE.equals(holdsPermit.get())) {
            return false;
        }
        try {
            if (!admission.tryAcquire(admissionWaitMillis, TimeUnit.MILLISECONDS)) {
                throw new StorageException("No unit of work could begin within " + admissionWaitMillis
                        + " ms: " + admission.getQueueLength() + " others are waiting", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while waiting to begin a unit of work", e);
        }
        holdsPermit.set(Boolean.TRUE);
        return true;
    }

    private void releasePermit() {
        holdsPermit.remove();
        admission.release();
    }

    /** Units waiting to begin now; 0 without a limit. */
    int waiting() {
        return admission == null ? 0 : admission.getQueueLength();
    }

    /** The unit's one connection and whether it must end in a rollback. */
    private final class Unit implements UnitOfWork {
        final Connection connection;
        final boolean holdsPermit;
        final java.util.List<Runnable> afterwards = new java.util.ArrayList<>();
        boolean rollbackOnly;
        boolean committed;
        boolean closed;

        Unit(Connection connection, boolean holdsPermit) {
            this.connection = connection;
            this.holdsPermit = holdsPermit;
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
                if (holdsPermit) {
                    releasePermit();
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
     * unit, its rollback undoes only its own work since its last commit, its close ends its part. After a commit the
     * next savepoint is set only when the part goes on working: a part nearly always commits once and closes, and a
     * savepoint costs a statement (a round trip on PostgreSQL). Auto-commit cannot be switched on: the unit decides
     * when its work becomes durable.
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
                                if (savepoint[0] != null) {
                                    release(connection, savepoint[0]);
                                }
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return closed[0] || connection.isClosed();
                        }
                        case "commit" -> {
                            if (savepoint[0] != null) {
                                release(connection, savepoint[0]);
                                savepoint[0] = null;
                            }
                            return null;
                        }
                        case "rollback" -> {
                            if (args == null || args.length == 0) {
                                if (savepoint[0] != null) {
                                    connection.rollback(savepoint[0]);
                                } // else nothing was done since the last commit
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
                    if (savepoint[0] == null) {
                        savepoint[0] = connection.setSavepoint(); // the part goes on after its commit
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
