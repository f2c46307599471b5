package mx.cte.storage.api;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;

/** The platform's database. Registered once the configured DataSource answers. */
@ProviderType
public interface Database {

    DataSource dataSource();

    /** Which engine answers; modules rarely need it, SQL should be portable between both. */
    DatabaseKind kind();

    /**
     * Brings the module's tables up to date by applying the changesets of its Liquibase changelog that have not run
     * yet. Each module keeps its own history table ({@code <module>_schema_history}), so modules migrate, upgrade and
     * come back independently. Safe to call at every start; concurrent callers for one module wait for each other.
     *
     * @param module    short module name, lower case letters, digits and underscores ({@code schools}, {@code results})
     * @param resources where the changelog and the files it includes are found: the module's own class loader
     * @param changelog resource path of the changelog, e.g. {@code mx/cte/schools/impl/db/changelog.xml}
     * @throws SchemaMigrationException naming the module and the changeset that failed
     */
    void migrate(String module, ClassLoader resources, String changelog);

    /**
     * Writes a consistent copy of the whole database to a file while the platform keeps running: for the embedded
     * H2 database a zip to unpack into {@code data/cte/} to restore. PostgreSQL is backed up with its own tools
     * ({@code pg_dump}), so there this refuses with a message saying so.
     *
     * @throws UnsupportedOperationException on PostgreSQL
     * @throws StorageException when the file cannot be written
     */
    void backup(java.nio.file.Path target);

    /**
     * Runs the work in one transaction: committed when it returns, rolled back when it throws. The commit returns
     * only once the database has accepted it, so a caller may acknowledge the write afterwards. Inside a
     * {@linkplain #beginUnitOfWork() unit of work} it is a savepoint of the unit's transaction instead.
     */
    default <T> T inTransaction(TransactionWork<T> work) {
        try (Connection connection = dataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /**
     * Runs the work in a transaction of its own, committed when it returns even while the thread has a unit of work
     * open (then on a second connection, which must not wait for rows the unit wrote). For the record of something
     * already done outside the database, such as a bundle installed or uninstalled: other threads act on it at once,
     * and the request's rollback cannot undo it.
     */
    default <T> T inOwnTransaction(TransactionWork<T> work) {
        return inTransaction(work);
    }

    /**
     * Opens a unit of work on this thread: until it is closed, every connection the thread takes from
     * {@link #dataSource()} joins one transaction, so a request's writes (the module's rows, its audit entry, the
     * answer kept for its idempotency key) commit together or not at all. Inside it, {@link #inTransaction} and each
     * connection taken become savepoints: a part that fails rolls back alone and the rest goes on. The unit commits
     * only on {@link UnitOfWork#commit()}; closing it without that rolls everything back. A unit opened while one is
     * open on the thread joins it: its commit is the outer unit's to make, and closing it uncommitted makes the outer
     * one roll back.
     */
    UnitOfWork beginUnitOfWork();

    /**
     * Runs {@code action} once the thread's unit of work has ended, committed or rolled back, or at once when none is
     * open. What a module keeps in memory of rows it changes is dropped there again: a read made while the change was
     * not yet committed (its own, inside the unit, or another thread's) must not outlive the unit. An action that
     * throws is logged and does not stop the others.
     */
    default void afterUnitOfWork(Runnable action) {
        action.run();
    }

    /** See {@link Database#beginUnitOfWork()}. */
    interface UnitOfWork extends AutoCloseable {

        /** Commits the unit's transaction; returns once the database has accepted it. */
        void commit();

        /** Rolls back unless {@link #commit()} was called; ends the unit on this thread. */
        @Override
        void close();
    }

    /** Work done with one connection inside a transaction. */
    @FunctionalInterface
    interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
