package mx.cte.pupils.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.pupils.api.Area;
import mx.cte.pupils.api.GroupTally;
import mx.cte.pupils.api.Light;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.ZoneId;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;

public class PupilsDemoTest {

    private static SchoolDirectory demoZone() {
        School school = new School(PupilsDemo.SCHOOL, "Jardín de Niños Rosaura Zapata (demostración)", "Toluca",
                Level.PREESCOLAR, ZoneId.parse("15-preescolar-015"), Shift.MATUTINO, false, List.of(
                        SchoolGroup.of(1, "A"), SchoolGroup.of(2, "A"), SchoolGroup.of(3, "A")), 1);
        return (SchoolDirectory) Proxy.newProxyInstance(PupilsDemoTest.class.getClassLoader(),
                new Class<?>[] {SchoolDirectory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "school" -> args[0].equals(PupilsDemo.SCHOOL) ? Optional.of(school) : Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    public void theDemoTeacherHasHerGroupAssessedOnceAndNoOtherGroup() {
        AuditLog audit = (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AuditLog.class}, (proxy, method, args) -> null);
        PupilService pupils = new PupilService(TestDatabases.fresh(DatabaseKind.H2), audit, demoZone(),
                Clock.systemUTC(), 1, "anonimizar");
        assertTrue(PupilsDemo.loadIfAbsent(pupils, demoZone(), "2026-2027"));
        assertFalse("written once", PupilsDemo.loadIfAbsent(pupils, demoZone(), "2026-2027"));

        List<GroupTally> tallies = pupils.tallies(List.of(PupilsDemo.SCHOOL), "2026-2027");
        assertEquals(List.of(2, 5), tallies.stream().map(GroupTally::pupils).toList());
        assertEquals(1, (int) tallies.get(1).lights().get(Area.READING).get(Light.REQUIERE_APOYO));
        assertEquals(List.of(List.of(), List.of(), List.of(PupilsDemo.TEACHER)), pupils.assignments(
                PupilsDemo.SCHOOL, "2026-2027").stream().map(a -> a.teachers()).toList());
        assertTrue(pupils.ofSchool(PupilsDemo.SCHOOL, "2026-2027", "x").stream()
                .allMatch(p -> p.content().name().endsWith("(demostración)")));
    }
}
