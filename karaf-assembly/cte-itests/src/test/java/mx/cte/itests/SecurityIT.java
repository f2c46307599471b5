package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import javax.inject.Inject;
import mx.cte.security.api.Accounts;
import mx.cte.security.api.RoleGrant;
import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Sign-in and authorization over HTTP with the demo accounts: a teacher of school A tries every school-scoped
 * endpoint of school B and is refused without learning anything; supervisors read but do not edit; state-changing
 * requests need the CSRF token; anonymous callers get 401.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SecurityIT {

    private static final String SCHOOL_A = "15EJN0101A";
    private static final String SCHOOL_B = "15EJN0102B";
    private static final String NAME_B = "Estefanía Castañeda";

    /** Waits until Karaf has installed and started every boot feature, so no bundle is still starting. */
    @Inject
    private BootFinished bootFinished;

    @Inject
    private Accounts accounts;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }


    private static String structure(long version) {
        return "{\"multigrado\": false, \"grupos\": [{\"nombre\": \"A\", \"grados\": [1]}], \"version\": " + version + "}";
    }

    @Test
    public void aTeacherOfSchoolAIsRefusedEverySchoolScopedEndpointOfSchoolB() throws Exception {
        WebSession teacherA = WebSession.demo("docente.ana");
        assertEquals(200, teacherA.get("/api/v1/schools/" + SCHOOL_A).statusCode());

        List<HttpResponse<String>> attempts = List.of(
                teacherA.get("/api/v1/schools/" + SCHOOL_B),
                teacherA.get("/api/v1/schools/" + SCHOOL_B + "/structure"),
                teacherA.send("PUT", "/api/v1/schools/" + SCHOOL_B + "/structure", structure(1), "application/json"),
                teacherA.get("/api/v1/zones/15-preescolar-015/schools"),
                teacherA.send("POST", "/api/v1/school-catalogue", "CCT\n", "text/csv"));
        for (HttpResponse<String> attempt : attempts) {
            String where = attempt.request().method() + " " + attempt.uri().getPath();
            assertEquals(where, 403, attempt.statusCode());
            assertFalse(where + " leaks B's data: " + attempt.body(), attempt.body().contains(NAME_B));
            assertFalse(where + " leaks B's data: " + attempt.body(), attempt.body().contains("Metepec"));
        }
        HttpResponse<String> ownStructure = teacherA.send("PUT", "/api/v1/schools/" + SCHOOL_A + "/structure",
                structure(1), "application/json");
        assertEquals("the school's structure is the director's decision", 403, ownStructure.statusCode());
        assertTrue(ownStructure.body(), ownStructure.body().contains("Solo la dirección de la escuela"));
        HttpResponse<String> unknown = teacherA.get("/api/v1/schools/15EJN0999Z");
        assertEquals("an unknown school answers like a forbidden one", json(attempts.get(0)).get("detail")
                .getAsString().replace(SCHOOL_B, "X"), json(unknown).get("detail").getAsString()
                .replace("15EJN0999Z", "X"));
        WebSession teacherB = WebSession.demo("docente.luis");
        assertEquals("B's structure is untouched", 3,
                json(teacherB.get("/api/v1/schools/" + SCHOOL_B)).getAsJsonArray("grupos").size());
    }

    @Test
    public void supervisorsAndAuthoritiesReadTheirSchoolsButDoNotEditThem() throws Exception {
        WebSession supervisor = WebSession.demo("supervisora.zona15");
        HttpResponse<String> zone = supervisor.get("/api/v1/zones/15-preescolar-015/schools");
        assertEquals(200, zone.statusCode());
        assertEquals(5, json(zone).getAsJsonArray("escuelas").size());
        assertEquals(200, supervisor.get("/api/v1/schools/" + SCHOOL_B).statusCode());
        assertEquals(403, supervisor.send("PUT", "/api/v1/schools/" + SCHOOL_B + "/structure", structure(1),
                "application/json").statusCode());
        assertEquals(403, supervisor.get("/api/v1/zones/15-preescolar-016/schools").statusCode());

        WebSession authority = WebSession.demo("autoridad.edomex");
        assertEquals(200, authority.get("/api/v1/zones/15-preescolar-015/schools").statusCode());
        assertEquals(403, authority.get("/api/v1/zones/31-primaria-040/schools").statusCode());

        WebSession admin = WebSession.demo("admin.plataforma");
        assertEquals("the administrator reads no school's work", 403,
                admin.get("/api/v1/schools/" + SCHOOL_A).statusCode());
    }

    @Test
    public void staffEditTheirSchoolWithTheCsrfTokenAndTheCurrentVersion() throws Exception {
        WebSession director = WebSession.demo("directora.rosaura");
        long version = json(director.get("/api/v1/schools/" + SCHOOL_A)).get("version").getAsLong();

        HttpResponse<String> noCsrf = director.send("PUT", "/api/v1/schools/" + SCHOOL_A + "/structure",
                structure(version), "application/json", false);
        assertEquals(403, noCsrf.statusCode());
        assertTrue(noCsrf.body(), noCsrf.body().contains("X-CSRF-Token"));

        String groups = "{\"multigrado\": false, \"grupos\": [{\"nombre\": \"A\", \"grados\": [1]},"
                + " {\"nombre\": \"A\", \"grados\": [2]}, {\"nombre\": \"B\", \"grados\": [2]},"
                + " {\"nombre\": \"A\", \"grados\": [3]}, {\"nombre\": \"B\", \"grados\": [3]},"
                + " {\"nombre\": \"C\", \"grados\": [3]}], \"version\": " + version + "}";
        HttpResponse<String> saved = director.send("PUT", "/api/v1/schools/" + SCHOOL_A + "/structure", groups,
                "application/json");
        assertEquals(saved.body(), 200, saved.statusCode());
        assertEquals(version + 1, json(saved).get("version").getAsLong());

        HttpResponse<String> stale = director.send("PUT", "/api/v1/schools/" + SCHOOL_A + "/structure",
                structure(version), "application/json");
        assertEquals(409, stale.statusCode());
        assertEquals(version + 1, json(stale).getAsJsonObject("actual").get("version").getAsLong());
        assertEquals(6, json(director.get("/api/v1/schools/" + SCHOOL_A)).getAsJsonArray("grupos").size());

        HttpResponse<String> invalid = director.send("PUT", "/api/v1/schools/" + SCHOOL_A + "/structure",
                "{\"multigrado\": false, \"grupos\": [{\"nombre\": \"A\", \"grados\": [7]}], \"version\": "
                        + (version + 1) + "}", "application/json");
        assertEquals("content the directory refuses is a 422, as in every module", 422, invalid.statusCode());
        assertTrue(invalid.body(), invalid.body().contains("grado 7"));
        HttpResponse<String> malformed = director.send("PUT", "/api/v1/schools/" + SCHOOL_A + "/structure",
                "{\"multigrado\": ", "application/json");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body(), malformed.body().contains("no es JSON válido"));
    }

    @Test
    public void anonymousCallersSignInSignOutAndWrongPasswordsAreThrottled() throws Exception {
        HttpResponse<String> anonymous = Http.get("/api/v1/schools/" + SCHOOL_A);
        assertEquals(401, anonymous.statusCode());
        assertEquals(200, Http.get("/api/v1/guides").statusCode());

        WebSession session = new WebSession();
        HttpResponse<String> wrong = session.signIn("docente.luis", "no-es-la-contraseña");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body(), wrong.body().contains("Usuario o contraseña incorrectos"));
        HttpResponse<String> nobody = session.signIn("nadie.existe", "no-es-la-contraseña");
        assertEquals("unknown users get the same answer", json(wrong).get("detail"), json(nobody).get("detail"));

        HttpResponse<String> signedIn = session.signIn("docente.luis", WebSession.demoPassword("docente.luis"));
        assertEquals(200, signedIn.statusCode());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie, cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
        assertEquals(200, session.get("/api/v1/session").statusCode());
        assertEquals(204, session.send("DELETE", "/api/v1/session", null, null).statusCode());
        assertEquals(401, session.get("/api/v1/schools/" + SCHOOL_B).statusCode());

        // An account of this test's own: locking a shared demo account would disturb the other tests.
        accounts.create("bloqueo.prueba", "Cuenta para la prueba de bloqueo", "contraseña-correcta-2016",
                List.of(RoleGrant.parse("docente@15EJN0101A")));
        WebSession guesser = new WebSession();
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = guesser.signIn("bloqueo.prueba", "adivinanza-" + i);
        }
        assertEquals(429, last.statusCode());
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        assertEquals("held back even with the right password", 429,
                guesser.signIn("bloqueo.prueba", "contraseña-correcta-2016").statusCode());

        // An unknown account is answered exactly as an existing one: the throttle does not reveal who exists.
        HttpResponse<String> lastUnknown = null;
        for (int i = 0; i < 5; i++) {
            lastUnknown = guesser.signIn("nadie.existe.tampoco", "adivinanza-" + i);
        }
        assertEquals(429, lastUnknown.statusCode());
        assertEquals(json(last).get("detail"), json(lastUnknown).get("detail"));
    }
}
