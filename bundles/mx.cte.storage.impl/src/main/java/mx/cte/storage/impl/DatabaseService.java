package mx.cte.storage.impl;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
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
@Component(service = Database.class)
public final class DatabaseService implements Database {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseService.class);

    private final DataSource dataSource;
    private final DatabaseKind kind;
    private final LiquibaseMigrator migrator;

    @Activate
    public DatabaseService(@Reference(target = "(dataSourceName=cte)") DataSource dataSource) {
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
    }

    static String withoutCredentials(String url) {
        return url == null ? "?" : url.replaceAll("(?i)(password|user)=[^;&]*", "$1=…");
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public DatabaseKind kind() {
        return kind;
    }

    @Override
    public void migrate(String module, ClassLoader resources, String changelog) {
        migrator.migrate(module, resources, changelog);
    }
}
