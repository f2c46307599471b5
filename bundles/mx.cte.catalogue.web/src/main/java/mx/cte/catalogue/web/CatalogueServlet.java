package mx.cte.catalogue.web;

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
import mx.cte.catalogue.api.Classification;
import mx.cte.catalogue.api.Resource;
import mx.cte.catalogue.api.ResourceCatalogue;
import mx.cte.catalogue.api.ResourceDraft;
import mx.cte.catalogue.api.ResourceKind;
import mx.cte.catalogue.api.ResourcePack;
import mx.cte.catalogue.api.ResourcePage;
import mx.cte.catalogue.api.ResourceQuery;
import mx.cte.catalogue.api.Selection;
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
 * The resource catalogue over HTTP, under {@code /api/v1/catalogue}: {@code /criteria?sesion=} (a guide's criteria),
 * {@code /packs}, and per school {@code /{cct}/resources[/{id}[/classification]]} and
 * {@code /{cct}/selection[/{id}]}. A school's staff read and write, its supervisor and state authority read.
 */
@Component(service = Servlet.class, property = {"cte.module=catalogue", "cte.module.title=Catálogo de recursos"})
@HttpWhiteboardServletName("cte-catalogue")
@HttpWhiteboardServletPattern("/api/v1/catalogue/*")
public final class CatalogueServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;
    private static final String INVALID = "Recurso no válido";

    private final transient ResourceCatalogue catalogue;
    private final transient SchoolDirectory directory;

    @Activate
    public CatalogueServlet(@Reference ResourceCatalogue catalogue, @Reference SchoolDirectory directory) {
        this.catalogue = catalogue;
        this.directory = directory;
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD, POST, PUT, DELETE";
    }

    private static List<String> parts(HttpServletRequest request) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        return info.length() <= 1 ? List.of() : List.of(info.substring(1).split("/", -1));
    }

    private static ProblemException notFound(HttpServletRequest request) {
        return ProblemException.notFound("No existe el recurso " + request.getRequestURI() + "; las rutas del"
                + " catálogo están en docs/modules.md");
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return ServiceCalls.call(INVALID, work);
        } catch (IllegalStateException readOnly) {
            throw new ProblemException(409, "Recurso de solo lectura", readOnly.getMessage());
        }
    }

    private static long id(String segment, String what) {
        if (segment == null || !segment.matches("\\d{1,18}")) {
            throw ProblemException.notFound("Indique " + what + " por su número");
        }
        return Long.parseLong(segment);
    }

    private Caller writer(HttpServletRequest request, Cct cct) {
        Caller caller = RequestAccess.caller(request);
        RequestAccess.writableSchool(caller, directory, cct,
                "Solo el personal de la escuela " + cct + " modifica su catálogo.");
        return caller;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = parts(request);
        if (parts.size() == 1 && parts.get(0).equals("criteria")) {
            RequestAccess.caller(request);
            String session = request.getParameter("sesion");
            if (session == null || session.isBlank()) {
                throw ProblemException.badRequest("Indique la guía: ?sesion=SEP:2016-2017:preescolar:ordinaria-3");
            }
            JsonArray criteria = new JsonArray();
            call(() -> catalogue.criteria(session)).forEach(c -> {
                JsonObject criterion = new JsonObject();
                criterion.addProperty("clave", c.criterion());
                criterion.addProperty("texto", c.label());
                criteria.add(criterion);
            });
            JsonObject body = new JsonObject();
            body.addProperty("sesion", session);
            body.add("criterios", criteria);
            JsonResponses.write(response, HttpServletResponse.SC_OK, body);
            return;
        }
        if (parts.size() == 1 && parts.get(0).equals("packs")) {
            RequestAccess.caller(request);
            JsonArray installed = new JsonArray();
            JsonArray refused = new JsonArray();
            for (ResourcePack pack : catalogue.packs()) {
                JsonObject json = new JsonObject();
                json.addProperty("clave", pack.key());
                json.addProperty("titulo", pack.title());
                json.addProperty("editor", pack.publisher());
                json.addProperty("version", pack.version());
                json.addProperty("bundle", pack.bundle());
                json.addProperty("recursos", pack.resources());
                JsonArray problems = new JsonArray();
                pack.problems().forEach(problems::add);
                json.add("problemas", problems);
                (pack.problems().isEmpty() ? installed : refused).add(json);
            }
            JsonObject body = new JsonObject();
            body.add("paquetes", installed);
            body.add("rechazados", refused);
            JsonResponses.write(response, HttpServletResponse.SC_OK, body);
            return;
        }
        if (parts.size() < 2) {
            throw notFound(request);
        }
        Cct cct = RequestAccess.cct(parts.get(0));
        RequestAccess.readableSchool(RequestAccess.caller(request), directory, cct);
        if (parts.get(1).equals("resources") && parts.size() == 2) {
            JsonResponses.write(response, HttpServletResponse.SC_OK, json(call(() -> catalogue.search(cct,
                    query(request)))));
        } else if (parts.get(1).equals("resources") && parts.size() == 3) {
            long id = id(parts.get(2), "el recurso");
            Resource resource = catalogue.find(cct, id).orElseThrow(() -> ProblemException.notFound(
                    "La escuela " + cct + " no tiene a la vista el recurso " + id));
            JsonResponses.write(response, HttpServletResponse.SC_OK, json(resource));
        } else if (parts.get(1).equals("selection") && parts.size() == 2) {
            String period = request.getParameter("periodo");
            if (period == null || period.isBlank()) {
                throw ProblemException.badRequest("Indique el periodo: ?periodo=2016-11");
            }
            JsonArray selected = new JsonArray();
            catalogue.selection(cct, period.strip()).forEach(s -> selected.add(json(s)));
            JsonObject body = new JsonObject();
            body.addProperty("periodo", period.strip());
            body.add("seleccion", selected);
            JsonResponses.write(response, HttpServletResponse.SC_OK, body);
        } else {
            throw notFound(request);
        }
    }

    private static ResourceQuery query(HttpServletRequest request) {
        String kind = request.getParameter("tipo");
        String grade = request.getParameter("grado");
        String from = request.getParameter("desde");
        String count = request.getParameter("cuantos");
        for (String[] number : new String[][] {{"grado", grade}, {"desde", from}, {"cuantos", count}}) {
            if (number[1] != null && !number[1].isBlank() && !number[1].matches("\\d{1,5}")) {
                throw ProblemException.badRequest(number[0] + ": '" + number[1] + "' no es un número");
            }
        }
        ResourceKind parsedKind;
        try {
            parsedKind = kind == null || kind.isBlank() ? null : ResourceKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        String criterion = request.getParameter("criterio");
        String session = request.getParameter("sesion");
        if (criterion != null && !criterion.isBlank() && (session == null || session.isBlank())) {
            throw ProblemException.badRequest("criterio: indique también la guía de sus criterios con ?sesion=");
        }
        try {
            return new ResourceQuery(request.getParameter("q"), parsedKind,
                    grade == null || grade.isBlank() ? 0 : Integer.parseInt(grade), request.getParameter("area"),
                    session, criterion, "estado".equals(request.getParameter("alcance")),
                    from == null || from.isBlank() ? 0 : Integer.parseInt(from),
                    count == null || count.isBlank() ? 20 : Integer.parseInt(count));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = parts(request);
        if (parts.size() != 2) {
            if (parts.size() == 3 && !parts.get(2).isEmpty()) {
                methodNotAllowed(request, response);
                return;
            }
            throw notFound(request);
        }
        Cct cct = RequestAccess.cct(parts.get(0));
        Caller caller = writer(request, cct);
        JsonObject body = JsonRequests.object(request);
        if (parts.get(1).equals("resources")) {
            Resource added = body.has("desde")
                    ? call(() -> catalogue.adopt(cct, JsonRequests.number(body, "desde"), caller.username()))
                    : call(() -> catalogue.add(cct, draft(body), caller.username()));
            response.setHeader("Location", request.getRequestURI() + "/" + added.id());
            JsonResponses.write(response, HttpServletResponse.SC_CREATED, json(added));
        } else if (parts.get(1).equals("selection")) {
            Selection selection = call(() -> catalogue.select(cct, JsonRequests.optionalString(body, "periodo"),
                    JsonRequests.number(body, "recurso"), JsonRequests.optionalNumber(body, "desafio", 0),
                    JsonRequests.optionalString(body, "nota"), caller.username()));
            JsonResponses.write(response, HttpServletResponse.SC_CREATED, json(selection));
        } else {
            throw notFound(request);
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = parts(request);
        if (parts.size() < 3 || parts.size() > 4 || !parts.get(1).equals("resources")
                || (parts.size() == 4 && !parts.get(3).equals("classification"))) {
            throw notFound(request);
        }
        Cct cct = RequestAccess.cct(parts.get(0));
        Caller caller = writer(request, cct);
        long id = id(parts.get(2), "el recurso");
        JsonObject body = JsonRequests.object(request);
        long version = JsonRequests.number(body, "version");
        Resource saved;
        try {
            if (parts.size() == 4) {
                List<String> criteria = new ArrayList<>();
                JsonElement given = body.get("criterios");
                if (given == null || !given.isJsonArray()) {
                    throw ProblemException.badRequest("criterios: indique la lista de claves, p. ej. [\"a\", \"f\"]");
                }
                given.getAsJsonArray().forEach(c -> criteria.add(c.getAsString()));
                saved = call(() -> catalogue.classify(cct, id, JsonRequests.optionalString(body, "sesion"), criteria,
                        version, caller.username()));
            } else {
                saved = call(() -> catalogue.update(cct, id, draft(body), version, caller.username()));
            }
        } catch (ProblemException problem) {
            if (problem.status() == 409) {
                catalogue.find(cct, id).ifPresent(current -> problem.with("actual", json(current)));
            }
            throw problem;
        }
        JsonResponses.write(response, HttpServletResponse.SC_OK, json(saved));
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = parts(request);
        if (parts.size() != 3) {
            throw notFound(request);
        }
        Cct cct = RequestAccess.cct(parts.get(0));
        Caller caller = writer(request, cct);
        if (parts.get(1).equals("selection")) {
            long id = id(parts.get(2), "la selección");
            call(() -> {
                catalogue.unselect(cct, id, caller.username());
                return null;
            });
        } else if (parts.get(1).equals("resources")) {
            long id = id(parts.get(2), "el recurso");
            String version = request.getParameter("version");
            if (version == null || !version.matches("\\d{1,18}")) {
                throw ProblemException.badRequest("Indique la versión que quiere quitar: ?version=N");
            }
            call(() -> {
                catalogue.remove(cct, id, Long.parseLong(version), caller.username());
                return null;
            });
        } else {
            throw notFound(request);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    // ---------------------------------------------------------------- JSON

    private static ResourceDraft draft(JsonObject body) {
        List<Integer> grades = new ArrayList<>();
        JsonElement gradeList = body.get("grados");
        if (gradeList != null && !gradeList.isJsonNull()) {
            if (!gradeList.isJsonArray()) {
                throw ProblemException.badRequest("grados: debe ser una lista de números, p. ej. [1, 2]");
            }
            for (JsonElement grade : gradeList.getAsJsonArray()) {
                if (!grade.isJsonPrimitive() || !grade.getAsJsonPrimitive().isNumber()) {
                    throw ProblemException.badRequest("grados: cada grado es un número");
                }
                grades.add(grade.getAsInt());
            }
        }
        List<String> areas = new ArrayList<>();
        JsonElement areaList = body.get("areas");
        if (areaList != null && !areaList.isJsonNull()) {
            if (!areaList.isJsonArray()) {
                throw ProblemException.badRequest("areas: debe ser una lista de textos");
            }
            areaList.getAsJsonArray().forEach(a -> areas.add(a.getAsString()));
        }
        String kind = JsonRequests.optionalString(body, "tipo");
        return new ResourceDraft(JsonRequests.optionalString(body, "titulo"),
                kind.isEmpty() ? null : call(() -> ResourceKind.parse(kind)), JsonRequests.optionalString(body, "autor"),
                JsonRequests.optionalString(body, "ubicacion"), JsonRequests.optionalString(body, "descripcion"),
                grades, areas, JsonRequests.optionalString(body, "sesion"), JsonRequests.bool(body, "compartido",
                        false));
    }

    static JsonObject json(Resource resource) {
        JsonObject json = new JsonObject();
        ResourceDraft content = resource.content();
        json.addProperty("id", resource.id());
        if (resource.school() != null) {
            json.addProperty("escuela", resource.school().value());
        }
        if (resource.pack() != null) {
            JsonObject pack = new JsonObject();
            pack.addProperty("clave", resource.pack().key());
            pack.addProperty("titulo", resource.pack().title());
            pack.addProperty("editor", resource.pack().publisher());
            json.add("paquete", pack);
        }
        json.addProperty("soloLectura", resource.readOnly());
        json.addProperty("titulo", content.title());
        json.addProperty("tipo", content.kind().wireName());
        json.addProperty("nombreTipo", content.kind().title());
        json.addProperty("autor", content.author());
        json.addProperty("ubicacion", content.location());
        json.addProperty("descripcion", content.description());
        JsonArray grades = new JsonArray();
        content.grades().forEach(grades::add);
        json.add("grados", grades);
        JsonArray areas = new JsonArray();
        content.areas().forEach(areas::add);
        json.add("areas", areas);
        json.addProperty("sesion", content.session());
        json.addProperty("compartido", content.shared());
        json.addProperty("propuestoPor", resource.proposedBy());
        JsonArray classifications = new JsonArray();
        for (Classification classification : resource.classifications()) {
            JsonObject item = new JsonObject();
            item.addProperty("sesion", classification.session());
            item.addProperty("criterio", classification.criterion());
            item.addProperty("texto", classification.label());
            classifications.add(item);
        }
        json.add("clasificacion", classifications);
        json.addProperty("version", resource.version());
        return json;
    }

    static JsonObject json(ResourcePage page) {
        JsonObject json = new JsonObject();
        json.addProperty("total", page.total());
        JsonArray resources = new JsonArray();
        page.resources().forEach(r -> resources.add(json(r)));
        json.add("recursos", resources);
        JsonObject facets = new JsonObject();
        page.facets().forEach((facet, values) -> {
            JsonArray counts = new JsonArray();
            for (ResourcePage.FacetValue value : values) {
                JsonObject count = new JsonObject();
                count.addProperty("valor", value.value());
                count.addProperty("etiqueta", value.label());
                count.addProperty("cuenta", value.count());
                counts.add(count);
            }
            facets.add(facet, counts);
        });
        json.add("facetas", facets);
        json.addProperty("microsegundos", page.micros());
        return json;
    }

    static JsonObject json(Selection selection) {
        JsonObject json = new JsonObject();
        json.addProperty("id", selection.id());
        json.addProperty("periodo", selection.period());
        json.add("recurso", json(selection.resource()));
        if (selection.challengeId() != 0) {
            json.addProperty("desafio", selection.challengeId());
        }
        json.addProperty("nota", selection.note());
        json.addProperty("seleccionadoPor", selection.selectedBy());
        return json;
    }
}
