package mx.cte.security.http;

import static mx.cte.security.http.ApiFixtures.DIRECTOR;
import static mx.cte.security.http.ApiFixtures.OTHER_SCHOOL;
import static mx.cte.security.http.ApiFixtures.OTHER_TEACHER;
import static mx.cte.security.http.ApiFixtures.SCHOOL;
import static mx.cte.security.http.ApiFixtures.SUPERVISOR;
import static mx.cte.security.http.ApiFixtures.TEACHER;
import static mx.cte.security.http.ApiFixtures.ZONE;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.Optional;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.core.http.ProblemException;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.State;
import mx.cte.security.api.Caller;
import org.junit.Test;

/**
 * The access checks every web bundle's routes rely on: who reaches a school's, a zone's and a state's work, what a
 * mistake in the path is answered (400 naming the segment), and that a school that does not exist is refused exactly
 * as one that is not the caller's, so an error never tells whether a CCT exists.
 */
public class RequestAccessTest {

    private static final Caller AUTHORITY = ApiFixtures.caller("autoridad.mexico", "autoridad-estatal@15");
    private static final Caller OTHER_AUTHORITY = ApiFixtures.caller("autoridad.jalisco", "autoridad-estatal@14");
    private static final Caller ADMINISTRATOR = ApiFixtures.caller("admin", "administrador");
    /** A valid CCT of the same state that the directory does not know. */
    private static final Cct UNKNOWN_SCHOOL = Cct.parse("15EJN0999Z");

    private final SchoolDirectory directory = ApiFixtures.directory();

    private static ApiCall call(Caller caller, Map<String, String> path, String... query) {
        FakeRequest request = FakeRequest.of("GET", "/api/v1/prueba", "/x");
        for (int i = 0; i + 1 < query.length; i += 2) {
            request.query(query[i], query[i + 1]);
        }
        if (caller != null) {
            request.attribute(Caller.REQUEST_ATTRIBUTE, caller);
        }
        return new ApiCall(request.build(), new FakeHttp.Response().proxy(), path);
    }

    private static ApiCall schoolCall(Caller caller, String cct) {
        return call(caller, Map.of("cct", cct));
    }

    @Test
    public void aRequestWithoutCallerIsAskedToSignIn() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> RequestAccess.caller(call(null, Map.of()).request()));
        assertEquals(401, problem.status());
        assertEquals(TEACHER, RequestAccess.caller(call(TEACHER, Map.of()).request()));
    }

    @Test
    public void staffSupervisorAndAuthorityReadTheSchoolOthersAreRefused() {
        for (Caller reader : new Caller[] {TEACHER, DIRECTOR, SUPERVISOR, AUTHORITY}) {
            assertEquals(reader.username(), SCHOOL, RequestAccess.readableSchool(schoolCall(reader, SCHOOL.value()),
                    directory));
        }
        for (Caller stranger : new Caller[] {OTHER_TEACHER, OTHER_AUTHORITY, ADMINISTRATOR}) {
            ProblemException problem = assertThrows(ProblemException.class,
                    () -> RequestAccess.readableSchool(schoolCall(stranger, SCHOOL.value()), directory));
            assertEquals(stranger.username(), 403, problem.status());
        }
    }

    @Test
    public void anUnknownSchoolIsRefusedAsAnotherSchoolIs() {
        ProblemException unknown = assertThrows(ProblemException.class,
                () -> RequestAccess.readableSchool(schoolCall(OTHER_TEACHER, UNKNOWN_SCHOOL.value()), directory));
        ProblemException notTheirs = assertThrows(ProblemException.class,
                () -> RequestAccess.readableSchool(schoolCall(OTHER_TEACHER, SCHOOL.value()), directory));
        assertEquals(403, unknown.status());
        assertEquals(notTheirs.status(), unknown.status());
        assertEquals(notTheirs.title(), unknown.title());
        assertEquals(notTheirs.detail().replace(SCHOOL.value(), "CCT"),
                unknown.detail().replace(UNKNOWN_SCHOOL.value(), "CCT"));
    }

    @Test
    public void aPathSegmentThatIsNotACctIsA400NamingWhatIsWrong() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> RequestAccess.school(schoolCall(TEACHER, "15EJN01")));
        assertEquals(400, problem.status());
        assertTrue(problem.detail(), problem.detail().contains("15EJN01"));
    }

    @Test
    public void onlyTheSchoolsStaffWriteItsWorkReadersGetTheRefusalGiven() {
        assertEquals(TEACHER, RequestAccess.staff(schoolCall(TEACHER, SCHOOL.value()), directory, SCHOOL, "no"));
        assertEquals(DIRECTOR, RequestAccess.staff(schoolCall(DIRECTOR, SCHOOL.value()), directory, SCHOOL, "no"));
        ProblemException supervisor = assertThrows(ProblemException.class,
                () -> RequestAccess.staff(schoolCall(SUPERVISOR, SCHOOL.value()),
                        directory, SCHOOL, "Solo el personal de la escuela registra su trabajo."));
        assertEquals(403, supervisor.status());
        assertEquals("Solo el personal de la escuela registra su trabajo.", supervisor.detail());
        // Someone who may not even read it gets the same answer as for a school that does not exist.
        ProblemException stranger = assertThrows(ProblemException.class,
                () -> RequestAccess.staff(schoolCall(OTHER_TEACHER, SCHOOL.value()),
                        directory, SCHOOL, "Solo el personal de la escuela registra su trabajo."));
        assertEquals(RequestAccess.noAccess(SCHOOL).detail(), stranger.detail());
    }

    @Test
    public void onlyTheDirectorDecidesWhatTheDirectorDecides() {
        assertEquals(DIRECTOR, RequestAccess.director(schoolCall(DIRECTOR, SCHOOL.value()), directory, SCHOOL, "no"));
        for (Caller other : new Caller[] {TEACHER, SUPERVISOR}) {
            ProblemException problem = assertThrows(ProblemException.class,
                    () -> RequestAccess.director(schoolCall(other, SCHOOL.value()),
                            directory, SCHOOL, "Lo decide la dirección de la escuela."));
            assertEquals(other.username(), 403, problem.status());
            assertEquals("Lo decide la dirección de la escuela.", problem.detail());
        }
        assertEquals(OTHER_SCHOOL, RequestAccess.directedSchool(ApiFixtures.caller("director.b",
                "director@" + OTHER_SCHOOL.value()), directory, OTHER_SCHOOL, "no").cct());
    }

    @Test
    public void aZoneIsReadByItsSupervisorAndItsStatesAuthority() {
        Map<String, String> zone = Map.of("zona", ZONE.key());
        assertEquals(ZONE, RequestAccess.readableZone(call(SUPERVISOR, zone), z -> "no"));
        assertEquals(ZONE, RequestAccess.readableZone(call(AUTHORITY, zone), z -> "no"));
        ProblemException teacher = assertThrows(ProblemException.class,
                () -> RequestAccess.readableZone(call(TEACHER, zone), z -> "No supervisa la zona " + z.key() + "."));
        assertEquals(403, teacher.status());
        assertEquals("No supervisa la zona " + ZONE.key() + ".", teacher.detail());
        ProblemException malformed = assertThrows(ProblemException.class,
                () -> RequestAccess.readableZone(call(SUPERVISOR, Map.of("zona", "zona-15")), z -> "no"));
        assertEquals(400, malformed.status());
        assertEquals(Optional.of("zona"), malformed.field());
    }

    @Test
    public void aStateIsForItsAuthorityAndANumberThatIsNoStateIsA400() {
        State mexico = State.byCode("15").orElseThrow();
        assertEquals(mexico, RequestAccess.authorityState(call(AUTHORITY, Map.of("entidad", "15")), s -> "no"));
        for (Caller other : new Caller[] {OTHER_AUTHORITY, SUPERVISOR, ADMINISTRATOR}) {
            ProblemException problem = assertThrows(ProblemException.class,
                    () -> RequestAccess.authorityState(call(other,
                            Map.of("entidad", "15")), s -> "No es autoridad de " + s.code() + "."));
            assertEquals(other.username(), 403, problem.status());
            assertEquals("No es autoridad de 15.", problem.detail());
        }
        ProblemException noState = assertThrows(ProblemException.class,
                () -> RequestAccess.authorityState(call(AUTHORITY, Map.of("entidad", "33")), s -> "no"));
        assertEquals(400, noState.status());
        assertEquals(Optional.of("entidad"), noState.field());
        assertTrue(noState.detail(), noState.detail().contains("'33'"));
    }

    @Test
    public void onlyAnAdministratorPassesTheAdministratorsCheck() {
        assertEquals(ADMINISTRATOR, RequestAccess.administrator(call(ADMINISTRATOR, Map.of()).request(), "no"));
        ProblemException director = assertThrows(ProblemException.class,
                () -> RequestAccess.administrator(call(DIRECTOR, Map.of()).request(),
                        "Solo la administración de la plataforma."));
        assertEquals(403, director.status());
        assertEquals("Solo la administración de la plataforma.", director.detail());
    }

    @Test
    public void aSchoolYearInThePathOrTheQueryIsCheckedNamingCiclo() {
        assertEquals("2019-2020", RequestAccess.schoolYear(call(TEACHER, Map.of("cycle", "2019-2020"))));
        assertEquals("2016-2017", RequestAccess.schoolYearQuery(call(TEACHER, Map.of(), "ciclo", "2016-2017")));
        for (String wrong : new String[] {"2019-2021", "2019", "veinte"}) {
            ProblemException problem = assertThrows(ProblemException.class,
                    () -> RequestAccess.schoolYear(call(TEACHER, Map.of("cycle", wrong))));
            assertEquals(wrong, 400, problem.status());
            assertEquals(wrong, Optional.of("ciclo"), problem.field());
        }
        ProblemException absent = assertThrows(ProblemException.class,
                () -> RequestAccess.schoolYearQuery(call(TEACHER, Map.of())));
        assertEquals(400, absent.status());
        assertEquals(Optional.of("ciclo"), absent.field());
        assertTrue(absent.detail(), absent.detail().contains("?ciclo="));
    }
}
