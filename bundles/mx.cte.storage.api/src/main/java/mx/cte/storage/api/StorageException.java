package mx.cte.storage.api;

import java.sql.SQLException;

/** The database failed or refused an operation; the SQL state tells which (see {@link #isUniqueViolation()}). */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String sqlState;

    public StorageException(SQLException cause) {
        super(cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
        this.sqlState = cause instanceof SQLException ? ((SQLException) cause).getSQLState() : null;
    }

    /** SQL state of the underlying error, or null. */
    public String sqlState() {
        return sqlState;
    }

    /** A unique constraint refused a duplicate (the same SQL state on H2 and PostgreSQL). */
    public boolean isUniqueViolation() {
        return Sql.UNIQUE_VIOLATION.equals(sqlState);
    }
}
