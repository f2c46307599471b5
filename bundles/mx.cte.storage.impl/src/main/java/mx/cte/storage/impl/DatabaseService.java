package mx.cte.storage.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's database: the DataSource that pax-jdbc-config publishes as {@code dataSourceName=cte}. Activation
 * opens one connection, so the service appears only once the database answers.
 */
@Component(service = Database.class, configurationPid = "mx.cte.storage")
public final class DatabaseService implements Database {

    static final int DEFAULT_H2_UNITS_AT_ONCE = 3;
    static final long DEFAULT_UNIT_WAIT_MILLIS = 30_000;

    /** Optional settings, {@code etc/mx.cte.storage.cfg}; see docs/operations.md. */
    public @interface Config {
        /**
         * On H2, how many units of work (one per write request) hold a pooled connection at once; the others wait
         * for their turn holding none, so reads keep the rest of the pool. H2 commits one transaction at a time, so
         * more writers at once only queue on its store lock. 0: no limit. PostgreSQL has none.
         */
        int h2UnitsAtOnce() default DEFAULT_H2_UNITS_AT_ONCE;

        /** How long a unit of work waits for its turn before the request fails. */
        long unitWaitMillis() default DEFAULT_UNIT_WAIT_MILLIS;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseService.class);

    private final DataSource dataSource;
    private final DatabaseKind kind;
    private final LiquibaseMigrator migrator;
    private final UnitsOfWork units;

    @Activate
    public DatabaseService(@Reference(target = "(dataSourceName=cte)") DataSource dataSource, Config config) {
        this(dataSource, config.h2UnitsAtOnce(), config.unitWaitMillis());
    }

    /** With the default settings: tests, benchmarks and tools outside OSGi. */
    public DatabaseService(DataSource dataSource) {
        this(dataSource, DEFAULT_H2_UNITS_AT_ONCE, DEFAULT_UNIT_WAIT_MILLIS);
    }

    DatabaseService(DataSource dataSource, int h2UnitsAtOnce, long unitWaitMillis) {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            this.kind = DatabaseKind.fromProductName(metaData.getDatabaseProductName());
            LOG.info("CTE database: {} {} at {}", metaData.getDatabaseProductName(),
                    metaData.getDatabaseProductVersion(), withoutCredentials(metaData.getURL()));
        } catch (SQLException e) {
            throw new StorageException("The CTE database does not answer: " + e.getMessage(), e);
        }
        this.migrator = new LiquibaseMigrator(dataSource);
        int unitsAtOnce = kind == DatabaseKind.H2 ? Math.max(0, h2UnitsAtOnce) : 0;
        this.units = new UnitsOfWork(dataSource, unitsAtOnce, Math.max(0, unitWaitMillis));
    }

    static String withoutCredentials(String url) {
        return url == null ? "?" : url.replaceAll("(?i)(password|user)=[^;&]*", "$1=…");
    }

    /** Joins the thread's unit of work when one is open; migrations and backups use the pool itself. */
    @Override
    public DataSource dataSource() {
        return units.dataSource();
    }

    @Override
    public <T> T inOwnTransaction(TransactionWork<T> work) {
        return units.outsideUnit(() -> inTransaction(work));
    }

    @Override
    public void afterUnitOfWork(Runnable action) {
        units.afterUnit(action);
    }

    @Override
    public UnitOfWork beginUnitOfWork() {
        return units.begin();
    }

    @Override
    public DatabaseKind kind() {
        return kind;
    }

    @Override
    public void backup(Path target) {
        if (kind != DatabaseKind.H2) {
            throw new UnsupportedOperationException("La base de datos es PostgreSQL: respáldela con pg_dump"
                    + " (vea docs/operations.md)");
        }
        Path file = target.toAbsolutePath();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            Files.createDirectories(file.getParent());
            statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
        } catch (SQLException | IOException e) {
            throw new StorageException("No se pudo escribir el respaldo en " + file + ": " + e.getMessage(), e);
        }
        LOG.info("Database backed up to {}", file);
    }

    @Override
    public void migrate(String module, ClassLoader resources, String changelog) {
        migrator.migrate(module, resources, changelog);
    }
}
