package mx.cte.exchange.impl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
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
 * wrote first (tables {@code exchange_contribution}, {@code exchange_text}), one per activity and kind.
 *
 * <p>Rows written before texts were kept per activity have activity 0: they are given the activity the session's
 * guide says (a highlight goes to the activity that uses its reading), as soon as the guide is installed.
 */
final class CollectiveTexts {

    private static final Logger LOG = Logger.getLogger(CollectiveTexts.class.getName());
    private static final Duration LEGACY_RETRY = Duration.ofMinutes(1);

    private final Database database;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final ProductActivities activities;
    private volatile boolean legacyRows = true;
    private volatile Instant legacyCheckedAt = Instant.MIN;

    CollectiveTexts(Database database, SchoolDirectory directory, AuditLog audit, Clock clock,
            ProductActivities activities) {
        this.database = database;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.activities = activities;
    }

    List<CollectiveText> texts(Cct school, String session) {
        String key = ExchangeRecords.session(session);
        assignLegacyRowsIfDue();
        return database.inTransaction(connection -> read(connection, school, key, 0, null));
    }

    CollectiveText text(Cct school, String session, int activity, TextKind kind) {
        String key = ExchangeRecords.session(session);
        assignLegacyRowsIfDue();
        int number = activity(key, activity, kind, "");
        return database.inTransaction(connection -> read(connection, school, key, number, kind)).stream()
                .findFirst().orElse(new CollectiveText(number, kind, key, List.of(), "", 0));
    }

    /** The texts of the school's session; of one activity and kind when {@code activity} is not 0. */
    private static List<CollectiveText> read(Connection connection, Cct school, String key, int activity,
            TextKind kind) throws SQLException {
        String only = activity == 0 ? "" : " AND activity = ? AND kind = ?";
        Object[] parameters = activity == 0 ? new Object[] {school.value(), key}
                : new Object[] {school.value(), key, activity, kind.wireName()};
        Map<String, List<Contribution>> contributions = new TreeMap<>();
        Map<String, Object[]> written = new TreeMap<>();
        for (Contribution c : Sql.query(connection, "SELECT id, activity, kind, reading, text, author, created_at"
                + " FROM exchange_contribution WHERE cct = ? AND session_key = ?" + only + " ORDER BY id",
                CollectiveTexts::contribution, parameters)) {
            contributions.computeIfAbsent(slot(c.activity(), c.kind()), k -> new ArrayList<>()).add(c);
        }
        Sql.query(connection, "SELECT activity, kind, text, version FROM exchange_text WHERE cct = ? AND"
                + " session_key = ?" + only, row -> written.put(slot(row.getInt(1), TextKind.parse(row.getString(2))),
                        new Object[] {row.getString(3), row.getLong(4)}), parameters);
        List<String> slots = new ArrayList<>(contributions.keySet());
        written.keySet().stream().filter(s -> !contributions.containsKey(s)).forEach(slots::add);
        Collections.sort(slots);
        List<CollectiveText> texts = new ArrayList<>();
        for (String slot : slots) {
            int number = Integer.parseInt(slot.substring(0, 4));
            TextKind slotKind = TextKind.parse(slot.substring(5));
            Object[] text = written.get(slot);
            texts.add(new CollectiveText(number, slotKind, key, contributions.getOrDefault(slot, List.of()),
                    text == null ? "" : (String) text[0], text == null ? 0 : (Long) text[1]));
        }
        return texts;
    }

    /** Sorts by activity, then kind. */
    private static String slot(int activity, TextKind kind) {
        return String.format("%04d %s", activity, kind.wireName());
    }

    private static Contribution contribution(ResultSet row) throws SQLException {
        return new Contribution(row.getLong("id"), row.getInt("activity"), TextKind.parse(row.getString("kind")),
                row.getString("reading"), row.getString("text"), row.getString("author"),
                Sql.instant(row, "created_at"));
    }

    /**
     * The activity a text belongs to: the one given, which must ask for the kind when the session's guide is installed,
     * or (0) the first activity of the guide that yields the kind, the one that uses {@code reading} when several do.
     */
    private int activity(String session, int given, TextKind kind, String reading) {
        if (given < 0 || given > 999) {
            throw new IllegalArgumentException("actividad: el número de la actividad va de 1 a 999, no " + given);
        }
        List<ProductActivities.Activity> candidates = activities.of(session, kind.wireName());
        if (given > 0) {
            // An installed guide says which of its activities ask for this text; a guide not installed here cannot.
            if (!candidates.isEmpty() && candidates.stream().noneMatch(a -> a.number() == given)) {
                throw new IllegalArgumentException("actividad: la actividad " + given + " de la guía " + session
                        + " no pide «" + kind.title() + "»; la pide" + (candidates.size() == 1 ? " la actividad "
                        : "n las actividades ") + candidates.stream().map(a -> String.valueOf(a.number()))
                        .collect(java.util.stream.Collectors.joining(", ")));
            }
            return given;
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("actividad: indique la actividad; la guía de " + session
                    + " no está instalada o no pide «" + kind.title() + "»");
        }
        return candidates.stream().filter(a -> !reading.isEmpty() && a.readings().contains(reading)).findFirst()
                .orElse(candidates.get(0)).number();
    }

    Contribution contribute(Cct school, String session, int activity, TextKind kind, String reading, String text,
            String author) {
        ExchangeRecords.school(directory, school);
        String key = ExchangeRecords.session(session);
        if (kind == null) {
            throw new IllegalArgumentException("tipo: indique a qué texto aporta");
        }
        String value = ExchangeRecords.limited("texto", text, 2000, true);
        String source = ExchangeRecords.limited("lectura", reading, 80, false);
        int number = activity(key, activity, kind, source);
        Instant now = clock.instant();
        long id = database.inTransaction(connection -> Sql.insert(connection, "INSERT INTO exchange_contribution"
                + " (cct, session_key, activity, kind, reading, text, author, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", school.value(), key, number, kind.wireName(), source, value,
                author, now));
        audit.record("aportacion-agregada", school + " " + key + " actividad " + number + " " + kind.wireName(),
                value);
        return new Contribution(id, number, kind, source, value, author, now);
    }

    void removeContribution(Cct school, long id, String author) {
        int removed = database.inTransaction(connection -> Sql.update(connection,
                "DELETE FROM exchange_contribution WHERE id = ? AND cct = ?", id, school.value()));
        if (removed == 0) {
            throw new NoSuchElementException("La escuela " + school + " no tiene la aportación " + id);
        }
        audit.record("aportacion-quitada", school + " #" + id, "");
    }

    CollectiveText writeText(Cct school, String session, int activity, TextKind kind, String text,
            long expectedVersion, String author) {
        ExchangeRecords.school(directory, school);
        String key = ExchangeRecords.session(session);
        String value = ExchangeRecords.limited("texto", text, 8000, false);
        int number = activity(key, activity, kind, "");
        database.inTransaction(connection -> {
            Optional<Long> current = Sql.first(connection, "SELECT version FROM exchange_text WHERE cct = ? AND"
                    + " session_key = ? AND activity = ? AND kind = ?", row -> row.getLong(1), school.value(), key,
                    number, kind.wireName());
            String record = "El texto «" + kind.title() + "» de la actividad " + number;
            if (current.isEmpty()) {
                if (expectedVersion != 0) {
                    throw new StaleVersionException(record, expectedVersion, 0);
                }
                Sql.insertFirstVersion(connection, record, "INSERT INTO exchange_text (cct, session_key, activity,"
                        + " kind, text, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                        school.value(), key, number, kind.wireName(), value, author, clock.instant());
            } else {
                Sql.updateVersioned(connection, record, expectedVersion, current.get(), "UPDATE exchange_text SET"
                        + " text = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE cct = ? AND"
                        + " session_key = ? AND activity = ? AND kind = ? AND version = ?", value, author,
                        clock.instant(), school.value(), key, number, kind.wireName());
            }
            return null;
        });
        audit.record("texto-colectivo-guardado", school + " " + key + " actividad " + number + " "
                + kind.wireName(), "");
        return text(school, key, number, kind);
    }

    /** Gives rows without an activity theirs once their guide is installed; tried again at most once a minute. */
    private void assignLegacyRowsIfDue() {
        if (legacyRows && Duration.between(legacyCheckedAt, clock.instant()).compareTo(LEGACY_RETRY) >= 0) {
            assignLegacyRows();
        }
    }

    synchronized void assignLegacyRows() {
        legacyCheckedAt = clock.instant();
        int[] assigned = {0};
        boolean left = database.inTransaction(connection -> {
            boolean unresolved = false;
            List<String[]> pending = Sql.query(connection, "SELECT DISTINCT session_key, kind FROM"
                    + " exchange_contribution WHERE activity = 0 UNION SELECT DISTINCT session_key, kind FROM"
                    + " exchange_text WHERE activity = 0", row -> new String[] {row.getString(1), row.getString(2)});
            for (String[] pair : pending) {
                List<ProductActivities.Activity> candidates = activities.of(pair[0], pair[1]);
                if (candidates.isEmpty()) {
                    unresolved = true;
                    continue;
                }
                for (ProductActivities.Activity candidate : candidates) {
                    for (String reading : candidate.readings()) {
                        assigned[0] += Sql.update(connection, "UPDATE exchange_contribution SET activity = ? WHERE"
                                + " activity = 0 AND session_key = ? AND kind = ? AND reading = ?",
                                candidate.number(), pair[0], pair[1], reading);
                    }
                }
                int first = candidates.get(0).number();
                assigned[0] += Sql.update(connection, "UPDATE exchange_contribution SET activity = ? WHERE"
                        + " activity = 0 AND session_key = ? AND kind = ?", first, pair[0], pair[1]);
                assigned[0] += Sql.update(connection, "UPDATE exchange_text SET activity = ? WHERE activity = 0 AND"
                        + " session_key = ? AND kind = ? AND NOT EXISTS (SELECT 1 FROM exchange_text AS newer WHERE"
                        + " newer.cct = exchange_text.cct AND newer.session_key = exchange_text.session_key AND"
                        + " newer.kind = exchange_text.kind AND newer.activity = ?)", first, pair[0], pair[1], first);
                if (Sql.first(connection, "SELECT 1 FROM exchange_text WHERE activity = 0 AND session_key = ? AND"
                        + " kind = ?", row -> 1, pair[0], pair[1]).isPresent()) {
                    LOG.warning("Textos colectivos de " + pair[0] + " «" + pair[1] + "» sin actividad: la actividad "
                            + first + " ya tiene el suyo; se conservan sin mostrarse");
                }
            }
            return unresolved;
        });
        legacyRows = left;
        if (assigned[0] > 0) {
            audit.record("textos-asignados-a-actividad", "exchange", assigned[0]
                    + " registros de textos colectivos guardados antes de separarlos por actividad");
        }
    }
}
