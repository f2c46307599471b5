package mx.cte.logbook.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import mx.cte.audit.api.AuditLog;
import mx.cte.core.api.errors.InvalidContentException.FieldProblem;
import mx.cte.core.api.errors.TextFields;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.logbook.api.Agreement;
import mx.cte.logbook.api.AgreementDraft;
import mx.cte.logbook.api.AgreementReview;
import mx.cte.logbook.api.AgreementStatus;
import mx.cte.logbook.api.InvalidAgreementException;
import mx.cte.logbook.api.Logbook;
import mx.cte.logbook.api.ReviewedAgreement;
import mx.cte.schools.api.Cct;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import mx.cte.storage.api.StaleVersionException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The Cuaderno de Bitácora in the platform database (tables {@code logbook_*}). */
@Component(service = Logbook.class)
public final class LogbookService implements Logbook {

    static final String MODULE = "logbook";
    static final String PRODUCT_TYPE = "acuerdo-bitacora";
    static final String CHANGELOG = "mx/cte/logbook/impl/db/changelog.xml";
    static final String REVIEW_TYPE = "revision-acuerdos";
    /** Deadlines are dates in Mexico's central time, where most schools are. */
    static final ZoneId SCHOOL_TIME = ZoneId.of("America/Mexico_City");
    /** Agreement ids per query for their responsibles: an IN list both databases read through the key. */
    private static final int IDS_PER_QUERY = 500;

    private final Database database;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    /** The guides, to check that an agreement's activity is one its guide marks as producing one. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile GuideRegistry guides;

    @Activate
    public LogbookService(@Reference Database database, @Reference Accounts accounts, @Reference AuditLog audit) {
        this(database, accounts, audit, Clock.systemUTC());
    }

    LogbookService(Database database, Accounts accounts, AuditLog audit, Clock clock) {
        this.database = database;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        database.migrate(MODULE, LogbookService.class.getClassLoader(), CHANGELOG);
    }

    /** What each activity of the session's guide yields, over its installed editions; empty when none is installed. */
    static Map<Integer, Set<String>> productsByActivity(List<GuideEdition> editions) {
        Map<Integer, Set<String>> products = new java.util.TreeMap<>();
        for (GuideEdition edition : editions) {
            for (Activity activity : edition.guide().activities()) {
                Set<String> types = products.computeIfAbsent(activity.number(), n -> new java.util.TreeSet<>());
                activity.products().forEach(product -> types.add(product.type()));
            }
        }
        return products;
    }

    /**
     * An agreement comes from an activity its guide marks as producing one ({@value #PRODUCT_TYPE}). A session whose
     * guide is no longer installed is taken at its word: old agreements stay editable.
     */
    static Optional<FieldProblem> activityProblem(String session, int activity, Map<Integer, Set<String>> products) {
        if (products.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> producing = products.entrySet().stream().filter(e -> e.getValue().contains(PRODUCT_TYPE))
                .map(Map.Entry::getKey).sorted().toList();
        if (producing.contains(activity)) {
            return Optional.empty();
        }
        String which = producing.isEmpty() ? "ninguna actividad de esa guía registra acuerdos; deje la actividad vacía"
                : "registran acuerdos las actividades " + producing.stream().map(String::valueOf)
                        .collect(Collectors.joining(", "));
        return Optional.of(new FieldProblem("actividad", (products.containsKey(activity)
                ? "la actividad " + activity + " de la sesión " + session + " no registra acuerdos en la bitácora"
                : "la sesión " + session + " no tiene la actividad " + activity) + "; " + which));
    }

    private void check(Cct school, AgreementDraft draft, LocalDate previousDeadline) {
        List<FieldProblem> problems = new ArrayList<>();
        GuideId session = null;
        try {
            session = GuideId.parse(draft.session());
        } catch (RuntimeException e) {
            problems.add(new FieldProblem("sesion", "'" + draft.session() + "' no es la clave de una sesión, p. ej."
                    + " SEP:2016-2017:preescolar:ordinaria-3"));
        }
        if (draft.activity() != null && (draft.activity() < 1 || draft.activity() > 999)) {
            problems.add(new FieldProblem("actividad", "el número de actividad va de 1 a 999"));
        } else if (draft.activity() != null && session != null) {
            GuideRegistry registry = guides;
            if (registry != null) {
                activityProblem(draft.session(), draft.activity(), productsByActivity(registry.editions(session)))
                        .ifPresent(problems::add);
            }
        }
        TextFields.problem(draft.text(), 2000, true).ifPresent(m -> problems.add(new FieldProblem("acuerdo", m)));
        TextFields.problem(draft.commitments(), 4000, false)
                .ifPresent(m -> problems.add(new FieldProblem("compromisos", m)));
        if (draft.responsibles().isEmpty()) {
            problems.add(new FieldProblem("responsables", "nombre al menos a un responsable"));
        } else {
            Set<String> staff = accounts.staffOf(school).stream().map(Account::username).collect(Collectors.toSet());
            for (String responsible : draft.responsibles()) {
                if (!staff.contains(responsible)) {
                    problems.add(new FieldProblem("responsables", "'" + responsible + "' no es personal de la escuela "
                            + school));
                }
            }
        }
        if (draft.deadline() == null) {
            problems.add(new FieldProblem("fechaLimite", "falta la fecha límite"));
        } else if (!draft.deadline().equals(previousDeadline)
                && draft.deadline().isBefore(LocalDate.now(clock.withZone(SCHOOL_TIME)))) {
            problems.add(new FieldProblem("fechaLimite", "la fecha " + draft.deadline() + " ya pasó"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAgreementException(problems);
        }
    }

    @Override
    public Agreement record(Cct school, AgreementDraft draft, String author) {
        check(school, draft, null);
        Instant now = clock.instant();
        long id = database.inTransaction(connection -> {
            long created = Sql.insert(connection, "INSERT INTO logbook_agreement (cct, session_key, activity, text,"
                    + " commitments, deadline, status, recorded_by, recorded_at, updated_by, updated_at, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", school.value(), draft.session(), draft.activity(),
                    draft.text(), draft.commitments(), draft.deadline(), draft.status().wireName(), author, now, author,
                    now);
            writeResponsibles(connection, created, draft.responsibles());
            return created;
        });
        audit.record("acuerdo-registrado", school + " #" + id, draft.session() + ": " + draft.text());
        return find(school, id).orElseThrow();
    }

    private static void writeResponsibles(Connection connection, long id, List<String> responsibles)
            throws SQLException {
        Sql.update(connection, "DELETE FROM logbook_responsible WHERE agreement_id = ?", id);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO logbook_responsible (agreement_id, position, username) VALUES (?, ?, ?)")) {
            int position = 0;
            for (String username : responsibles) {
                insert.setLong(1, id);
                insert.setInt(2, position++);
                insert.setString(3, username);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public Agreement update(Cct school, long id, AgreementDraft draft, long expectedVersion, String author) {
        Agreement current = find(school, id).orElseThrow(
                () -> new NoSuchElementException("La escuela " + school + " no tiene el acuerdo " + id));
        check(school, draft, current.content().deadline());
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            Sql.updateVersioned(connection, "El acuerdo " + id, expectedVersion, current.version(),
                    "UPDATE logbook_agreement SET session_key = ?, activity = ?, text = ?, commitments = ?,"
                    + " deadline = ?, status = ?, updated_by = ?, updated_at = ?, version = version + 1"
                    + " WHERE id = ? AND cct = ? AND version = ?", draft.session(), draft.activity(), draft.text(),
                    draft.commitments(), draft.deadline(), draft.status().wireName(), author, now, id,
                    school.value());
            writeResponsibles(connection, id, draft.responsibles());
            return null;
        });
        audit.record("acuerdo-actualizado", school + " #" + id, "estado " + draft.status().wireName());
        return find(school, id).orElseThrow();
    }

    @Override
    public void remove(Cct school, long id, long expectedVersion, String author) {
        Agreement current = find(school, id).orElseThrow(
                () -> new NoSuchElementException("La escuela " + school + " no tiene el acuerdo " + id));
        database.inTransaction(connection -> {
            Sql.updateVersioned(connection, "El acuerdo " + id, expectedVersion, current.version(),
                    "DELETE FROM logbook_agreement WHERE id = ? AND cct = ? AND version = ?", id, school.value());
            return null;
        });
        audit.record("acuerdo-eliminado", school + " #" + id, current.content().text());
    }

    @Override
    public Optional<Agreement> find(Cct school, long id) {
        List<Agreement> found = select("a.cct = ? AND a.id = ?", "", school.value(), id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Agreement> ofSession(Cct school, String session) {
        return select("a.cct = ? AND a.session_key = ?", "a.id", school.value(), session);
    }

    @Override
    public List<Agreement> open(Cct school) {
        return select("a.cct = ? AND a.status NOT IN (?, ?)", "a.deadline, a.id", school.value(),
                AgreementStatus.CUMPLIDO.wireName(), AgreementStatus.DESCARTADO.wireName());
    }

    @Override
    public List<ReviewedAgreement> toReview(Cct school, String session) {
        List<Agreement> agreements = select("a.cct = ? AND a.session_key <> ? AND (a.status NOT IN (?, ?) OR EXISTS"
                + " (SELECT 1 FROM logbook_review r WHERE r.agreement_id = a.id AND r.session_key = ?))",
                "a.deadline, a.id", school.value(), session, AgreementStatus.CUMPLIDO.wireName(),
                AgreementStatus.DESCARTADO.wireName(), session);
        Map<Long, AgreementReview> reviews = new HashMap<>();
        database.inTransaction(connection -> Sql.query(connection, "SELECT r.agreement_id, r.outcome, r.comment,"
                + " r.reviewed_by, r.reviewed_at, r.version FROM logbook_review r JOIN logbook_agreement a"
                + " ON a.id = r.agreement_id WHERE a.cct = ? AND r.session_key = ?", row -> reviews.put(
                        row.getLong("agreement_id"), review(row, session)), school.value(), session));
        return agreements.stream().map(a -> new ReviewedAgreement(a, reviews.get(a.id()))).toList();
    }

    private static AgreementReview review(java.sql.ResultSet row, String session) throws SQLException {
        return new AgreementReview(row.getLong("agreement_id"), session,
                AgreementStatus.parse(row.getString("outcome")).orElseThrow(), row.getString("comment"),
                row.getString("reviewed_by"), Sql.instant(row, "reviewed_at"), row.getLong("version"));
    }

    private Optional<AgreementReview> findReview(long agreementId, String session) {
        return database.inTransaction(connection -> Sql.first(connection, "SELECT agreement_id, outcome, comment,"
                + " reviewed_by, reviewed_at, version FROM logbook_review WHERE agreement_id = ? AND session_key = ?",
                row -> review(row, session), agreementId, session));
    }

    @Override
    public AgreementReview review(Cct school, long agreementId, String session, AgreementStatus outcome,
            String comment, long expectedVersion, String author) {
        Agreement agreement = find(school, agreementId).orElseThrow(
                () -> new NoSuchElementException("La escuela " + school + " no tiene el acuerdo " + agreementId));
        List<FieldProblem> problems = new ArrayList<>();
        try {
            GuideId.parse(session);
        } catch (RuntimeException e) {
            problems.add(new FieldProblem("sesion", "'" + session + "' no es la clave de una sesión, p. ej."
                    + " SEP:2016-2017:preescolar:ordinaria-4"));
        }
        if (session.equals(agreement.content().session())) {
            problems.add(new FieldProblem("sesion", "el acuerdo " + agreementId + " es de esta misma sesión: se sigue"
                    + " en su actividad, no en la revisión de acuerdos anteriores"));
        }
        if (outcome == null || !outcome.concludesAReview()) {
            problems.add(new FieldProblem("resultado", "una revisión concluye cumplido, en-curso o descartado"));
        }
        String text = comment == null ? "" : comment.strip();
        TextFields.problem(text, 1000, false).ifPresent(m -> problems.add(new FieldProblem("comentario", m)));
        if (!problems.isEmpty()) {
            throw new InvalidAgreementException(problems);
        }
        Optional<AgreementReview> current = findReview(agreementId, session);
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            if (current.isEmpty() && expectedVersion == 0) {
                Sql.insertFirstVersion(connection, "La revisión del acuerdo " + agreementId, "INSERT INTO"
                        + " logbook_review (agreement_id, session_key, outcome, comment, reviewed_by, reviewed_at,"
                        + " version) VALUES (?, ?, ?, ?, ?, ?, 1)", agreementId, session, outcome.wireName(), text,
                        author, now);
            } else {
                Sql.updateVersioned(connection, "La revisión del acuerdo " + agreementId, expectedVersion,
                        current.map(AgreementReview::version).orElse(0L), "UPDATE logbook_review SET outcome = ?,"
                        + " comment = ?, reviewed_by = ?, reviewed_at = ?, version = version + 1 WHERE agreement_id = ?"
                        + " AND session_key = ? AND version = ?", outcome.wireName(), text, author, now, agreementId,
                        session);
            }
            // The agreement shows what its latest review concluded, wherever it is read.
            Sql.update(connection, "UPDATE logbook_agreement SET status = ?, updated_by = ?, updated_at = ?,"
                    + " version = version + 1 WHERE id = ? AND cct = ?", outcome.wireName(), author, now, agreementId,
                    school.value());
            return null;
        });
        audit.record("acuerdo-revisado", school + " #" + agreementId, session + ": " + outcome.wireName()
                + (text.isEmpty() ? "" : " (" + text + ")"));
        return findReview(agreementId, session).orElseThrow();
    }

    /** An agreement's row, before its responsibles are added. */
    private record Row(long id, Cct school, String session, Integer activity, String text, String commitments,
            LocalDate deadline, AgreementStatus status, String recordedBy, Instant recordedAt, String updatedBy,
            Instant updatedAt, long version) {

        Agreement with(List<String> responsibles) {
            return new Agreement(id, school, new AgreementDraft(session, activity, text, responsibles, commitments,
                    deadline, status), recordedBy, recordedAt, updatedBy, updatedAt, version);
        }
    }

    /**
     * The agreements that match, then their responsibles by agreement id (one more query per {@value #IDS_PER_QUERY}
     * agreements). A join repeating the condition let H2 plan one agreement's look-up ({@code cct} and {@code id},
     * as after every write) on the school's index, reading every agreement the school ever recorded.
     */
    private List<Agreement> select(String where, String order, Object... parameters) {
        return database.inTransaction(connection -> {
            List<Row> rows = Sql.query(connection, "SELECT a.id, a.cct, a.session_key, a.activity, a.text,"
                    + " a.commitments, a.deadline, a.status, a.recorded_by, a.recorded_at, a.updated_by, a.updated_at,"
                    + " a.version FROM logbook_agreement a WHERE " + where
                    + (order.isEmpty() ? "" : " ORDER BY " + order),
                    row -> new Row(row.getLong("id"), Cct.parse(row.getString("cct").strip()),
                            row.getString("session_key"), (Integer) row.getObject("activity", Integer.class),
                            row.getString("text"), row.getString("commitments"),
                            row.getObject("deadline", LocalDate.class),
                            AgreementStatus.parse(row.getString("status")).orElseThrow(),
                            row.getString("recorded_by"), Sql.instant(row, "recorded_at"), row.getString("updated_by"),
                            Sql.instant(row, "updated_at"), row.getLong("version")), parameters);
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<Long, List<String>> responsibles = new HashMap<>();
            for (int from = 0; from < rows.size(); from += IDS_PER_QUERY) {
                List<Row> some = rows.subList(from, Math.min(rows.size(), from + IDS_PER_QUERY));
                Sql.query(connection, "SELECT agreement_id, username FROM logbook_responsible WHERE agreement_id IN ("
                        + Sql.placeholders(some.size()) + ") ORDER BY agreement_id, position",
                        row -> responsibles.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                                .add(row.getString(2)), some.stream().map(Row::id).toArray());
            }
            return rows.stream().map(row -> row.with(responsibles.getOrDefault(row.id(), List.of()))).toList();
        });
    }
}
