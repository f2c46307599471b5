package mx.cte.exchange.web;

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
import mx.cte.cards.api.InterventionCard;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.ServiceCalls;
import mx.cte.exchange.api.CollectiveText;
import mx.cte.exchange.api.Contribution;
import mx.cte.exchange.api.Exchange;
import mx.cte.exchange.api.ExchangeGroup;
import mx.cte.exchange.api.Matching;
import mx.cte.exchange.api.MessageKind;
import mx.cte.exchange.api.PeerMessage;
import mx.cte.exchange.api.Presentation;
import mx.cte.exchange.api.SchoolMatch;
import mx.cte.exchange.api.TextKind;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.State;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.api.Caller;
import mx.cte.security.api.Role;
import mx.cte.security.http.RequestAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The exchange over HTTP, under {@code /api/v1/exchange}: per school its collective texts, its presentation, its peers,
 * their cards and the messages between them; per zone the suggested and confirmed groups; per state the suggestion
 * across it. Routes and bodies are in docs/modules.md.
 */
@Component(service = Servlet.class, property = {"cte.module=exchange",
    "cte.module.title=Intercambio entre escuelas"})
@HttpWhiteboardServletName("cte-exchange")
@HttpWhiteboardServletPattern("/api/v1/exchange/*")
public final class ExchangeServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;
    private static final String INVALID = "Intercambio no válido";

    private final transient Exchange exchange;
    private final transient SchoolDirectory directory;

    @Activate
    public ExchangeServlet(@Reference Exchange exchange, @Reference SchoolDirectory directory) {
        this.exchange = exchange;
        this.directory = directory;
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD, POST, PUT, DELETE";
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return ServiceCalls.call(INVALID, work);
        } catch (IllegalStateException moduleAway) {
            throw new ProblemException(503, "Módulo no disponible", moduleAway.getMessage());
        }
    }

    private static List<String> parts(HttpServletRequest request) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        return info.length() <= 1 ? List.of() : List.of(info.substring(1).split("/", -1));
    }

    private static ProblemException notFound(HttpServletRequest request) {
        return ProblemException.notFound("No existe el recurso " + request.getRequestURI() + "; las rutas del"
                + " intercambio están en docs/modules.md");
    }

    private static String session(HttpServletRequest request) {
        String session = request.getParameter("sesion");
        if (session == null || session.isBlank()) {
            throw ProblemException.badRequest("Indique la sesión: ?sesion=SEP:2016-2017:preescolar:ordinaria-3");
        }
        return session;
    }

    private Caller staff(HttpServletRequest request, Cct cct) {
        Caller caller = RequestAccess.caller(request);
        RequestAccess.writableSchool(caller, directory, cct,
                "Solo el personal de la escuela " + cct + " participa en su intercambio.");
        return caller;
    }

    private static ZoneId zone(String key) {
        try {
            return ZoneId.parse(key);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private static int groupSize(HttpServletRequest request) {
        String size = request.getParameter("tamano");
        if (size == null || size.isBlank()) {
            return 3;
        }
        if (!size.matches("\\d")) {
            throw ProblemException.badRequest("tamano: '" + size + "' no es un número de escuelas por grupo");
        }
        return Integer.parseInt(size);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = parts(request);
        if (parts.size() < 2) {
            throw notFound(request);
        }
        Caller caller = RequestAccess.caller(request);
        if (parts.get(0).equals("zones")) {
            ZoneId zone = zone(parts.get(1));
            if (!caller.canReadZone(zone)) {
                throw ProblemException.forbidden("Solo la supervisión de la zona " + zone
                        + " y la autoridad de su entidad organizan su intercambio.");
            }
            String session = session(request);
            if (parts.size() == 3 && parts.get(2).equals("suggestion")) {
                write(response, json(call(() -> exchange.suggestZone(zone, session, groupSize(request)))));
            } else if (parts.size() == 3 && parts.get(2).equals("groups")) {
                write(response, groups(call(() -> exchange.groups(zone, session))));
            } else {
                throw notFound(request);
            }
            return;
        }
        if (parts.get(0).equals("states")) {
            State state = State.byCode(parts.get(1)).orElseThrow(() -> ProblemException.badRequest(
                    "entidad: '" + parts.get(1) + "' no es una entidad; use su número de 01 a 32"));
            if (parts.size() != 3 || !parts.get(2).equals("suggestion")) {
                throw notFound(request);
            }
            if (caller.grants().stream().noneMatch(g -> g.role() == Role.AUTORIDAD_ESTATAL
                    && g.scope().equals(state.code()))) {
                throw ProblemException.forbidden("Solo la autoridad educativa de " + state.displayName()
                        + " agrupa las escuelas de toda la entidad.");
            }
            String session = session(request);
            write(response, json(call(() -> exchange.suggestState(state, session, groupSize(request)))));
            return;
        }
        Cct cct = RequestAccess.cct(parts.get(0));
        String section = parts.get(1);
        if (section.equals("presentation") && parts.size() == 2) {
            RequestAccess.readableSchool(caller, directory, cct);
            String session = session(request);
            Presentation saved = call(() -> exchange.presentation(cct, session)).orElse(null);
            if (!caller.isStaffOf(cct)) {
                if (saved == null || !saved.published()) {
                    throw ProblemException.forbidden("La escuela " + cct + " aún no publica su presentación.");
                }
                write(response, json(saved, false));
                return;
            }
            String period = request.getParameter("periodo");
            if (saved == null && (period == null || period.isBlank())) {
                throw ProblemException.notFound("La escuela aún no guarda su presentación; pida el borrador con"
                        + " ?periodo= (el periodo de su concentrado, p. ej. 2016-11)");
            }
            boolean wantsDraft = saved == null || "true".equals(request.getParameter("borrador"));
            write(response, wantsDraft ? json(call(() -> exchange.draft(cct, session, period)), true)
                    : json(saved, false));
            return;
        }
        staff(request, cct);
        String session = session(request);
        if (section.equals("texts") && parts.size() == 2) {
            JsonArray texts = new JsonArray();
            call(() -> exchange.texts(cct, session)).forEach(t -> texts.add(json(t)));
            JsonObject body = new JsonObject();
            body.addProperty("sesion", session);
            body.add("textos", texts);
            write(response, body);
        } else if (section.equals("peers") && parts.size() == 2) {
            JsonArray peers = new JsonArray();
            for (Cct peer : call(() -> exchange.peers(cct, session))) {
                JsonObject json = new JsonObject();
                json.addProperty("escuela", peer.value());
                directory.school(peer).ifPresent(s -> json.addProperty("nombre", s.name()));
                call(() -> exchange.peerPresentation(cct, session, peer))
                        .ifPresent(p -> json.add("presentacion", json(p, false)));
                peers.add(json);
            }
            JsonObject body = new JsonObject();
            body.addProperty("sesion", session);
            body.add("pares", peers);
            write(response, body);
        } else if (section.equals("peers") && parts.size() == 4 && parts.get(3).equals("cards")) {
            Cct peer = RequestAccess.cct(parts.get(2));
            JsonArray found = new JsonArray();
            for (InterventionCard card : call(() -> exchange.peerCards(cct, session, peer))) {
                JsonObject json = new JsonObject();
                json.addProperty("id", card.id());
                json.addProperty("titulo", card.content().title());
                json.addProperty("descripcion", card.content().description());
                json.addProperty("accionesAula", card.content().classroomActions());
                json.addProperty("decision", card.decision().wireName());
                found.add(json);
            }
            JsonObject body = new JsonObject();
            body.addProperty("escuela", peer.value());
            body.add("tarjetas", found);
            write(response, body);
        } else if (section.equals("messages") && parts.size() == 2) {
            JsonArray messages = new JsonArray();
            call(() -> exchange.messages(cct, session)).forEach(m -> messages.add(json(m)));
            JsonObject body = new JsonObject();
            body.add("mensajes", messages);
            write(response, body);
        } else {
            throw notFound(request);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = parts(request);
        if (parts.size() < 2) {
            throw notFound(request);
        }
        Cct cct = RequestAccess.cct(parts.get(0));
        Caller caller = staff(request, cct);
        JsonObject body = JsonRequests.object(request);
        String session = JsonRequests.optionalString(body, "sesion");
        String section = parts.get(1);
        if (section.equals("texts") && parts.size() == 4 && parts.get(3).equals("contributions")) {
            TextKind kind = call(() -> TextKind.parse(parts.get(2)));
            Contribution added = call(() -> exchange.contribute(cct, session, kind,
                    JsonRequests.optionalString(body, "lectura"), JsonRequests.optionalString(body, "texto"),
                    caller.username()));
            JsonResponses.write(response, HttpServletResponse.SC_CREATED, json(added));
        } else if (section.equals("messages") && parts.size() == 2) {
            Cct to = RequestAccess.cct(JsonRequests.optionalString(body, "para"));
            MessageKind kind = call(() -> MessageKind.parse(JsonRequests.optionalString(body, "tipo")));
            PeerMessage sent = call(() -> exchange.send(cct, session, to, kind,
                    JsonRequests.optionalString(body, "texto"), caller.username()));
            JsonResponses.write(response, HttpServletResponse.SC_CREATED, json(sent));
        } else if (section.equals("cards") && parts.size() == 2) {
            Cct peer = RequestAccess.cct(JsonRequests.optionalString(body, "escuela"));
            long card = JsonRequests.number(body, "tarjeta");
            InterventionCard copy = call(() -> exchange.copyCard(cct, session, peer, card, caller.username()));
            JsonObject json = new JsonObject();
            json.addProperty("id", copy.id());
            json.addProperty("titulo", copy.content().title());
            if (copy.copiedFrom() != null) {
                json.addProperty("copiadaDe", copy.copiedFrom().school().value());
                json.addProperty("tarjetaOriginal", copy.copiedFrom().cardId());
            }
            response.setHeader("Location", "/api/v1/cards/" + cct.value() + "/" + copy.id());
            JsonResponses.write(response, HttpServletResponse.SC_CREATED, json);
        } else {
            throw notFound(request);
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = parts(request);
        if (parts.size() < 2) {
            throw notFound(request);
        }
        JsonObject body;
        if (parts.get(0).equals("zones")) {
            ZoneId zone = zone(parts.get(1));
            Caller caller = RequestAccess.caller(request);
            if (parts.size() != 3 || !parts.get(2).equals("groups")) {
                throw notFound(request);
            }
            if (caller.grants().stream().noneMatch(g -> g.role() == Role.SUPERVISOR && g.scope().equals(zone.key()))) {
                throw ProblemException.forbidden("Solo la supervisión de la zona " + zone + " confirma sus grupos.");
            }
            body = JsonRequests.object(request);
            List<List<Cct>> groups = new ArrayList<>();
            JsonElement given = body.get("grupos");
            if (given == null || !given.isJsonArray()) {
                throw ProblemException.badRequest("grupos: indique una lista de grupos, cada uno una lista de claves");
            }
            for (JsonElement group : given.getAsJsonArray()) {
                if (!group.isJsonArray()) {
                    throw ProblemException.badRequest("grupos: cada grupo es una lista de claves de centro de trabajo");
                }
                List<Cct> schools = new ArrayList<>();
                group.getAsJsonArray().forEach(c -> schools.add(RequestAccess.cct(c.getAsString())));
                groups.add(schools);
            }
            String session = JsonRequests.optionalString(body, "sesion");
            write(response, groups(call(() -> exchange.confirmGroups(zone, session, groups, caller.username()))));
            return;
        }
        Cct cct = RequestAccess.cct(parts.get(0));
        Caller caller = staff(request, cct);
        body = JsonRequests.object(request);
        JsonObject input = body;
        String session = JsonRequests.optionalString(body, "sesion");
        if (parts.get(1).equals("texts") && parts.size() == 3) {
            TextKind kind = call(() -> TextKind.parse(parts.get(2)));
            long version = JsonRequests.number(body, "version");
            write(response, json(call(() -> exchange.writeText(cct, session, kind,
                    JsonRequests.optionalString(input, "texto"), version, caller.username()))));
        } else if (parts.get(1).equals("presentation") && parts.size() == 2) {
            long version = JsonRequests.number(body, "version");
            List<Integer> grades = new ArrayList<>();
            JsonElement gradeList = body.get("grados");
            if (gradeList != null && gradeList.isJsonArray()) {
                gradeList.getAsJsonArray().forEach(g -> grades.add(g.getAsInt()));
            }
            List<String> areas = new ArrayList<>();
            JsonElement areaList = body.get("areas");
            if (areaList != null && areaList.isJsonArray()) {
                areaList.getAsJsonArray().forEach(a -> areas.add(a.getAsString()));
            }
            Presentation presentation = new Presentation(cct, session, JsonRequests.optionalString(body, "problema"),
                    JsonRequests.optionalString(body, "causas"), JsonRequests.optionalString(body, "acciones"),
                    JsonRequests.optionalString(body, "resultados"), JsonRequests.optionalString(body, "practicas"),
                    areas, grades, null, version);
            write(response, json(call(() -> exchange.savePresentation(cct, presentation, version,
                    caller.username())), false));
        } else if (parts.get(1).equals("presentation") && parts.size() == 3
                && parts.get(2).equals("publication")) {
            if (!body.has("publicado")) {
                throw ProblemException.badRequest("Falta el campo 'publicado' (true para compartirla con la zona)");
            }
            RequestAccess.directedSchool(caller, directory, cct, "Solo la dirección de la escuela " + cct
                    + " publica su presentación a la zona o la retira.");
            boolean published = JsonRequests.bool(body, "publicado", false);
            write(response, json(call(() -> exchange.publish(cct, session, published, caller.username())), false));
        } else {
            throw notFound(request);
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = parts(request);
        if (parts.size() != 3 || !parts.get(1).equals("contributions")) {
            throw notFound(request);
        }
        Cct cct = RequestAccess.cct(parts.get(0));
        Caller caller = staff(request, cct);
        if (!parts.get(2).matches("\\d{1,18}")) {
            throw ProblemException.notFound("Indique la aportación por su número");
        }
        long id = Long.parseLong(parts.get(2));
        call(() -> {
            exchange.removeContribution(cct, id, caller.username());
            return null;
        });
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    // ---------------------------------------------------------------- JSON

    private static void write(HttpServletResponse response, JsonElement body) throws IOException {
        JsonResponses.write(response, HttpServletResponse.SC_OK, body);
    }

    static JsonObject json(Contribution contribution) {
        JsonObject json = new JsonObject();
        json.addProperty("id", contribution.id());
        json.addProperty("tipo", contribution.kind().wireName());
        if (!contribution.reading().isEmpty()) {
            json.addProperty("lectura", contribution.reading());
        }
        json.addProperty("texto", contribution.text());
        json.addProperty("autor", contribution.author());
        json.addProperty("fecha", contribution.createdAt().toString());
        return json;
    }

    static JsonObject json(CollectiveText text) {
        JsonObject json = new JsonObject();
        json.addProperty("tipo", text.kind().wireName());
        json.addProperty("titulo", text.kind().title());
        JsonArray contributions = new JsonArray();
        text.contributions().forEach(c -> contributions.add(json(c)));
        json.add("aportaciones", contributions);
        json.addProperty("texto", text.text());
        json.addProperty("version", text.version());
        return json;
    }

    static JsonObject json(Presentation presentation, boolean draft) {
        JsonObject json = new JsonObject();
        json.addProperty("escuela", presentation.school().value());
        json.addProperty("sesion", presentation.session());
        json.addProperty("borrador", draft);
        json.addProperty("problema", presentation.problem());
        json.addProperty("causas", presentation.causes());
        json.addProperty("acciones", presentation.actions());
        json.addProperty("resultados", presentation.results());
        json.addProperty("practicas", presentation.practices());
        JsonArray areas = new JsonArray();
        presentation.areas().forEach(areas::add);
        json.add("areas", areas);
        JsonArray grades = new JsonArray();
        presentation.grades().forEach(grades::add);
        json.add("grados", grades);
        json.addProperty("publicada", presentation.published());
        if (presentation.published()) {
            json.addProperty("publicadaEl", presentation.publishedAt().toString());
        }
        json.addProperty("version", presentation.version());
        return json;
    }

    static JsonObject json(PeerMessage message) {
        JsonObject json = new JsonObject();
        json.addProperty("id", message.id());
        json.addProperty("de", message.from().value());
        json.addProperty("para", message.to().value());
        json.addProperty("tipo", message.kind().wireName());
        json.addProperty("texto", message.text());
        json.addProperty("autor", message.author());
        json.addProperty("fecha", message.sentAt().toString());
        return json;
    }

    private static JsonArray ccts(List<Cct> schools) {
        JsonArray array = new JsonArray();
        schools.forEach(s -> array.add(s.value()));
        return array;
    }

    static JsonObject groups(List<ExchangeGroup> groups) {
        JsonArray array = new JsonArray();
        for (ExchangeGroup group : groups) {
            JsonObject json = new JsonObject();
            json.addProperty("id", group.id());
            json.add("escuelas", ccts(group.schools()));
            array.add(json);
        }
        JsonObject body = new JsonObject();
        body.add("grupos", array);
        return body;
    }

    static JsonObject json(Matching matching) {
        JsonObject json = new JsonObject();
        json.addProperty("ambito", matching.scope());
        json.addProperty("sesion", matching.session());
        JsonArray groups = new JsonArray();
        for (ExchangeGroup group : matching.groups()) {
            JsonObject item = new JsonObject();
            item.add("escuelas", ccts(group.schools()));
            item.addProperty("puntaje", group.score());
            JsonArray reasons = new JsonArray();
            group.reasons().forEach(reasons::add);
            item.add("razones", reasons);
            groups.add(item);
        }
        json.add("grupos", groups);
        JsonArray pairs = new JsonArray();
        for (SchoolMatch match : matching.pairs()) {
            JsonObject item = new JsonObject();
            item.addProperty("escuela", match.first().value());
            item.addProperty("otra", match.second().value());
            item.addProperty("puntaje", match.score());
            item.addProperty("similitudTexto", match.textScore());
            JsonArray words = new JsonArray();
            match.sharedWords().forEach(words::add);
            item.add("palabras", words);
            JsonArray reasons = new JsonArray();
            match.reasons().forEach(reasons::add);
            item.add("razones", reasons);
            pairs.add(item);
        }
        json.add("pares", pairs);
        json.add("sinPareja", ccts(matching.unmatched()));
        json.add("sinPublicar", ccts(matching.unpublished()));
        json.addProperty("milisegundos", matching.millis());
        return json;
    }
}
