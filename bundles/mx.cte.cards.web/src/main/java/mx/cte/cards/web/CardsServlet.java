package mx.cte.cards.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.cards.api.CardComment;
import mx.cte.cards.api.CardDraft;
import mx.cte.cards.api.CardQuery;
import mx.cte.cards.api.Challenge;
import mx.cte.cards.api.Decision;
import mx.cte.cards.api.FollowUp;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.InterventionCards;
import mx.cte.cards.api.Material;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.ServiceCalls;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * A school's intervention cards, for its staff (read and write), its zone's supervisor and its state's authority
 * (read): {@code GET /api/v1/cards/{cct}?q=&grado=&decision=&periodo=} searches the library, {@code POST} adds a card,
 * {@code GET|PUT|DELETE /{cct}/{id}}, {@code POST /{id}/comments}, {@code PUT /{id}/decision},
 * {@code POST /{id}/follow-ups}.
 */
@Component(service = Servlet.class, property = {"cte.module=cards", "cte.module.title=Tarjetas de intervención"})
@HttpWhiteboardServletName("cte-cards")
@HttpWhiteboardServletPattern("/api/v1/cards/*")
public final class CardsServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;
    private static final String INVALID = "Tarjeta no válida";

    private final transient InterventionCards cards;
    private final transient SchoolDirectory directory;

    @Activate
    public CardsServlet(@Reference InterventionCards cards, @Reference SchoolDirectory directory) {
        this.cards = cards;
        this.directory = directory;
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD, POST, PUT, DELETE";
    }

    /** The school, the card id if any, and what follows it. */
    private record Target(Cct school, Long id, String action) {
    }

    private static Target target(HttpServletRequest request) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = info.length() <= 1 ? new String[0] : info.substring(1).split("/", -1);
        if (parts.length < 1 || parts.length > 3) {
            throw ProblemException.notFound("No existe el recurso " + request.getRequestURI()
                    + "; use /api/v1/cards/{cct}[/{id}[/comments|/decision|/follow-ups]]");
        }
        Cct school = RequestAccess.cct(parts[0]);
        if (parts.length == 1) {
            return new Target(school, null, null);
        }
        if (!parts[1].matches("\\d{1,18}")) {
            throw ProblemException.notFound("Indique la tarjeta por su número: /api/v1/cards/{cct}/{id}");
        }
        String action = parts.length == 3 ? parts[2] : null;
        if (action != null && !List.of("comments", "decision", "follow-ups").contains(action)) {
            throw ProblemException.notFound("No existe el recurso " + request.getRequestURI());
        }
        return new Target(school, Long.parseLong(parts[1]), action);
    }

    private static <T> T call(Supplier<T> work) {
        return ServiceCalls.call(INVALID, work);
    }

    private Caller writer(HttpServletRequest request, Cct cct) {
        Caller caller = RequestAccess.caller(request);
        RequestAccess.writableSchool(caller, directory, cct,
                "Solo el personal de la escuela " + cct + " escribe sus tarjetas.");
        return caller;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Target target = target(request);
        RequestAccess.readableSchool(RequestAccess.caller(request), directory, target.school());
        if (target.action() != null) {
            methodNotAllowed(request, response);
            return;
        }
        if (target.id() != null) {
            JsonResponses.write(response, HttpServletResponse.SC_OK,
                    json(call(() -> cards.card(target.school(), target.id()))));
            return;
        }
        CardQuery query = new CardQuery(request.getParameter("q"), grade(request.getParameter("grado")),
                decision(request.getParameter("decision")), request.getParameter("periodo"));
        JsonArray found = new JsonArray();
        cards.search(target.school(), query).forEach(c -> found.add(json(c)));
        JsonObject body = new JsonObject();
        body.addProperty("escuela", target.school().value());
        body.add("tarjetas", found);
        JsonResponses.write(response, HttpServletResponse.SC_OK, body);
    }

    private static int grade(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        if (!text.matches("\\d{1,2}")) {
            throw ProblemException.badRequest("grado: '" + text + "' no es un grado; use un número, p. ej. 2");
        }
        return Integer.parseInt(text);
    }

    private static Decision decision(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Decision.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Target target = target(request);
        Caller caller = writer(request, target.school());
        JsonObject body = JsonRequests.object(request);
        if (target.id() == null) {
            InterventionCard card = call(() -> cards.create(target.school(), draft(body), caller.username()));
            response.setHeader("Location", request.getRequestURI() + "/" + card.id());
            JsonResponses.write(response, HttpServletResponse.SC_CREATED, json(card));
        } else if ("comments".equals(target.action())) {
            JsonResponses.write(response, HttpServletResponse.SC_CREATED, json(call(() -> cards.comment(
                    target.school(), target.id(), JsonRequests.bool(body, "sugerencia", false),
                    JsonRequests.optionalString(body, "texto"), caller.username()))));
        } else if ("follow-ups".equals(target.action())) {
            JsonResponses.write(response, HttpServletResponse.SC_CREATED, json(call(() -> cards.followUp(
                    target.school(), target.id(), JsonRequests.optionalString(body, "sesion"),
                    JsonRequests.bool(body, "aplicada", false), JsonRequests.optionalString(body, "resultados"),
                    caller.username()))));
        } else {
            methodNotAllowed(request, response);
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Target target = target(request);
        if (target.id() == null || "comments".equals(target.action()) || "follow-ups".equals(target.action())) {
            methodNotAllowed(request, response);
            return;
        }
        Caller caller = writer(request, target.school());
        JsonObject body = JsonRequests.object(request);
        long version = JsonRequests.number(body, "version");
        InterventionCard card;
        try {
            if ("decision".equals(target.action())) {
                Decision decision = call(() -> Decision.parse(JsonRequests.optionalString(body, "decision")));
                card = call(() -> cards.decide(target.school(), target.id(), decision,
                        JsonRequests.optionalString(body, "nota"), version, caller.username()));
            } else {
                card = call(() -> cards.update(target.school(), target.id(), draft(body), version,
                        caller.username()));
            }
        } catch (ProblemException problem) {
            if (problem.status() == 409) {
                problem.with("actual", json(cards.card(target.school(), target.id())));
            }
            throw problem;
        }
        JsonResponses.write(response, HttpServletResponse.SC_OK, json(card));
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Target target = target(request);
        if (target.id() == null || target.action() != null) {
            methodNotAllowed(request, response);
            return;
        }
        Caller caller = writer(request, target.school());
        String version = request.getParameter("version");
        if (version == null || !version.matches("\\d{1,18}")) {
            throw ProblemException.badRequest("Indique la versión que quiere quitar: ?version=N");
        }
        call(() -> {
            cards.remove(target.school(), target.id(), Long.parseLong(version), caller.username());
            return null;
        });
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    // ---------------------------------------------------------------- JSON

    private static JsonArray array(JsonObject body, String member) {
        JsonElement value = body.get(member);
        if (value == null || value.isJsonNull()) {
            return new JsonArray();
        }
        if (!value.isJsonArray()) {
            throw ProblemException.badRequest("El campo '" + member + "' debe ser una lista");
        }
        return value.getAsJsonArray();
    }

    private static CardDraft draft(JsonObject body) {
        List<Challenge> challenges = new ArrayList<>();
        for (JsonElement element : array(body, "desafios")) {
            if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
                challenges.add(new Challenge(element.getAsLong(), ""));
            } else if (element.isJsonPrimitive()) {
                challenges.add(new Challenge(0, element.getAsString()));
            } else if (element.isJsonObject()) {
                JsonObject challenge = element.getAsJsonObject();
                challenges.add(new Challenge(JsonRequests.optionalNumber(challenge, "renglon", 0),
                        JsonRequests.optionalString(challenge, "texto")));
            } else {
                throw ProblemException.badRequest("desafios: cada desafío es el número de un renglón del concentrado"
                        + " o su texto");
            }
        }
        List<Material> materials = new ArrayList<>();
        for (JsonElement element : array(body, "materiales")) {
            if (element.isJsonObject()) {
                JsonObject material = element.getAsJsonObject();
                materials.add(new Material(JsonRequests.optionalNumber(material, "recurso", 0),
                        JsonRequests.optionalString(material, "titulo")));
            } else if (element.isJsonPrimitive()) {
                materials.add(new Material(0, element.getAsString()));
            } else {
                throw ProblemException.badRequest("materiales: cada material es un texto o {\"recurso\", \"titulo\"}");
            }
        }
        List<Integer> grades = new ArrayList<>();
        for (JsonElement element : array(body, "grados")) {
            if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
                throw ProblemException.badRequest("grados: cada grado es un número, p. ej. [1, 2]");
            }
            grades.add(element.getAsInt());
        }
        return new CardDraft(JsonRequests.optionalString(body, "periodo"), JsonRequests.optionalString(body, "sesion"),
                challenges, JsonRequests.optionalString(body, "titulo"),
                JsonRequests.optionalString(body, "descripcion"), JsonRequests.optionalString(body, "accionesAula"),
                JsonRequests.optionalString(body, "accionesEscuela"), materials,
                JsonRequests.optionalString(body, "adecuaciones"), JsonRequests.optionalString(body, "instrumentos"),
                grades, strings(body, "grupos"), (int) JsonRequests.optionalNumber(body, "semanas", 0),
                strings(body, "responsables"));
    }

    private static List<String> strings(JsonObject body, String member) {
        List<String> values = new ArrayList<>();
        for (JsonElement element : array(body, member)) {
            if (!element.isJsonPrimitive()) {
                throw ProblemException.badRequest(member + ": cada elemento es un texto");
            }
            values.add(element.getAsString());
        }
        return values;
    }

    static JsonObject json(InterventionCard card) {
        CardDraft content = card.content();
        JsonObject json = new JsonObject();
        json.addProperty("id", card.id());
        json.addProperty("escuela", card.school().value());
        json.addProperty("periodo", content.period());
        json.addProperty("sesion", content.session());
        JsonArray challenges = new JsonArray();
        for (Challenge challenge : content.challenges()) {
            JsonObject item = new JsonObject();
            if (challenge.concentrateItemId() != 0) {
                item.addProperty("renglon", challenge.concentrateItemId());
            }
            item.addProperty("texto", challenge.text());
            challenges.add(item);
        }
        json.add("desafios", challenges);
        json.addProperty("titulo", content.title());
        json.addProperty("descripcion", content.description());
        json.addProperty("accionesAula", content.classroomActions());
        json.addProperty("accionesEscuela", content.schoolActions());
        JsonArray materials = new JsonArray();
        for (Material material : content.materials()) {
            JsonObject item = new JsonObject();
            if (material.catalogueId() != 0) {
                item.addProperty("recurso", material.catalogueId());
            }
            item.addProperty("titulo", material.title());
            materials.add(item);
        }
        json.add("materiales", materials);
        json.addProperty("adecuaciones", content.adequations());
        json.addProperty("instrumentos", content.instruments());
        JsonArray grades = new JsonArray();
        content.grades().forEach(grades::add);
        json.add("grados", grades);
        JsonArray groups = new JsonArray();
        content.groups().forEach(groups::add);
        json.add("grupos", groups);
        json.addProperty("semanas", content.durationWeeks());
        JsonArray responsibles = new JsonArray();
        content.responsibles().forEach(responsibles::add);
        json.add("responsables", responsibles);
        json.addProperty("decision", card.decision().wireName());
        json.addProperty("nombreDecision", card.decision().title());
        json.addProperty("notaDecision", card.decisionNote());
        JsonArray comments = new JsonArray();
        for (CardComment comment : card.comments()) {
            JsonObject item = new JsonObject();
            item.addProperty("id", comment.id());
            item.addProperty("sugerencia", comment.suggestion());
            item.addProperty("texto", comment.text());
            item.addProperty("autor", comment.author());
            item.addProperty("fecha", comment.createdAt().toString());
            comments.add(item);
        }
        json.add("comentarios", comments);
        JsonArray followUps = new JsonArray();
        for (FollowUp followUp : card.followUps()) {
            JsonObject item = new JsonObject();
            item.addProperty("id", followUp.id());
            item.addProperty("sesion", followUp.session());
            item.addProperty("aplicada", followUp.applied());
            item.addProperty("resultados", followUp.observedResults());
            item.addProperty("autor", followUp.author());
            item.addProperty("fecha", followUp.createdAt().toString());
            followUps.add(item);
        }
        json.add("seguimiento", followUps);
        if (card.copiedFrom() != null) {
            JsonObject origin = new JsonObject();
            origin.addProperty("escuela", card.copiedFrom().school().value());
            origin.addProperty("tarjeta", card.copiedFrom().cardId());
            origin.addProperty("titulo", card.copiedFrom().title());
            json.add("copiadaDe", origin);
        }
        json.addProperty("creadaPor", card.createdBy());
        json.addProperty("creadaEl", card.createdAt().toString());
        json.addProperty("version", card.version());
        return json;
    }
}
