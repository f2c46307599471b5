package mx.cte.logbook.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import mx.cte.core.api.errors.InvalidContentException.FieldProblem;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.logbook.api.Agreement;
import mx.cte.logbook.api.AgreementDraft;
import mx.cte.logbook.api.AgreementReview;
import mx.cte.logbook.api.AgreementStatus;
import mx.cte.logbook.api.InvalidAgreementException;
import mx.cte.logbook.api.Logbook;
import mx.cte.logbook.api.ReviewedAgreement;
import mx.cte.logbook.api.ZoneAgreement;
import mx.cte.logbook.api.ZoneAgreementDraft;
import mx.cte.logbook.api.ZoneLogbook;
import mx.cte.schools.api.Cct;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import mx.cte.security.api.RoleGrant;
import mx.cte.storage.api.StaleVersionException;
import org.junit.Test;

/** The logbook's routes over a logbook kept in memory: what a school's staff and its readers get for each request. */
public class LogbookApiTest {

    private static final Caller SUPERVISOR = ApiFixtures.SUPERVISOR;
    private static final Caller TEACHER = ApiFixtures.TEACHER;
    private static final String DRAFT = "{\"sesion\":\"SEP:2016-2017:preescolar:ordinaria-3\",\"actividad\":13,"
            + "\"acuerdo\":\"Leer en voz alta cada día\",\"responsables\":[\"docente.ana\"],"
            + "\"fechaLimite\":\"2099-01-27\",\"estado\":\"en-curso\"}";

    /** Enough of the logbook's rules to see the HTTP answers: validation, versions, schools. */
    private static final class MemoryLogbook implements Logbook {
        final Map<Long, Agreement> agreements = new TreeMap<>();

        @Override
        public Agreement record(Cct school, AgreementDraft draft, String author) {
            check(draft);
            long id = agreements.size() + 1L;
            Agreement agreement = new Agreement(id, school, draft, author, Instant.EPOCH, author, Instant.EPOCH, 1);
            agreements.put(id, agreement);
            return agreement;
        }

        @Override
        public Agreement update(Cct school, long id, AgreementDraft draft, long expectedVersion, String author) {
            Agreement current = find(school, id).orElseThrow(() -> new NoSuchElementException("No existe " + id));
            if (current.version() != expectedVersion) {
                throw new StaleVersionException("acuerdo " + id, expectedVersion, current.version());
            }
            check(draft);
            Agreement changed = new Agreement(id, school, draft, current.recordedBy(), current.recordedAt(), author,
                    Instant.EPOCH, current.version() + 1);
            agreements.put(id, changed);
            return changed;
        }

        @Override
        public void remove(Cct school, long id, long expectedVersion, String author) {
            Agreement current = find(school, id).orElseThrow(() -> new NoSuchElementException("No existe " + id));
            if (current.version() != expectedVersion) {
                throw new StaleVersionException("acuerdo " + id, expectedVersion, current.version());
            }
            agreements.remove(id);
        }

        private static void check(AgreementDraft draft) {
            List<FieldProblem> problems = new ArrayList<>();
            if (draft.text().isEmpty()) {
                problems.add(new FieldProblem("acuerdo", "escriba lo que se acordó"));
            }
            if (draft.deadline() == null) {
                problems.add(new FieldProblem("fechaLimite", "falta la fecha límite"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidAgreementException(problems);
            }
        }

        @Override
        public Optional<Agreement> find(Cct school, long id) {
            return Optional.ofNullable(agreements.get(id)).filter(a -> a.school().equals(school));
        }

        @Override
        public List<Agreement> ofSession(Cct school, String session) {
            return agreements.values().stream()
                    .filter(a -> a.school().equals(school) && a.content().session().equals(session)).toList();
        }

        @Override
        public List<Agreement> open(Cct school) {
            return agreements.values().stream().filter(a -> a.school().equals(school)
                    && a.content().status().open()).toList();
        }

        final Map<Long, AgreementReview> reviews = new TreeMap<>();

        @Override
        public List<ReviewedAgreement> toReview(Cct school, String session) {
            return agreements.values().stream().filter(a -> a.school().equals(school)
                    && !a.content().session().equals(session) && (a.content().status().open()
                            || reviews.containsKey(a.id()))).map(a -> new ReviewedAgreement(a, reviews.get(a.id())))
                    .toList();
        }

        @Override
        public AgreementReview review(Cct school, long agreementId, String session, AgreementStatus outcome,
                String comment, long expectedVersion, String author) {
            find(school, agreementId).orElseThrow(() -> new NoSuchElementException("No existe " + agreementId));
            long current = reviews.containsKey(agreementId) ? reviews.get(agreementId).version() : 0;
            if (current != expectedVersion) {
                throw new StaleVersionException("revisión " + agreementId, expectedVersion, current);
            }
            AgreementReview review = new AgreementReview(agreementId, session, outcome, comment, author,
                    Instant.EPOCH, current + 1);
            reviews.put(agreementId, review);
            return review;
        }
    }

    /** The zone council's agreements kept in memory, with versions. */
    private static final class MemoryZones implements ZoneLogbook {
        final Map<Long, ZoneAgreement> agreements = new TreeMap<>();

        @Override
        public ZoneAgreement record(mx.cte.schools.api.ZoneId zone, ZoneAgreementDraft draft, String author) {
            if (draft.text().isEmpty()) {
                throw new InvalidAgreementException(List.of(new FieldProblem("acuerdo", "escriba lo que se acordó")));
            }
            long id = agreements.size() + 1L;
            ZoneAgreement agreement = new ZoneAgreement(id, zone, draft, AgreementStatus.PENDIENTE, "", "", author,
                    Instant.EPOCH, author, Instant.EPOCH, 1);
            agreements.put(id, agreement);
            return agreement;
        }

        @Override
        public List<ZoneAgreement> of(mx.cte.schools.api.ZoneId zone) {
            return agreements.values().stream().filter(a -> a.zone().equals(zone)).toList();
        }

        @Override
        public ZoneAgreement review(mx.cte.schools.api.ZoneId zone, long id, String session, AgreementStatus outcome,
                String comment, long expectedVersion, String author) {
            ZoneAgreement current = Optional.ofNullable(agreements.get(id)).filter(a -> a.zone().equals(zone))
                    .orElseThrow(() -> new NoSuchElementException("No existe " + id));
            if (current.version() != expectedVersion) {
                throw new StaleVersionException("acuerdo de zona " + id, expectedVersion, current.version());
            }
            ZoneAgreement reviewed = new ZoneAgreement(id, zone, current.content(), outcome, session, comment,
                    current.recordedBy(), current.recordedAt(), author, Instant.EPOCH, current.version() + 1);
            agreements.put(id, reviewed);
            return reviewed;
        }
    }

    private final MemoryLogbook logbook = new MemoryLogbook();
    private final MemoryZones zones = new MemoryZones();
    private final LogbookServlet servlet = new LogbookServlet(logbook, zones, ApiFixtures.directory(), accounts());

    private static Accounts accounts() {
        return (Accounts) Proxy.newProxyInstance(LogbookApiTest.class.getClassLoader(),
                new Class<?>[] {Accounts.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "staffOf" -> args[0].equals(ApiFixtures.SCHOOL) ? List.of(new Account("docente.ana",
                            "Ana Ruiz", true, List.of(RoleGrant.parse("docente@15EJN0101A")), 1)) : List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private FakeHttp.Response send(Caller caller, FakeRequest request) {
        return ApiFixtures.send(servlet, caller, request);
    }

    private static FakeRequest request(String method, String path) {
        return FakeRequest.of(method, "/api/v1/logbook", path);
    }

    @Test
    public void aTeacherRecordsAnAgreementAndFindsItInTheSessionAndOpenLists() throws Exception {
        FakeHttp.Response created = send(TEACHER, request("POST", "/15EJN0101A/agreements").json(DRAFT));
        assertEquals(created.body(), 201, created.status);
        assertEquals("/api/v1/logbook/15EJN0101A/agreements/1", created.headers.get("Location"));
        JsonObject agreement = created.json();
        assertEquals("en-curso", agreement.get("estado").getAsString());
        assertEquals(13, agreement.get("actividad").getAsInt());
        assertEquals("2099-01-27", agreement.get("fechaLimite").getAsString());

        FakeHttp.Response ofSession = send(SUPERVISOR, request("GET", "/15EJN0101A/agreements")
                .query("sesion", "SEP:2016-2017:preescolar:ordinaria-3"));
        assertEquals(200, ofSession.status);
        assertEquals(1, ofSession.json().getAsJsonArray("acuerdos").size());
        assertEquals(1, send(TEACHER, request("GET", "/15EJN0101A/agreements")).json()
                .getAsJsonArray("acuerdos").size());
        assertEquals("Leer en voz alta cada día", send(TEACHER, request("GET", "/15EJN0101A/agreements/1")).json()
                .get("acuerdo").getAsString());
    }

    @Test
    public void aChangeBasedOnAnOldVersionIs409WithTheCurrentAgreement() throws Exception {
        send(TEACHER, request("POST", "/15EJN0101A/agreements").json(DRAFT));
        String change = DRAFT.replace("}", ",\"version\":1}").replace("en-curso", "cumplido");
        assertEquals(200, send(TEACHER, request("PUT", "/15EJN0101A/agreements/1").json(change)).status);

        FakeHttp.Response stale = send(TEACHER, request("PUT", "/15EJN0101A/agreements/1").json(change));
        assertEquals(409, stale.status);
        assertEquals(2, stale.json().getAsJsonObject("actual").get("version").getAsInt());
        assertEquals("cumplido", stale.json().getAsJsonObject("actual").get("estado").getAsString());
        assertEquals(0, send(TEACHER, request("GET", "/15EJN0101A/agreements")).json()
                .getAsJsonArray("acuerdos").size());
    }

    @Test
    public void eachMistakeInTheRequestNamesItsField() throws Exception {
        FakeHttp.Response noVersion = send(TEACHER, request("PUT", "/15EJN0101A/agreements/1").json(DRAFT));
        assertEquals(400, noVersion.status);
        assertEquals("version", noVersion.json().get("campo").getAsString());

        FakeHttp.Response badDate = send(TEACHER, request("POST", "/15EJN0101A/agreements")
                .json(DRAFT.replace("2099-01-27", "27/01/2099")));
        assertEquals(400, badDate.status);
        assertEquals("fechaLimite", badDate.json().get("campo").getAsString());

        FakeHttp.Response badStatus = send(TEACHER, request("POST", "/15EJN0101A/agreements")
                .json(DRAFT.replace("en-curso", "terminado")));
        assertEquals(400, badStatus.status);
        assertEquals("estado", badStatus.json().get("campo").getAsString());

        FakeHttp.Response badSchool = send(TEACHER, request("GET", "/15EJN01/agreements"));
        assertEquals(400, badSchool.status);
        assertEquals("cct", badSchool.json().get("campo").getAsString());
    }

    @Test
    public void contentTheLogbookRefusesIs422WithEveryField() throws Exception {
        FakeHttp.Response invalid = send(TEACHER, request("POST", "/15EJN0101A/agreements")
                .json("{\"sesion\":\"SEP:2016-2017:preescolar:ordinaria-3\",\"acuerdo\":\"\"}"));
        assertEquals(422, invalid.status);
        assertEquals("Acuerdo no válido", invalid.json().get("title").getAsString());
        assertEquals("acuerdo", invalid.json().get("campo").getAsString());
        assertEquals(2, invalid.json().getAsJsonArray("campos").size());
        assertTrue(logbook.agreements.isEmpty());
    }

    @Test
    public void readersMayNotWriteAndOtherSchoolsAreClosed() throws Exception {
        FakeHttp.Response supervisorWrites = send(SUPERVISOR, request("POST", "/15EJN0101A/agreements").json(DRAFT));
        assertEquals(403, supervisorWrites.status);
        assertTrue(supervisorWrites.body().contains("Solo el personal de la escuela 15EJN0101A"));
        assertEquals(403, send(TEACHER, request("GET", "/15EJN0102B/agreements")).status);
        assertEquals(403, send(TEACHER, request("POST", "/15EJN0102B/agreements").json(DRAFT)).status);
        assertEquals(403, send(TEACHER, request("GET", "/15EJN0199Z/staff")).status);
        assertTrue(logbook.agreements.isEmpty());
    }

    @Test
    public void unknownAgreementsPathsAndMethodsAreAnsweredAsJson() throws Exception {
        assertEquals(404, send(TEACHER, request("GET", "/15EJN0101A/agreements/9")).status);
        FakeHttp.Response noRoute = send(TEACHER, request("GET", "/15EJN0101A/agreements/nueve"));
        assertEquals(404, noRoute.status);
        assertTrue(noRoute.body(), noRoute.body().contains("GET /api/v1/logbook/{cct}/staff"));
        FakeHttp.Response post = send(TEACHER, request("POST", "/15EJN0101A/agreements/1"));
        assertEquals(405, post.status);
        assertEquals("DELETE, GET, HEAD, PUT", post.headers.get("Allow"));
    }

    @Test
    public void anAgreementRecordedByMistakeIsRemovedWithItsVersion() throws Exception {
        send(TEACHER, request("POST", "/15EJN0101A/agreements").json(DRAFT));
        FakeHttp.Response noVersion = send(TEACHER, request("DELETE", "/15EJN0101A/agreements/1"));
        assertEquals(400, noVersion.status);
        assertEquals("version", noVersion.json().get("campo").getAsString());
        FakeHttp.Response stale = send(TEACHER, request("DELETE", "/15EJN0101A/agreements/1").query("version", "7"));
        assertEquals(409, stale.status);
        assertEquals(1, stale.json().getAsJsonObject("actual").get("version").getAsInt());
        assertEquals(403, send(SUPERVISOR, request("DELETE", "/15EJN0101A/agreements/1").query("version", "1"))
                .status);
        assertEquals(204, send(TEACHER, request("DELETE", "/15EJN0101A/agreements/1").query("version", "1")).status);
        assertTrue(logbook.agreements.isEmpty());
        assertEquals(404, send(TEACHER, request("DELETE", "/15EJN0101A/agreements/1").query("version", "1")).status);
    }

    @Test
    public void theStaffListNamesWhoCanAnswerForAnAgreement() throws Exception {
        FakeHttp.Response staff = send(SUPERVISOR, request("GET", "/15EJN0101A/staff"));
        assertEquals(200, staff.status);
        assertEquals("Ana Ruiz", staff.json().getAsJsonArray("personal").get(0).getAsJsonObject().get("nombre")
                .getAsString());
    }

    @Test
    public void aLaterSessionReviewsAnEarlierAgreementAndAStaleReviewIs409() throws Exception {
        send(TEACHER, request("POST", "/15EJN0101A/agreements").json(DRAFT));
        String fourth = "SEP:2016-2017:preescolar:ordinaria-4";
        FakeHttp.Response listed = send(SUPERVISOR, request("GET", "/15EJN0101A/reviews").query("sesion", fourth));
        assertEquals(listed.body(), 200, listed.status);
        assertEquals(1, listed.json().getAsJsonArray("acuerdos").size());

        String review = "{\"sesion\":\"" + fourth + "\",\"resultado\":\"descartado\",\"comentario\":\"Ya no aplica\","
                + "\"version\":0}";
        FakeHttp.Response saved = send(TEACHER, request("PUT", "/15EJN0101A/reviews/1").json(review));
        assertEquals(saved.body(), 200, saved.status);
        assertEquals("descartado", saved.json().get("resultado").getAsString());
        assertEquals(1, saved.json().get("version").getAsInt());
        FakeHttp.Response stale = send(TEACHER, request("PUT", "/15EJN0101A/reviews/1").json(review));
        assertEquals(409, stale.status);
        assertEquals("Ya no aplica", stale.json().getAsJsonObject("actual").get("comentario").getAsString());
        assertEquals("descartado", send(TEACHER, request("GET", "/15EJN0101A/reviews").query("sesion", fourth))
                .json().getAsJsonArray("acuerdos").get(0).getAsJsonObject().getAsJsonObject("revision")
                .get("resultado").getAsString());

        FakeHttp.Response badOutcome = send(TEACHER, request("PUT", "/15EJN0101A/reviews/1")
                .json(review.replace("descartado", "reprogramado")));
        assertEquals(400, badOutcome.status);
        assertEquals("resultado", badOutcome.json().get("campo").getAsString());
        assertEquals("sesion", send(TEACHER, request("GET", "/15EJN0101A/reviews")).json().get("campo")
                .getAsString());
        assertEquals(403, send(SUPERVISOR, request("PUT", "/15EJN0101A/reviews/1").json(review)).status);
        assertEquals(403, send(ApiFixtures.OTHER_TEACHER, request("GET", "/15EJN0101A/reviews")
                .query("sesion", fourth)).status);
        assertEquals(404, send(TEACHER, request("PUT", "/15EJN0101A/reviews/9").json(review)).status);
    }

    @Test
    public void theZonesSupervisorRecordsAndReviewsItsCouncilsAgreementsAndOthersOnlyRead() throws Exception {
        String zone = "/zonas/15-preescolar-015/agreements";
        String agreement = "{\"sesion\":\"CTZ de noviembre de 2016\",\"acuerdo\":\"Visitar aulas de otra escuela\","
                + "\"responsables\":\"Directoras de la zona\",\"fechaLimite\":\"2099-01-27\"}";
        FakeHttp.Response created = send(SUPERVISOR, request("POST", zone).json(agreement));
        assertEquals(created.body(), 201, created.status);
        assertEquals("/api/v1/logbook" + zone + "/1", created.headers.get("Location"));
        assertEquals(403, send(TEACHER, request("POST", zone).json(agreement)).status);
        assertEquals(403, send(TEACHER, request("GET", zone)).status);
        assertEquals(422, send(SUPERVISOR, request("POST", zone).json(agreement.replace("Visitar aulas de otra"
                + " escuela", ""))).status);

        String review = "{\"sesion\":\"CTZ de enero de 2017\",\"resultado\":\"cumplido\",\"comentario\":\"Hecho\","
                + "\"version\":1}";
        FakeHttp.Response reviewed = send(SUPERVISOR, request("PUT", zone + "/1/review").json(review));
        assertEquals(reviewed.body(), 200, reviewed.status);
        assertEquals("cumplido", reviewed.json().get("estado").getAsString());
        assertEquals("CTZ de enero de 2017", reviewed.json().get("revisadoEn").getAsString());
        FakeHttp.Response stale = send(SUPERVISOR, request("PUT", zone + "/1/review").json(review));
        assertEquals(409, stale.status);
        assertEquals(2, stale.json().getAsJsonObject("actual").get("version").getAsInt());
        assertEquals(403, send(ApiFixtures.caller("autoridad", "autoridad-estatal@15"), request("PUT", zone
                + "/1/review").json(review)).status);
        assertEquals(1, send(ApiFixtures.caller("autoridad", "autoridad-estatal@15"), request("GET", zone)).json()
                .getAsJsonArray("acuerdos").size());
        assertEquals(400, send(SUPERVISOR, request("GET", "/zonas/zona-15/agreements")).status);
    }
}
