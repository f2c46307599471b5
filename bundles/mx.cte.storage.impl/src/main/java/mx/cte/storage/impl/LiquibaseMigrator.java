package mx.cte.storage.impl;

import java.sql.Connection;
import java.util.HashMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a module's Liquibase changelog. Every module has its own history and lock tables, so one module's upgrade
 * never waits for, or depends on, another's.
 */
final class LiquibaseMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseMigrator.class);
    private static final Pattern MODULE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    private final DataSource dataSource;
    private final Map<String, Object> moduleLocks = new ConcurrentHashMap<>();

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
        if (resources.getResource(changelog) == null) {
            throw new SchemaMigrationException(module, "changelog " + changelog + " not found", null);
        }
        synchronized (moduleLocks.computeIfAbsent(module, m -> new Object())) {
            long started = System.nanoTime();
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
            LOG.info("Schema of module '{}' is up to date ({} ms)", module, (System.nanoTime() - started) / 1_000_000);
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
