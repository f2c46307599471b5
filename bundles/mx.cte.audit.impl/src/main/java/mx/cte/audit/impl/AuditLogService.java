package mx.cte.audit.impl;

import java.security.AccessController;
import java.security.Principal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.Subject;
import mx.cte.audit.api.AuditEvent;
import mx.cte.audit.api.AuditLog;
import mx.cte.audit.api.AuditQuery;
import mx.cte.core.api.text.LogText;
import mx.cte.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit log in table {@code audit_event}; each event is also one log line. */
@Component(service = AuditLog.class)
public final class AuditLogService implements AuditLog {

    static final String MODULE = "audit";
    static final String CHANGELOG = "mx/cte/audit/impl/db/changelog.xml";
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogService.class);

    private final Database database;
    private final Clock clock;

    @Activate
    public AuditLogService(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    AuditLogService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        database.migrate(MODULE, AuditLogService.class.getClassLoader(), CHANGELOG);
    }

    /**
     * The user behind the current thread: the first principal of the current JAAS subject that is not a role or a
     * group (Karaf's shell puts its user there; the web session filter puts the signed-in user there).
     */
    @SuppressWarnings("removal")
    static String currentActor() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal principal : subject.getPrincipals()) {
                String kind = principal.getClass().getSimpleName();
                if (!kind.contains("Role") && !kind.contains("Group")) {
                    return principal.getName();
                }
            }
        }
        return SYSTEM;
    }

    @Override
    public void record(String action, String target, String detail) {
        recordAs(currentActor(), action, target, detail);
    }

    @Override
    public void recordAs(String actor, String action, String target, String detail) {
        // Escaped once, for the log line and the stored event alike: a name or title with control characters can
        // neither forge a second log line nor repaint the operator's terminal (LogText).
        String who = cut(LogText.of(actor == null ? SYSTEM : actor), 100);
        String what = cut(LogText.of(target == null ? "" : target), 300);
        String more = cut(LogText.of(detail == null ? "" : detail), 2000);
        LOG.info("AUDIT {} {} {}{}", who, action, what, more.isEmpty() ? "" : " (" + more + ")");
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO audit_event (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    insert.setString(2, who);
                    insert.setString(3, cut(action, 60));
                    insert.setString(4, what);
                    insert.setString(5, more);
                    return insert.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Audit event {} {} {} could not be stored: {}", who, action, what, e.getMessage());
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    @Override
    public List<AuditEvent> list(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, target, detail FROM audit_event WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.actionPrefix() != null) {
            sql.append(" AND action LIKE ?");
            parameters.add(query.actionPrefix().replace("%", "").replace("_", "\\_") + "%");
        }
        if (query.actor() != null) {
            sql.append(" AND actor = ?");
            parameters.add(query.actor());
        }
        if (query.since() != null) {
            sql.append(" AND at >= ?");
            parameters.add(OffsetDateTime.ofInstant(query.since(), ZoneOffset.UTC));
        }
        sql.append(" ORDER BY id DESC");
        return database.inTransaction(connection -> {
            List<AuditEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                select.setMaxRows(query.limit());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(new AuditEvent(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                                rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6)));
                    }
                }
            }
            return events;
        });
    }
}
