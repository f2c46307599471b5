package mx.cte.security.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.ZoneId;
import org.junit.Test;

public class CallerTest {

    private static final Cct SCHOOL_A = Cct.parse("15EJN0101A");
    private static final Cct SCHOOL_B = Cct.parse("15EJN0102B");
    private static final ZoneId ZONE = ZoneId.parse("15-preescolar-015");
    private static final Cct OTHER_STATE = Cct.parse("31DJN0001A");
    private static final ZoneId OTHER_ZONE = ZoneId.parse("31-preescolar-001");

    private static Caller caller(String... grants) {
        return new Caller("alguien", "Alguien", List.of(grants).stream().map(RoleGrant::parse).toList());
    }

    @Test
    public void staffReadAndWriteOnlyTheirSchool() {
        Caller teacher = caller("docente@15EJN0101A");
        assertTrue(teacher.canWrite(SCHOOL_A));
        assertTrue(teacher.canRead(SCHOOL_A, ZONE));
        assertFalse(teacher.canRead(SCHOOL_B, ZONE));
        assertFalse(teacher.canWrite(SCHOOL_B));
    }

    @Test
    public void supervisorsAndAuthoritiesOnlyRead() {
        Caller supervisor = caller("supervisor@15-preescolar-015");
        assertTrue(supervisor.canRead(SCHOOL_B, ZONE));
        assertFalse(supervisor.canWrite(SCHOOL_B));
        assertFalse(supervisor.canRead(OTHER_STATE, OTHER_ZONE));
        Caller authority = caller("autoridad-estatal@15");
        assertTrue(authority.canRead(SCHOOL_A, ZONE));
        assertFalse(authority.canWrite(SCHOOL_A));
        assertFalse(authority.canRead(OTHER_STATE, OTHER_ZONE));
        assertTrue(supervisor.canReadZone(ZONE));
        assertTrue(authority.canReadZone(ZONE));
        assertFalse(caller("docente@15EJN0101A").canReadZone(ZONE));
        assertFalse(supervisor.canReadZone(OTHER_ZONE));
    }

    @Test
    public void administratorsRunThePlatformButReadNoSchoolsWork() {
        Caller admin = caller("administrador");
        assertFalse(admin.canRead(SCHOOL_A, ZONE));
        assertTrue(admin.canPublish("SEP"));
        assertTrue(admin.canPublish("15"));
    }

    @Test
    public void publishersPublishForTheirOwnScope() {
        assertTrue(caller("publicador@SEP").canPublish("SEP"));
        assertFalse(caller("publicador@SEP").canPublish("15"));
        assertTrue(caller("publicador@México").canPublish("15"));
        assertFalse(caller("publicador@15").canPublish("SEP"));
    }

    @Test
    public void grantsCheckTheirScopeAgainstTheRole() {
        assertEquals("director@15EJN0101A", RoleGrant.parse("director@15ejn0101a").toString());
        assertEquals("publicador@SEP", RoleGrant.parse("publicador@sep").toString());
        assertThrows(IllegalArgumentException.class, () -> RoleGrant.parse("director"));
        assertThrows(IllegalArgumentException.class, () -> RoleGrant.parse("supervisor@15"));
        assertThrows(IllegalArgumentException.class, () -> RoleGrant.parse("administrador@15"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> RoleGrant.parse("rector@15"));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("'rector' no es un rol"));
    }
}
