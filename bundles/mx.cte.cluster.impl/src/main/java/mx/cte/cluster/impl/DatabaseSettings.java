package mx.cte.cluster.impl;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Dictionary;
import java.util.Properties;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Opens a connection of its own to the database the platform's pool uses: the same {@code url}, {@code user} and
 * {@code password} of {@code etc/org.ops4j.datasource-cte.cfg}, through the driver's {@link DataSourceFactory}.
 */
final class DatabaseSettings implements ListenConnection.Opener {

    static final String POSTGRESQL_DRIVER = "PostgreSQL JDBC Driver";

    private final BundleContext context;

    DatabaseSettings(BundleContext context) {
        this.context = context;
    }

    @Override
    public Connection open() throws SQLException {
        Dictionary<String, Object> settings = settings();
        Properties properties = new Properties();
        copy(settings, "user", properties);
        copy(settings, "password", properties);
        Object url = settings.get("url");
        if (url == null) {
            throw new SQLException("etc/org.ops4j.datasource-cte.cfg has no url");
        }
        ServiceReference<DataSourceFactory> reference = driver();
        DataSourceFactory factory = context.getService(reference);
        try {
            return factory.createDriver(null).connect(url.toString(), properties);
        } finally {
            context.ungetService(reference);
        }
    }

    private static void copy(Dictionary<String, Object> settings, String key, Properties properties) {
        Object value = settings.get(key);
        if (value != null) {
            properties.setProperty(key, value.toString());
        }
    }

    private Dictionary<String, Object> settings() throws SQLException {
        ServiceReference<ConfigurationAdmin> reference = context.getServiceReference(ConfigurationAdmin.class);
        if (reference == null) {
            throw new SQLException("No configuration admin to read the database settings from");
        }
        ConfigurationAdmin admin = context.getService(reference);
        try {
            Configuration[] found = admin.listConfigurations("(&(service.factoryPid=org.ops4j.datasource)"
                    + "(dataSourceName=cte))");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                throw new SQLException("No datasource named cte is configured (etc/org.ops4j.datasource-cte.cfg)");
            }
            return found[0].getProperties();
        } catch (IOException | InvalidSyntaxException e) {
            throw new SQLException("Could not read the database settings: " + e.getMessage(), e);
        } finally {
            context.ungetService(reference);
        }
    }

    private ServiceReference<DataSourceFactory> driver() throws SQLException {
        try {
            var references = context.getServiceReferences(DataSourceFactory.class, "("
                    + DataSourceFactory.OSGI_JDBC_DRIVER_NAME + "=" + POSTGRESQL_DRIVER + ")");
            if (references.isEmpty()) {
                throw new SQLException("The PostgreSQL driver is not installed");
            }
            return references.iterator().next();
        } catch (InvalidSyntaxException e) {
            throw new SQLException(e);
        }
    }
}
