package mx.cte.security.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cte.security.api.Account;
import mx.cte.security.api.Role;
import mx.cte.security.api.RoleGrant;
import mx.cte.storage.api.Sql;

/** The security module's SQL, portable between H2 and PostgreSQL; every method runs in the caller's transaction. */
final class AccountStore {

    /** An account with what only sign-in needs. */
    record Credentials(Account account, String passwordHash, int failedAttempts, Instant lockedUntil) {
    }

    /** A stored session, found by the hash of its token. */
    record StoredSession(String username, String csrfToken, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
    }

    private AccountStore() {
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void insert(Connection connection, String username, String displayName, String passwordHash,
            List<RoleGrant> grants, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO account (username, display_name,"
                + " password_hash, enabled, failed_attempts, version, created_at, updated_at)"
                + " VALUES (?, ?, ?, TRUE, 0, 1, ?, ?)")) {
            insert.setString(1, username);
            insert.setString(2, displayName);
            insert.setString(3, passwordHash);
            insert.setObject(4, at(now));
            insert.setObject(5, at(now));
            insert.executeUpdate();
        }
        writeGrants(connection, username, grants);
    }

    static void writeGrants(Connection connection, String username, List<RoleGrant> grants) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM account_role WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO account_role (username, position, role, scope) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (RoleGrant grant : grants) {
                insert.setString(1, username);
                insert.setInt(2, position++);
                insert.setString(3, grant.role().wireName());
                insert.setString(4, grant.scope());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static Optional<Credentials> credentials(Connection connection, String username) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT username, display_name, enabled,"
                + " version, password_hash, failed_attempts, locked_until FROM account WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Account account = new Account(row.getString("username"), row.getString("display_name"),
                        row.getBoolean("enabled"), grants(connection, username), row.getLong("version"));
                return Optional.of(new Credentials(account, row.getString("password_hash"),
                        row.getInt("failed_attempts"), instant(row, "locked_until")));
            }
        }
    }

    static List<Account> all(Connection connection) throws SQLException {
        return accounts(connection, "SELECT username, display_name, enabled, version FROM account ORDER BY username",
                "SELECT username, role, scope FROM account_role ORDER BY username, position");
    }

    /** The enabled accounts with a docente or director grant on the school, found by the database. */
    static List<Account> staffOf(Connection connection, String cct) throws SQLException {
        String staff = "SELECT r.username FROM account_role r JOIN account a ON a.username = r.username"
                + " WHERE a.enabled = TRUE AND r.scope = ? AND r.role IN ('" + Role.DOCENTE.wireName() + "', '"
                + Role.DIRECTOR.wireName() + "')";
        return accounts(connection, "SELECT username, display_name, enabled, version FROM account"
                + " WHERE username IN (" + staff + ") ORDER BY username", "SELECT username, role, scope"
                + " FROM account_role WHERE username IN (" + staff + ") ORDER BY username, position", cct);
    }

    /** The accounts one query finds, with their grants from one more: two queries however many accounts. */
    private static List<Account> accounts(Connection connection, String sql, String grantsSql, Object... parameters)
            throws SQLException {
        Map<String, List<RoleGrant>> grants = new HashMap<>();
        Sql.query(connection, grantsSql, row -> grants.computeIfAbsent(row.getString(1), u -> new ArrayList<>())
                .add(new RoleGrant(Role.parse(row.getString(2)).orElseThrow(), row.getString(3))), parameters);
        return Sql.query(connection, sql, row -> new Account(row.getString(1), row.getString(2), row.getBoolean(3),
                grants.getOrDefault(row.getString(1), List.of()), row.getLong(4)), parameters);
    }

    private static List<RoleGrant> grants(Connection connection, String username) throws SQLException {
        List<RoleGrant> grants = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT role, scope FROM account_role WHERE username = ? ORDER BY position")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    grants.add(new RoleGrant(Role.parse(row.getString(1)).orElseThrow(), row.getString(2)));
                }
            }
        }
        return grants;
    }

    /** Bumps the version if it is still {@code expectedVersion} (any when negative); false when it was not. */
    static boolean touch(Connection connection, String username, long expectedVersion, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE account SET version = version + 1,"
                + " updated_at = ? WHERE username = ?" + (expectedVersion < 0 ? "" : " AND version = ?"))) {
            update.setObject(1, at(now));
            update.setString(2, username);
            if (expectedVersion >= 0) {
                update.setLong(3, expectedVersion);
            }
            return update.executeUpdate() == 1;
        }
    }

    static void update(Connection connection, String username, String column, Object value) throws SQLException {
        if (!List.of("password_hash", "enabled").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE account SET " + column + " = ? WHERE username = ?")) {
            update.setObject(1, value);
            update.setString(2, username);
            update.executeUpdate();
        }
    }

    static void recordFailure(Connection connection, String username, int failedAttempts, Instant lockedUntil)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE account SET failed_attempts = ?, locked_until = ? WHERE username = ?")) {
            update.setInt(1, failedAttempts);
            update.setObject(2, at(lockedUntil));
            update.setString(3, username);
            update.executeUpdate();
        }
    }

    static void insertSession(Connection connection, String tokenHash, String username, String csrfToken,
            Instant now, Instant expiresAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO web_session (token_hash, username,"
                + " csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, tokenHash);
            insert.setString(2, username);
            insert.setString(3, csrfToken);
            insert.setObject(4, at(now));
            insert.setObject(5, at(now));
            insert.setObject(6, at(expiresAt));
            insert.executeUpdate();
        }
    }

    static Optional<StoredSession> session(Connection connection, String tokenHash) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT username, csrf_token, created_at,"
                + " last_seen_at, expires_at FROM web_session WHERE token_hash = ?")) {
            query.setString(1, tokenHash);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredSession(row.getString(1), row.getString(2), instant(row, "created_at"),
                        instant(row, "last_seen_at"), instant(row, "expires_at")));
            }
        }
    }

    static void extendSession(Connection connection, String tokenHash, Instant now, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE web_session SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?")) {
            update.setObject(1, at(now));
            update.setObject(2, at(expiresAt));
            update.setString(3, tokenHash);
            update.executeUpdate();
        }
    }

    static void deleteSession(Connection connection, String tokenHash) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM web_session WHERE token_hash = ?")) {
            delete.setString(1, tokenHash);
            delete.executeUpdate();
        }
    }

    static void deleteSessionsOf(Connection connection, String username) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM web_session WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        }
    }

    static int deleteExpiredSessions(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM web_session WHERE expires_at < ?")) {
            delete.setObject(1, at(now));
            return delete.executeUpdate();
        }
    }
}
