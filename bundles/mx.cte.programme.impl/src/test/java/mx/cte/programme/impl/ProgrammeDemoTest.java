package mx.cte.programme.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.programme.api.Programme;
import mx.cte.programme.api.ProgrammeKind;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;

/** The demo school's Ruta de Mejora passes the module's own checks, is written once, and only for the demo school. */
public class ProgrammeDemoTest {

    private final ProgrammeService programmes = new ProgrammeService(TestDatabases.fresh(DatabaseKind.H2),
            (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditLog.class},
                    (proxy, method, args) -> null));

    private static SchoolDirectory directory(boolean demoSchoolExists) {
        return (SchoolDirectory) Proxy.newProxyInstance(ProgrammeDemoTest.class.getClassLoader(),
                new Class<?>[] {SchoolDirectory.class}, (proxy, method, args) -> {
                    if (method.getName().equals("school")) {
                        return demoSchoolExists && args[0].equals(ProgrammeDemo.SCHOOL)
                                ? Optional.of(new mx.cte.schools.api.School((Cct) args[0], "Jardín de Niños Rosaura"
                                        + " Zapata", "Toluca", mx.cte.schools.api.Level.PREESCOLAR,
                                        mx.cte.schools.api.ZoneId.parse("15-preescolar-015"),
                                        mx.cte.schools.api.Shift.MATUTINO, false, java.util.List.of(), 1))
                                : Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    public void theDemoSchoolGetsAPublishedRutaDeMejoraWithItsThirdSessionsFollowUpOnce() {
        ProgrammeDemo.loadIfAbsent(programmes, directory(false));
        assertTrue("not without the demo school", programmes.cycles(ProgrammeDemo.SCHOOL).isEmpty());

        ProgrammeDemo.loadIfAbsent(programmes, directory(true));
        Programme demo = programmes.find(ProgrammeDemo.SCHOOL, "2016-2017").orElseThrow();
        assertEquals(ProgrammeKind.RUTA_DE_MEJORA, demo.kind());
        assertNotNull("published for the supervisor", demo.published());
        assertEquals(3, demo.content().actions().size());
        assertEquals(2, programmes.followUps(ProgrammeDemo.SCHOOL, "2016-2017").size());

        ProgrammeDemo.loadIfAbsent(programmes, directory(true));
        assertEquals("written once", 1, programmes.find(ProgrammeDemo.SCHOOL, "2016-2017").orElseThrow().version());
    }
}
