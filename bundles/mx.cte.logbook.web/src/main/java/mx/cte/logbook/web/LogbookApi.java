package mx.cte.logbook.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonBinding.Member;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.Routes;
import mx.cte.core.http.ServiceCalls;
import mx.cte.logbook.api.Agreement;
import mx.cte.logbook.api.AgreementDraft;
import mx.cte.logbook.api.AgreementReview;
import mx.cte.logbook.api.AgreementStatus;
import mx.cte.logbook.api.Logbook;
import mx.cte.logbook.api.ReviewedAgreement;
import mx.cte.logbook.api.ZoneAgreement;
import mx.cte.logbook.api.ZoneAgreementDraft;
import mx.cte.logbook.api.ZoneLogbook;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;

/**
 * The Cuaderno de Bitácora of a school, for its staff (read and write), its zone's supervisor and its state's
 * authority (read). A session's agreements ({@code ?sesion=CLAVE}) or, without it, all open ones; one agreement; a new
 * one; a change to one with the version it was based on (409 with the current one in {@code actual} when it
 * changed meanwhile); who can be named responsible (the school's enabled staff); and a later session's review of the
 * agreements of earlier ones; and under {@code /zonas/{zona}/agreements} the agreements of the zone's Consejo Técnico
 * de Zona, recorded and reviewed by its supervisor, read by the state's authority.
 */
final class LogbookApi {

    private static final String INVALID = "Acuerdo no válido";

    private final Logbook logbook;
    private final ZoneLogbook zones;
    private final SchoolDirectory directory;
    private final Accounts accounts;

    LogbookApi(Logbook logbook, ZoneLogbook zones, SchoolDirectory directory, Accounts accounts) {
        this.logbook = logbook;
        this.zones = zones;
        this.directory = directory;
        this.accounts = accounts;
    }

    Routes routes() {
        return Routes.builder()
                .get("/{cct}/agreements", this::agreements)
                .post("/{cct}/agreements", this::record)
                .get("/{cct}/agreements/{id:int}", this::agreement)
                .put("/{cct}/agreements/{id:int}", this::update)
                .delete("/{cct}/agreements/{id:int}", this::remove)
                .get("/{cct}/staff", this::staff)
                .get("/{cct}/reviews", this::reviews)
                .put("/{cct}/reviews/{id:int}", this::review)
                .get("/zonas/{zona}/agreements", this::zoneAgreements)
                .post("/zonas/{zona}/agreements", this::recordForZone)
                .put("/zonas/{zona}/agreements/{id:int}/review", this::reviewForZone)
                .build();
    }

    /** An agreement as the UI sends it. */
    record AgreementBody(@Member("sesion") String session,
            @Member(value = "actividad", optional = true) Integer activity,
            @Member(value = "acuerdo", optional = true) String text,
            @Member(value = "responsables", optional = true) List<String> responsibles,
            @Member(value = "compromisos", optional = true) String commitments,
            @Member(value = "fechaLimite", optional = true) LocalDate deadline,
            @Member(value = "estado", optional = true) String status) {

        AgreementDraft draft() {
            AgreementStatus parsed = status == null ? AgreementStatus.PENDIENTE : AgreementStatus.parse(status)
                    .orElseThrow(() -> ProblemException.badField("estado", "El estado '" + status
                            + "' no existe: pendiente, en-curso, cumplido, reprogramado o descartado"));
            return new AgreementDraft(session, activity, text, responsibles, commitments, deadline, parsed);
        }
    }

    /** The version a change was based on. */
    record BasedOn(long version) {
    }

    /** A zone agreement as the supervisor's page sends it. */
    record ZoneAgreementBody(@Member(value = "sesion", optional = true) String session,
            @Member(value = "acuerdo", optional = true) String text,
            @Member(value = "responsables", optional = true) String responsibles,
            @Member(value = "fechaLimite", optional = true) LocalDate deadline) {
    }

    /** What a session concludes of an earlier agreement, as the UI sends it. */
    record ReviewBody(@Member("sesion") String session, @Member("resultado") String outcome,
            @Member(value = "comentario", optional = true) String comment, @Member("version") long version) {

        AgreementStatus parsedOutcome() {
            return AgreementStatus.parse(outcome).filter(AgreementStatus::concludesAReview).orElseThrow(
                    () -> ProblemException.badField("resultado", "El resultado '" + outcome + "' no existe:"
                            + " cumplido, en-curso o descartado"));
        }
    }

    private Cct readable(ApiCall call) {
        return RequestAccess.readableSchool(call, directory);
    }

    private Caller writer(ApiCall call, Cct school) {
        return RequestAccess.staff(call, directory, school, "Solo el personal de la escuela " + school
                + " escribe en su Cuaderno de Bitácora.");
    }

    private void agreements(ApiCall call) throws IOException {
        Cct school = readable(call);
        String session = call.query("sesion").orElse(null);
        List<Agreement> agreements = session == null ? logbook.open(school) : logbook.ofSession(school, session);
        JsonArray array = new JsonArray();
        agreements.forEach(a -> array.add(json(a)));
        JsonObject body = new JsonObject();
        body.addProperty("escuela", school.value());
        if (session != null) {
            body.addProperty("sesion", session);
        }
        body.add("acuerdos", array);
        call.ok(body);
    }

    private void agreement(ApiCall call) throws IOException {
        Cct school = readable(call);
        long id = call.pathNumber("id");
        call.ok(json(logbook.find(school, id)
                .orElseThrow(() -> ProblemException.notFound("La escuela no tiene el acuerdo " + id + "."))));
    }

    private void record(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        AgreementDraft draft = call.body(AgreementBody.class).draft();
        Agreement agreement = ServiceCalls.call(INVALID, () -> logbook.record(school, draft, caller.username()));
        call.created(call.uri() + "/" + agreement.id(), json(agreement));
    }

    private void update(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        long id = call.pathNumber("id");
        AgreementDraft draft = call.body(AgreementBody.class).draft();
        long version = call.body(BasedOn.class).version();
        call.ok(json(ServiceCalls.call(INVALID, () -> logbook.update(school, id, draft, version, caller.username()),
                () -> json(logbook.find(school, id).orElseThrow()))));
    }

    /** {@code DELETE …/agreements/{id}?version=N}: an agreement recorded by mistake; a stale version is a 409. */
    private void remove(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        long id = call.pathNumber("id");
        long version = call.query("version", Long::parseLong).orElseThrow(() -> ProblemException.badField("version",
                "Indique la versión del acuerdo que elimina, por ejemplo ?version=2."));
        ServiceCalls.call(INVALID, () -> {
            logbook.remove(school, id, version, caller.username());
            return null;
        }, () -> json(logbook.find(school, id).orElseThrow()));
        call.noContent();
    }

    /** {@code GET …/reviews?sesion=CLAVE}: what the session reviews at its start (see {@link Logbook#toReview}). */
    private void reviews(ApiCall call) throws IOException {
        Cct school = readable(call);
        String session = call.query("sesion").orElseThrow(() -> ProblemException.badField("sesion", "Indique la"
                + " sesión que revisa, por ejemplo ?sesion=SEP:2016-2017:preescolar:ordinaria-4."));
        JsonArray array = new JsonArray();
        for (ReviewedAgreement reviewed : logbook.toReview(school, session)) {
            JsonObject item = json(reviewed.agreement());
            if (reviewed.review() != null) {
                item.add("revision", json(reviewed.review()));
            }
            array.add(item);
        }
        JsonObject body = new JsonObject();
        body.addProperty("escuela", school.value());
        body.addProperty("sesion", session);
        body.add("acuerdos", array);
        call.ok(body);
    }

    /** {@code PUT …/reviews/{id}}: what the session concludes of one earlier agreement; 409 with {@code actual}. */
    private void review(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        long id = call.pathNumber("id");
        ReviewBody body = call.body(ReviewBody.class);
        AgreementStatus outcome = body.parsedOutcome();
        call.ok(json(ServiceCalls.call(INVALID, () -> logbook.review(school, id, body.session(), outcome,
                body.comment(), body.version(), caller.username()), () -> json(logbook.toReview(school, body.session())
                        .stream().filter(r -> r.agreement().id() == id && r.review() != null).findFirst()
                        .orElseThrow().review()))));
    }

    private static ZoneId readableZone(ApiCall call) {
        return RequestAccess.readableZone(call, zone -> "No tiene acceso a la zona " + zone.key() + ".");
    }

    private static Caller supervisor(ApiCall call, ZoneId zone) {
        Caller caller = RequestAccess.caller(call.request());
        if (!caller.supervises(zone)) {
            throw ProblemException.forbidden("Solo la supervisión de la zona " + zone.key() + " registra y revisa los"
                    + " acuerdos de su consejo técnico de zona.");
        }
        return caller;
    }

    /** {@code GET /zonas/{zona}/agreements}: the zone council's agreements, open ones first. */
    private void zoneAgreements(ApiCall call) throws IOException {
        ZoneId zone = readableZone(call);
        JsonArray array = new JsonArray();
        zones.of(zone).forEach(agreement -> array.add(json(agreement)));
        JsonObject body = new JsonObject();
        body.addProperty("zona", zone.key());
        body.add("acuerdos", array);
        call.ok(body);
    }

    private void recordForZone(ApiCall call) throws IOException {
        ZoneId zone = readableZone(call);
        Caller caller = supervisor(call, zone);
        ZoneAgreementBody body = call.body(ZoneAgreementBody.class);
        ZoneAgreement agreement = ServiceCalls.call(INVALID, () -> zones.record(zone, new ZoneAgreementDraft(
                body.session(), body.text(), body.responsibles(), body.deadline()), caller.username()));
        call.created(call.uri() + "/" + agreement.id(), json(agreement));
    }

    /** {@code PUT /zonas/{zona}/agreements/{id}/review}: a later zone session's conclusion; 409 with {@code actual}. */
    private void reviewForZone(ApiCall call) throws IOException {
        ZoneId zone = readableZone(call);
        Caller caller = supervisor(call, zone);
        long id = call.pathNumber("id");
        ReviewBody body = call.body(ReviewBody.class);
        AgreementStatus outcome = body.parsedOutcome();
        call.ok(json(ServiceCalls.call(INVALID, () -> zones.review(zone, id, body.session(), outcome, body.comment(),
                body.version(), caller.username()), () -> json(zones.of(zone).stream().filter(a -> a.id() == id)
                        .findFirst().orElseThrow()))));
    }

    static JsonObject json(ZoneAgreement agreement) {
        JsonObject json = new JsonObject();
        json.addProperty("id", agreement.id());
        json.addProperty("zona", agreement.zone().key());
        json.addProperty("sesion", agreement.content().session());
        json.addProperty("acuerdo", agreement.content().text());
        json.addProperty("responsables", agreement.content().responsibles());
        json.addProperty("fechaLimite", agreement.content().deadline().toString());
        json.addProperty("estado", agreement.status().wireName());
        json.addProperty("revisadoEn", agreement.reviewedIn());
        json.addProperty("revision", agreement.review());
        json.addProperty("registradoPor", agreement.recordedBy());
        json.addProperty("actualizadoPor", agreement.updatedBy());
        json.addProperty("actualizado", agreement.updatedAt().toString());
        json.addProperty("version", agreement.version());
        return json;
    }

    static JsonObject json(AgreementReview review) {
        JsonObject json = new JsonObject();
        json.addProperty("acuerdo", review.agreementId());
        json.addProperty("sesion", review.session());
        json.addProperty("resultado", review.outcome().wireName());
        json.addProperty("comentario", review.comment());
        json.addProperty("revisadoPor", review.reviewedBy());
        json.addProperty("revisado", review.reviewedAt().toString());
        json.addProperty("version", review.version());
        return json;
    }

    private void staff(ApiCall call) throws IOException {
        Cct school = readable(call);
        JsonArray staff = new JsonArray();
        for (Account account : accounts.staffOf(school)) {
            JsonObject person = new JsonObject();
            person.addProperty("usuario", account.username());
            person.addProperty("nombre", account.displayName());
            staff.add(person);
        }
        JsonObject body = new JsonObject();
        body.addProperty("escuela", school.value());
        body.add("personal", staff);
        call.ok(body);
    }

    static JsonObject json(Agreement agreement) {
        JsonObject json = new JsonObject();
        json.addProperty("id", agreement.id());
        json.addProperty("escuela", agreement.school().value());
        json.addProperty("sesion", agreement.content().session());
        if (agreement.content().activity() != null) {
            json.addProperty("actividad", agreement.content().activity());
        }
        json.addProperty("acuerdo", agreement.content().text());
        JsonArray responsibles = new JsonArray();
        agreement.content().responsibles().forEach(responsibles::add);
        json.add("responsables", responsibles);
        json.addProperty("compromisos", agreement.content().commitments());
        json.addProperty("fechaLimite", agreement.content().deadline().toString());
        json.addProperty("estado", agreement.content().status().wireName());
        json.addProperty("registradoPor", agreement.recordedBy());
        json.addProperty("registrado", agreement.recordedAt().toString());
        json.addProperty("actualizadoPor", agreement.updatedBy());
        json.addProperty("actualizado", agreement.updatedAt().toString());
        json.addProperty("version", agreement.version());
        return json;
    }
}
