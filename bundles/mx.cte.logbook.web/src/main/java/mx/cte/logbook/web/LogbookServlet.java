package mx.cte.logbook.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import mx.cte.core.http.ProblemException;
import mx.cte.logbook.api.Agreement;
import mx.cte.logbook.api.AgreementDraft;
import mx.cte.logbook.api.AgreementStatus;
import mx.cte.logbook.api.InvalidAgreementException;
import mx.cte.logbook.api.Logbook;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;
import mx.cte.storage.api.StaleVersionException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The Cuaderno de Bitácora of a school, for its staff (read and write), its zone's supervisor and its state's
 * authority (read): {@code GET /api/v1/logbook/{cct}/agreements[?sesion=CLAVE]} (a session's agreements, or all
 * open ones), {@code GET …/agreements/{id}}, {@code POST …/agreements}, {@code PUT …/agreements/{id}} with the
 * version it was based on; {@code GET …/staff}, who can be named responsible (the school's enabled staff).
 */
@Component(service = Servlet.class, property = {"cte.module=logbook", "cte.module.title=Cuaderno de Bitácora"})
@HttpWhiteboardServletName("cte-logbook")
@HttpWhiteboardServletPattern("/api/v1/logbook/*")
public final class LogbookServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient Logbook logbook;
    private final transient SchoolDirectory directory;
    private final transient Accounts accounts;

    @Activate
    public LogbookServlet(@Reference Logbook logbook, @Reference SchoolDirectory directory,
            @Reference Accounts accounts) {
        this.logbook = logbook;
        this.directory = directory;
        this.accounts = accounts;
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD, POST, PUT";
    }

    /** The school and, when the path names one, the agreement id; {@code staff} for the list of responsibles. */
    private record Target(Cct school, Long agreement, boolean staff) {
    }

    private static Target target(HttpServletRequest request) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = info.startsWith("/") ? info.substring(1).split("/", -1) : new String[0];
        if (parts.length == 2 && parts[1].equals("staff")) {
            return new Target(RequestAccess.cct(parts[0]), null, true);
        }
        if ((parts.length == 2 || parts.length == 3) && parts[1].equals("agreements")) {
            Cct school = RequestAccess.cct(parts[0]);
            if (parts.length == 2) {
                return new Target(school, null, false);
            }
            if (parts[2].matches("\\d{1,18}")) {
                return new Target(school, Long.valueOf(parts[2]), false);
            }
        }
        throw ProblemException.notFound("No existe el recurso " + request.getRequestURI()
                + "; use /api/v1/logbook/{cct}/agreements[/{id}] o /api/v1/logbook/{cct}/staff");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Target target = target(request);
        RequestAccess.readableSchool(RequestAccess.caller(request), directory, target.school());
        if (target.staff()) {
            JsonArray staff = new JsonArray();
            for (Account account : accounts.staffOf(target.school())) {
                JsonObject person = new JsonObject();
                person.addProperty("usuario", account.username());
                person.addProperty("nombre", account.displayName());
                staff.add(person);
            }
            JsonObject body = new JsonObject();
            body.addProperty("escuela", target.school().value());
            body.add("personal", staff);
            JsonResponses.write(response, HttpServletResponse.SC_OK, body);
            return;
        }
        if (target.agreement() != null) {
            Agreement agreement = logbook.find(target.school(), target.agreement()).orElseThrow(
                    () -> ProblemException.notFound("La escuela no tiene el acuerdo " + target.agreement() + "."));
            JsonResponses.write(response, HttpServletResponse.SC_OK, json(agreement));
            return;
        }
        String session = request.getParameter("sesion");
        List<Agreement> agreements = session == null ? logbook.open(target.school())
                : logbook.ofSession(target.school(), session);
        JsonArray array = new JsonArray();
        agreements.forEach(a -> array.add(json(a)));
        JsonObject body = new JsonObject();
        body.addProperty("escuela", target.school().value());
        if (session != null) {
            body.addProperty("sesion", session);
        }
        body.add("acuerdos", array);
        JsonResponses.write(response, HttpServletResponse.SC_OK, body);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Target target = target(request);
        Caller caller = writer(request, target.school());
        if (target.agreement() != null || target.staff()) {
            methodNotAllowed(request, response);
            return;
        }
        AgreementDraft draft = draft(JsonRequests.object(request));
        try {
            Agreement agreement = logbook.record(target.school(), draft, caller.username());
            response.setHeader("Location", request.getRequestURI() + "/" + agreement.id());
            JsonResponses.write(response, HttpServletResponse.SC_CREATED, json(agreement));
        } catch (InvalidAgreementException e) {
            writeInvalid(request, response, e);
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Target target = target(request);
        Caller caller = writer(request, target.school());
        if (target.agreement() == null || target.staff()) {
            methodNotAllowed(request, response);
            return;
        }
        JsonObject body = JsonRequests.object(request);
        long version = JsonRequests.number(body, "version");
        try {
            Agreement agreement = logbook.update(target.school(), target.agreement(), draft(body), version,
                    caller.username());
            JsonResponses.write(response, HttpServletResponse.SC_OK, json(agreement));
        } catch (InvalidAgreementException e) {
            writeInvalid(request, response, e);
        } catch (StaleVersionException stale) {
            JsonObject problem = JsonResponses.problem(409, "Conflicto de edición", stale.getMessage(),
                    request.getRequestURI());
            logbook.find(target.school(), target.agreement()).ifPresent(current -> problem.add("actual", json(current)));
            JsonResponses.writeProblem(response, problem);
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound(e.getMessage());
        }
    }

    private Caller writer(HttpServletRequest request, Cct school) {
        Caller caller = RequestAccess.caller(request);
        RequestAccess.writableSchool(caller, directory, school, "Solo el personal de la escuela " + school
                + " escribe en su Cuaderno de Bitácora.");
        return caller;
    }

    private static void writeInvalid(HttpServletRequest request, HttpServletResponse response,
            InvalidAgreementException invalid) throws IOException {
        JsonObject problem = JsonResponses.problem(422, "Acuerdo no válido", invalid.getMessage(),
                request.getRequestURI());
        JsonArray fields = new JsonArray();
        for (InvalidAgreementException.Problem p : invalid.problems()) {
            JsonObject field = new JsonObject();
            field.addProperty("campo", p.field());
            field.addProperty("mensaje", p.message());
            fields.add(field);
        }
        problem.add("campos", fields);
        JsonResponses.writeProblem(response, problem);
    }

    private static AgreementDraft draft(JsonObject body) {
        String session = JsonRequests.string(body, "sesion");
        Integer activity = body.has("actividad") && !body.get("actividad").isJsonNull()
                ? (int) JsonRequests.number(body, "actividad") : null;
        String text = body.has("acuerdo") && body.get("acuerdo").isJsonPrimitive() ? body.get("acuerdo").getAsString()
                : "";
        List<String> responsibles = new ArrayList<>();
        JsonElement list = body.get("responsables");
        if (list != null && !list.isJsonNull()) {
            if (!list.isJsonArray()) {
                throw ProblemException.badRequest("El campo 'responsables' debe ser una lista de usuarios");
            }
            for (JsonElement username : list.getAsJsonArray()) {
                if (!username.isJsonPrimitive()) {
                    throw ProblemException.badRequest("El campo 'responsables' debe ser una lista de usuarios");
                }
                responsibles.add(username.getAsString());
            }
        }
        String commitments = body.has("compromisos") && body.get("compromisos").isJsonPrimitive()
                ? body.get("compromisos").getAsString() : "";
        LocalDate deadline = null;
        if (body.has("fechaLimite") && !body.get("fechaLimite").isJsonNull()) {
            try {
                deadline = LocalDate.parse(JsonRequests.string(body, "fechaLimite"));
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("El campo 'fechaLimite' debe ser una fecha AAAA-MM-DD");
            }
        }
        AgreementStatus status = AgreementStatus.PENDIENTE;
        if (body.has("estado") && !body.get("estado").isJsonNull()) {
            String wire = JsonRequests.string(body, "estado");
            status = AgreementStatus.parse(wire).orElseThrow(() -> ProblemException.badRequest("El estado '" + wire
                    + "' no existe: pendiente, en-curso, cumplido o reprogramado"));
        }
        return new AgreementDraft(session, activity, text, responsibles, commitments, deadline, status);
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
