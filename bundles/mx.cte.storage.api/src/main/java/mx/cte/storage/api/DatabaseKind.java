package mx.cte.storage.api;

/** The database engines the platform runs on. */
public enum DatabaseKind {
    /** Embedded, a file under Karaf's data folder: the default, nothing to install. */
    H2,
    /** For production. */
    POSTGRESQL;

    /** From JDBC's {@code DatabaseMetaData.getDatabaseProductName()}. */
    public static DatabaseKind fromProductName(String productName) {
        if (productName != null) {
            String name = productName.toLowerCase(java.util.Locale.ROOT);
            if (name.contains("h2")) {
                return H2;
            }
            if (name.contains("postgres")) {
                return POSTGRESQL;
            }
        }
        throw new IllegalArgumentException("Unsupported database '" + productName + "': use H2 or PostgreSQL");
    }
}
