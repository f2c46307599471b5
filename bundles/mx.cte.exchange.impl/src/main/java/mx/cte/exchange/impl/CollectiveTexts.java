package mx.cte.exchange.impl;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.exchange.api.CollectiveText;
import mx.cte.exchange.api.Contribution;
import mx.cte.exchange.api.TextKind;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import mx.cte.storage.api.StaleVersionException;

/**
 * Activities 14 to 19: the collective's texts about learning among peers, each with the contributions its members
 * wrote first (tables {@code exchange_contribution}, {@code exchange_text}).
 */
final class CollectiveTexts {

    private final Database database;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    CollectiveTexts(Database database, SchoolDirectory directory, AuditLog audit, Clock clock) {
        this.database = database;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    List<CollectiveText> texts(Cct school, String session) {
        String key = ExchangeRecords.session(session);
        return database.inTransaction(connection -> {
            Map<TextKind, List<Contribution>> contributions = new HashMap<>();
            Sql.query(connection, "SELECT id, kind, reading, text, author, created_at FROM exchange_contribution"
                    + " WHERE cct = ? AND session_key = ? ORDER BY id", row -> {
                        Contribution c = contribution(row);
                        contributions.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
                        return null;
                    }, school.value(), key);
            Map<TextKind, Object[]> written = new HashMap<>();
            Sql.query(connection, "SELECT kind, text, version FROM exchange_text WHERE cct = ? AND session_key = ?",
                    row -> written.put(TextKind.parse(row.getString(1)),
                            new Object[] {row.getString(2), row.getLong(3)}), school.value(), key);
            List<CollectiveText> texts = new ArrayList<>();
            for (TextKind kind : TextKind.values()) {
                Object[] text = written.get(kind);
                texts.add(new CollectiveText(kind, key, contributions.getOrDefault(kind, List.of()),
                        text == null ? "" : (String) text[0], text == null ? 0 : (Long) text[1]));
            }
            return texts;
        });
    }

    private static Contribution contribution(ResultSet row) throws SQLException {
        return new Contribution(row.getLong("id"), TextKind.parse(row.getString("kind")), row.getString("reading"),
                row.getString("text"), row.getString("author"), Sql.instant(row, "created_at"));
    }

    Contribution contribute(Cct school, String session, TextKind kind, String reading, String text,
            String author) {
        ExchangeRecords.school(directory, school);
        String key = ExchangeRecords.session(session);
        if (kind == null) {
            throw new IllegalArgumentException("tipo: indique a qué texto aporta");
        }
        String value = ExchangeRecords.limited("texto", text, 2000, true);
        String source = ExchangeRecords.limited("lectura", reading, 80, false);
        Instant now = clock.instant();
        long id = database.inTransaction(connection -> Sql.insert(connection, "INSERT INTO exchange_contribution"
                + " (cct, session_key, kind, reading, text, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                school.value(), key, kind.wireName(), source, value, author, now));
        audit.record("aportacion-agregada", school + " " + key + " " + kind.wireName(), value);
        return new Contribution(id, kind, source, value, author, now);
    }

    void removeContribution(Cct school, long id, String author) {
        int removed = database.inTransaction(connection -> Sql.update(connection,
                "DELETE FROM exchange_contribution WHERE id = ? AND cct = ?", id, school.value()));
        if (removed == 0) {
            throw new NoSuchElementException("La escuela " + school + " no tiene la aportación " + id);
        }
        audit.record("aportacion-quitada", school + " #" + id, "");
    }

    CollectiveText writeText(Cct school, String session, TextKind kind, String text, long expectedVersion,
            String author) {
        ExchangeRecords.school(directory, school);
        String key = ExchangeRecords.session(session);
        String value = ExchangeRecords.limited("texto", text, 8000, false);
        database.inTransaction(connection -> {
            Optional<Long> current = Sql.first(connection, "SELECT version FROM exchange_text WHERE cct = ? AND"
                    + " session_key = ? AND kind = ?", row -> row.getLong(1), school.value(), key, kind.wireName());
            String record = "El texto «" + kind.title() + "»";
            if (current.isEmpty()) {
                if (expectedVersion != 0) {
                    throw new StaleVersionException(record, expectedVersion, 0);
                }
                Sql.insert(connection, "INSERT INTO exchange_text (cct, session_key, kind, text, updated_by,"
                        + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 1)", school.value(), key, kind.wireName(),
                        value, author, clock.instant());
            } else if (Sql.update(connection, "UPDATE exchange_text SET text = ?, updated_by = ?, updated_at = ?,"
                    + " version = version + 1 WHERE cct = ? AND session_key = ? AND kind = ? AND version = ?", value,
                    author, clock.instant(), school.value(), key, kind.wireName(), expectedVersion) == 0) {
                throw new StaleVersionException(record, expectedVersion, current.get());
            }
            return null;
        });
        audit.record("texto-colectivo-guardado", school + " " + key + " " + kind.wireName(), "");
        return texts(school, key).stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
    }
}
