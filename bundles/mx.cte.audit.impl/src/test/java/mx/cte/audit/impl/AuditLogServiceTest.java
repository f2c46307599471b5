package mx.cte.audit.impl;

import static org.junit.Assert.assertEquals;

import java.security.PrivilegedAction;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.security.auth.Subject;
import mx.cte.audit.api.AuditEvent;
import mx.cte.audit.api.AuditLog;
import mx.cte.audit.api.AuditQuery;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** The audit log on H2 and PostgreSQL. */
@RunWith(Parameterized.class)
public class AuditLogServiceTest {

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final AuditLogService audit;

    public AuditLogServiceTest(DatabaseKind kind) {
        audit = new AuditLogService(TestDatabases.fresh(kind));
    }

    record User(String getName) implements Principal {
    }

    record RolePrincipal(String getName) implements Principal {
    }

    @Test
    @SuppressWarnings("removal")
    public void recordsTheSubjectsUserOrTheSystemAndListsNewestFirstWithFilters() {
        audit.record("bundle-instalado", "mx.cte.results.impl/0.1.0", "");
        Subject shellAdmin = new Subject(true, Set.of(new RolePrincipal("admin"), new User("admin")), Set.of(),
                Set.of());
        Subject.doAs(shellAdmin, (PrivilegedAction<Void>) () -> {
            audit.record("guia-activada", "15:2016-2017:preescolar:ordinaria-4 1.0.0", "elegida");
            return null;
        });
        audit.recordAs("docente.ana", "inicio-sesion", "10.0.0.1", "");

        List<AuditEvent> all = audit.list(AuditQuery.latest(10));
        assertEquals(List.of("inicio-sesion", "guia-activada", "bundle-instalado"),
                all.stream().map(AuditEvent::action).toList());
        assertEquals(List.of("docente.ana", "admin", AuditLog.SYSTEM), all.stream().map(AuditEvent::actor).toList());

        assertEquals(1, audit.list(new AuditQuery("guia-", null, null, 10)).size());
        assertEquals(1, audit.list(new AuditQuery(null, "admin", null, 10)).size());
        assertEquals(0, audit.list(new AuditQuery(null, null, Instant.now().plusSeconds(60), 10)).size());
        assertEquals(2, audit.list(AuditQuery.latest(2)).size());
    }

    @Test
    public void cutsOverlongValuesInsteadOfFailing() {
        audit.record("catalogo-rechazado", "x".repeat(500), "y".repeat(5000));
        AuditEvent event = audit.list(AuditQuery.latest(1)).get(0);
        assertEquals(300, event.target().length());
        assertEquals(2000, event.detail().length());
    }
}
