package mx.cte.logbook.impl;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.core.api.errors.InvalidContentException.FieldProblem;
import mx.cte.core.api.errors.TextFields;
import mx.cte.logbook.api.AgreementStatus;
import mx.cte.logbook.api.InvalidAgreementException;
import mx.cte.logbook.api.ZoneAgreement;
import mx.cte.logbook.api.ZoneAgreementDraft;
import mx.cte.logbook.api.ZoneLogbook;
import mx.cte.schools.api.ZoneId;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Consejo Técnico de Zona's agreements in the platform database (table {@code logbook_zone_agreement}). */
@Component(service = ZoneLogbook.class)
public final class ZoneLogbookService implements ZoneLogbook {

    private static final String COLUMNS = "id, zone_key, session_label, text, responsibles, deadline, status,"
            + " reviewed_in, review, recorded_by, recorded_at, updated_by, updated_at, version";

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public ZoneLogbookService(@Reference Database database, @Reference AuditLog audit) {
        this(database, audit, Clock.systemUTC());
    }

    ZoneLogbookService(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        database.migrate(LogbookService.MODULE, ZoneLogbookService.class.getClassLoader(), LogbookService.CHANGELOG);
    }

    @Override
    public ZoneAgreement record(ZoneId zone, ZoneAgreementDraft draft, String author) {
        List<FieldProblem> problems = new ArrayList<>();
        TextFields.problem(draft.session(), 100, true).ifPresent(m -> problems.add(new FieldProblem("sesion", m)));
        TextFields.problem(draft.text(), 2000, true).ifPresent(m -> problems.add(new FieldProblem("acuerdo", m)));
        TextFields.problem(draft.responsibles(), 500, true)
                .ifPresent(m -> problems.add(new FieldProblem("responsables", m)));
        if (draft.deadline() == null) {
            problems.add(new FieldProblem("fechaLimite", "falta la fecha límite"));
        } else if (draft.deadline().isBefore(LocalDate.now(clock.withZone(LogbookService.SCHOOL_TIME)))) {
            problems.add(new FieldProblem("fechaLimite", "la fecha " + draft.deadline() + " ya pasó"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAgreementException(problems);
        }
        Instant now = clock.instant();
        long id = database.inTransaction(connection -> Sql.insert(connection, "INSERT INTO logbook_zone_agreement"
                + " (zone_key, session_label, text, responsibles, deadline, status, reviewed_in, review, recorded_by,"
                + " recorded_at, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, '', '', ?, ?, ?, ?, 1)",
                zone.key(), draft.session(), draft.text(), draft.responsibles(), draft.deadline(),
                AgreementStatus.PENDIENTE.wireName(), author, now, author, now));
        audit.record("acuerdo-zona-registrado", zone.key() + " #" + id, draft.session() + ": " + draft.text());
        return find(zone, id).orElseThrow();
    }

    @Override
    public List<ZoneAgreement> of(ZoneId zone) {
        List<ZoneAgreement> all = database.inTransaction(connection -> Sql.query(connection, "SELECT " + COLUMNS
                + " FROM logbook_zone_agreement WHERE zone_key = ? ORDER BY deadline, id",
                ZoneLogbookService::agreement, zone.key()));
        List<ZoneAgreement> ordered = new ArrayList<>(all.stream().filter(a -> a.status().open()).toList());
        List<ZoneAgreement> closed = new ArrayList<>(all.stream().filter(a -> !a.status().open()).toList());
        java.util.Collections.reverse(closed);
        ordered.addAll(closed);
        return ordered;
    }

    private Optional<ZoneAgreement> find(ZoneId zone, long id) {
        return database.inTransaction(connection -> Sql.first(connection, "SELECT " + COLUMNS
                + " FROM logbook_zone_agreement WHERE zone_key = ? AND id = ?", ZoneLogbookService::agreement,
                zone.key(), id));
    }

    @Override
    public ZoneAgreement review(ZoneId zone, long id, String session, AgreementStatus outcome, String comment,
            long expectedVersion, String author) {
        ZoneAgreement current = find(zone, id).orElseThrow(() -> new NoSuchElementException("La zona " + zone.key()
                + " no tiene el acuerdo " + id));
        List<FieldProblem> problems = new ArrayList<>();
        String reviewing = session == null ? "" : session.strip();
        TextFields.problem(reviewing, 100, true).ifPresent(m -> problems.add(new FieldProblem("sesion", m)));
        if (reviewing.equals(current.content().session())) {
            problems.add(new FieldProblem("sesion", "el acuerdo " + id + " es de esta misma sesión: se revisa en una"
                    + " sesión posterior del consejo de zona"));
        }
        if (outcome == null || !outcome.concludesAReview()) {
            problems.add(new FieldProblem("resultado", "una revisión concluye cumplido, en-curso o descartado"));
        }
        String text = comment == null ? "" : comment.strip();
        TextFields.problem(text, 1000, false).ifPresent(m -> problems.add(new FieldProblem("comentario", m)));
        if (!problems.isEmpty()) {
            throw new InvalidAgreementException(problems);
        }
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            Sql.updateVersioned(connection, "El acuerdo de zona " + id, expectedVersion, current.version(),
                    "UPDATE logbook_zone_agreement SET status = ?, reviewed_in = ?, review = ?, updated_by = ?,"
                    + " updated_at = ?, version = version + 1 WHERE zone_key = ? AND id = ? AND version = ?",
                    outcome.wireName(), reviewing, text, author, now, zone.key(), id);
            return null;
        });
        audit.record("acuerdo-zona-revisado", zone.key() + " #" + id, reviewing + ": " + outcome.wireName()
                + (text.isEmpty() ? "" : " (" + text + ")"));
        return find(zone, id).orElseThrow();
    }

    private static ZoneAgreement agreement(ResultSet row) throws SQLException {
        return new ZoneAgreement(row.getLong("id"), ZoneId.parse(row.getString("zone_key")), new ZoneAgreementDraft(
                row.getString("session_label"), row.getString("text"), row.getString("responsibles"),
                row.getObject("deadline", LocalDate.class)), AgreementStatus.parse(row.getString("status"))
                        .orElseThrow(), row.getString("reviewed_in"), row.getString("review"),
                row.getString("recorded_by"), Sql.instant(row, "recorded_at"), row.getString("updated_by"),
                Sql.instant(row, "updated_at"), row.getLong("version"));
    }
}
