package mx.cte.storage.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.FastCheckService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import mx.cte.storage.api.SchemaMigrationException;
import mx.cte.storage.api.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a module's Liquibase changelog. Every module has its own history and lock tables, so one module's upgrade
 * never waits for, or depends on, another's.
 *
 * <p>A changelog whose exact bytes were applied completely before (on this database, by any node) is not handed to
 * Liquibase again: {@value #APPLIED_TABLE} keeps the SHA-256 of each changelog once Liquibase has applied all of it.
 * Liquibase's start and its check of every module cost about 2.5 s of each restart of the platform (its classes
 * loaded cold, 16 modules), for changelogs that change only when a module is upgraded. A changed changelog (new
 * changesets of an upgraded module) goes through Liquibase as always; so does one that includes other files or
 * holds changesets Liquibase must run again ({@code runAlways}, {@code runOnChange}), whose bytes do not say it all.
 */
final class LiquibaseMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseMigrator.class);
    private static final Pattern MODULE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,29}");
    static final String APPLIED_TABLE = "cte_schema_applied";
    private static final Pattern NOT_SELF_CONTAINED = Pattern.compile("<include|runAlways|runOnChange");

    private final DataSource dataSource;
    private final Map<String, Object> moduleLocks = new ConcurrentHashMap<>();
    private volatile boolean appliedTableReady;

    LiquibaseMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static String historyTable(String module) {
        return module + "_schema_history";
    }

    void migrate(String module, ClassLoader resources, String changelog) {
        if (module == null || !MODULE_NAME.matcher(module).matches()) {
            throw new IllegalArgumentException("Module name '" + module
                    + "' must be lower-case letters, digits and underscores, starting with a letter, at most 30");
        }
        byte[] content = content(module, resources, changelog);
        String fingerprint = NOT_SELF_CONTAINED.matcher(new String(content, StandardCharsets.UTF_8)).find() ? null
                : HexFormat.of().formatHex(sha256(content));
        synchronized (moduleLocks.computeIfAbsent(module, m -> new Object())) {
            long started = System.nanoTime();
            if (fingerprint != null && appliedBefore(module, fingerprint)) {
                LOG.info("Schema of module '{}' is up to date: its changelog was applied whole before ({} ms)", module,
                        (System.nanoTime() - started) / 1_000_000);
                return;
            }
            try (Connection connection = dataSource.getConnection()) {
                Map<String, Object> scope = new HashMap<>();
                // Liquibase looks up its own services through this class loader; in OSGi the module's loader would
                // not see them.
                scope.put(Scope.Attr.classLoader.name(), Liquibase.class.getClassLoader());
                Scope.child(scope, () -> update(module, resources, changelog, connection));
            } catch (SchemaMigrationException e) {
                throw e;
            } catch (Exception e) {
                throw new SchemaMigrationException(module, rootMessage(e), e);
            }
            if (fingerprint != null) {
                recordApplied(module, fingerprint);
            }
            LOG.info("Schema of module '{}' is up to date ({} ms)", module, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static byte[] content(String module, ClassLoader resources, String changelog) {
        try (InputStream in = resources.getResourceAsStream(changelog)) {
            if (in == null) {
                throw new SchemaMigrationException(module, "changelog " + changelog + " not found", null);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SchemaMigrationException(module, "changelog " + changelog + " could not be read: "
                    + e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Whether these exact changelog bytes were applied whole; any doubt (no table yet, a read error) says no. */
    private boolean appliedBefore(String module, String fingerprint) {
        try (Connection connection = dataSource.getConnection()) {
            ensureAppliedTable(connection);
            return Sql.first(connection, "SELECT 1 FROM " + APPLIED_TABLE
                    + " WHERE module = ? AND changelog_sha256 = ?", row -> true, module, fingerprint).isPresent();
        } catch (SQLException e) {
            LOG.warn("Could not tell whether module '{}''s changelog was applied before ({}); Liquibase checks it",
                    module, e.getMessage());
            return false;
        }
    }

    private void recordApplied(String module, String fingerprint) {
        try (Connection connection = dataSource.getConnection()) {
            ensureAppliedTable(connection);
            Sql.update(connection, "INSERT INTO " + APPLIED_TABLE + " (module, changelog_sha256, applied_at)"
                    + " VALUES (?, ?, ?)", module, fingerprint, Instant.now());
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // Another node recorded it first (a duplicate key), or the record failed: the next start asks Liquibase.
            LOG.debug("Module '{}''s applied changelog not recorded: {}", module, e.getMessage());
        }
    }

    private void ensureAppliedTable(Connection connection) throws SQLException {
        if (appliedTableReady) {
            return;
        }
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE IF NOT EXISTS " + APPLIED_TABLE + " (module VARCHAR(30) NOT NULL,"
                    + " changelog_sha256 CHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL,"
                    + " PRIMARY KEY (module, changelog_sha256))");
        } catch (SQLException raced) {
            // Two nodes creating it at once on PostgreSQL: one of them gets a duplicate; the table is there.
            if (!appliedTableExists(connection)) {
                throw raced;
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        appliedTableReady = true;
    }

    private static boolean appliedTableExists(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        try (Statement probe = connection.createStatement()) {
            probe.executeQuery("SELECT COUNT(*) FROM " + APPLIED_TABLE).close();
            return true;
        } catch (SQLException absent) {
            return false;
        }
    }

    private static void update(String module, ClassLoader resources, String changelog, Connection connection)
            throws LiquibaseException {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        database.setDatabaseChangeLogTableName(historyTable(module));
        database.setDatabaseChangeLogLockTableName(module + "_schema_lock");
        // Liquibase remembers "up to date" per changelog for the life of its classes; a module updated at runtime
        // brings new changesets under the same changelog, which must not be skipped.
        Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
        ChangeLogHistoryServiceFactory.getInstance().resetAll();
        try (ClassLoaderResourceAccessor accessor = new ClassLoaderResourceAccessor(resources)) {
            new Liquibase(changelog, accessor, database).update(new Contexts(), new LabelExpression());
        } catch (LiquibaseException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause.getMessage() + ")";
    }
}
