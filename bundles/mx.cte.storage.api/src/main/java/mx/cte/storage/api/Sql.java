package mx.cte.storage.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC shapes every module's store repeats (a query mapped row by row, an update that counts, an insert that
 * returns its key), so that a store reads as its SQL. Values bind by their Java type; an {@link Instant} is stored as
 * a UTC timestamp with time zone, which H2 and PostgreSQL both keep exactly.
 */
public final class Sql {

    static final String UNIQUE_VIOLATION = "23505";

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    public static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(mapper.map(row));
                }
            }
            return rows;
        }
    }

    public static <T> Optional<T> first(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        List<T> rows = query(connection, sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** @return how many rows changed */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /**
     * The optimistic-version check, written once: an {@code UPDATE} or {@code DELETE} of a versioned record whose
     * statement ends with {@code AND version = ?}, bound to {@code expectedVersion} after the other parameters. When
     * no row changed, the record changed meanwhile: a {@link StaleVersionException} naming it, which every module's
     * API answers with 409 and the record as it is now.
     *
     * @param record         how the user knows the record, e.g. "El acuerdo 7"
     * @param currentVersion the version the caller last read, for the message
     */
    public static void updateVersioned(Connection connection, String record, long expectedVersion,
            long currentVersion, String sql, Object... parameters) throws SQLException {
        if (!sql.stripTrailing().endsWith("version = ?")) {
            throw new IllegalArgumentException("A versioned statement ends with 'version = ?': " + sql);
        }
        Object[] all = java.util.Arrays.copyOf(parameters, parameters.length + 1);
        all[parameters.length] = expectedVersion;
        if (update(connection, sql, all) == 0) {
            throw new StaleVersionException(record, expectedVersion, currentVersion);
        }
    }

    /**
     * The first version of a record keyed by what it belongs to (not by a generated id): an {@code INSERT} that sets
     * {@code version} to 1. When a colleague's first save committed since this one read, the unique key refuses it
     * and theirs stands, as for any stale edit: a {@link StaleVersionException} naming the record.
     *
     * @param record how the user knows the record, e.g. "La revisión del acuerdo 7"
     */
    public static void insertFirstVersion(Connection connection, String record, String sql, Object... parameters)
            throws SQLException {
        try {
            update(connection, sql, parameters);
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            throw new StaleVersionException(record, 0, 1);
        }
    }

    /** @return the generated key of the inserted row */
    public static long insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database returned no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /** The placeholders of an {@code IN (…)} list of {@code count} values: {@code ?, ?, ?}. */
    public static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** A unique constraint refused a duplicate: the same SQL state on H2 and PostgreSQL. */
    public static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /** A timestamp column read back as an instant. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
