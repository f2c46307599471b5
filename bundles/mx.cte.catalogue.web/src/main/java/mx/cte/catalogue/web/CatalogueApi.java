package mx.cte.catalogue.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import mx.cte.catalogue.api.Resource;
import mx.cte.catalogue.api.ResourceCatalogue;
import mx.cte.catalogue.api.ResourceDraft;
import mx.cte.catalogue.api.ResourceKind;
import mx.cte.catalogue.api.ResourcePack;
import mx.cte.catalogue.api.ResourceQuery;
import mx.cte.catalogue.api.Selection;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.EncodedAnswers;
import mx.cte.core.http.JsonBinding.Member;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.Routes;
import mx.cte.core.http.ServiceCalls;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;

/**
 * The resource catalogue: a guide's classification criteria, the installed resource packs, and per school its
 * resources (its own, those shared in its state, those of the packs), their classification against a guide's
 * criteria and the selection of a period. A school's staff read and write, its supervisor and state authority read.
 */
final class CatalogueApi {

    private static final String INVALID = "Recurso no válido";

    private final ResourceCatalogue catalogue;
    private final SchoolDirectory directory;
    /** Search pages of the last seconds, up to 8 MB of them. */
    private final EncodedAnswers<PageKey> encodedPages = new EncodedAnswers<>(8L << 20);

    private record PageKey(Cct school, ResourceQuery query) {
    }

    CatalogueApi(ResourceCatalogue catalogue, SchoolDirectory directory) {
        this.catalogue = catalogue;
        this.directory = directory;
    }

    Routes routes() {
        return Routes.builder()
                .get("/criteria", this::criteria)
                .get("/packs", this::packs)
                .get("/{cct}/resources", this::search)
                .post("/{cct}/resources", this::add)
                .get("/{cct}/resources/{id:int}", this::resource)
                .put("/{cct}/resources/{id:int}", this::update)
                .delete("/{cct}/resources/{id:int}", this::remove)
                .put("/{cct}/resources/{id:int}/classification", this::classify)
                .get("/{cct}/selection", this::selection)
                .post("/{cct}/selection", this::select)
                .delete("/{cct}/selection/{id:int}", this::unselect)
                .build();
    }

    /** A resource as the UI sends it; {@code desde} instead adopts a resource another school shared. */
    record ResourceBody(@Member(value = "titulo", optional = true) String title,
            @Member(value = "tipo", optional = true) String kind,
            @Member(value = "autor", optional = true) String author,
            @Member(value = "ubicacion", optional = true) String location,
            @Member(value = "descripcion", optional = true) String description,
            @Member(value = "grados", optional = true) List<Integer> grades,
            @Member(value = "areas", optional = true) List<String> areas,
            @Member(value = "sesion", optional = true) String session,
            @Member(value = "compartido", optional = true) boolean shared,
            @Member(value = "desde", optional = true) Long adoptedFrom) {

        ResourceDraft draft() {
            ResourceKind parsed = kind == null || kind.isEmpty() ? null : call(() -> ResourceKind.parse(kind));
            return new ResourceDraft(text(title), parsed, text(author), text(location), text(description), grades,
                    areas, text(session), shared);
        }
    }

    record ClassificationBody(@Member(value = "sesion", optional = true) String session,
            @Member("criterios") List<String> criteria, long version) {
    }

    record SelectionBody(@Member(value = "periodo", optional = true) String period,
            @Member("recurso") long resource, @Member(value = "desafio", optional = true) long challenge,
            @Member(value = "nota", optional = true) String note) {
    }

    /** The version a change was based on. */
    record BasedOn(long version) {
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static <T> T call(Supplier<T> work) {
        return served(work, null);
    }

    /** A change to a resource: a stale version is a 409 with the resource as it is now. */
    private <T> T change(Cct school, long id, Supplier<T> work) {
        return served(work, () -> CatalogueJson.json(catalogue.find(school, id).orElseThrow()));
    }

    /** As every module's service calls; besides, a pack's resource is read-only: changing it is a 409 saying so. */
    private static <T> T served(Supplier<T> work, Supplier<JsonElement> current) {
        try {
            return ServiceCalls.call(INVALID, work, current);
        } catch (IllegalStateException readOnly) {
            throw new ProblemException(409, "Recurso de solo lectura", readOnly.getMessage());
        }
    }

    private Cct readable(ApiCall call) {
        return RequestAccess.readableSchool(call, directory);
    }

    private Caller writer(ApiCall call, Cct school) {
        return RequestAccess.staff(call, directory, school,
                "Solo el personal de la escuela " + school + " modifica su catálogo.");
    }

    private void criteria(ApiCall call) throws IOException {
        RequestAccess.caller(call.request());
        String session = call.query("sesion").orElseThrow(() -> ProblemException.badField("sesion",
                "Indique la guía: ?sesion=SEP:2016-2017:preescolar:ordinaria-3"));
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
        call.ok(body);
    }

    private void packs(ApiCall call) throws IOException {
        RequestAccess.caller(call.request());
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
        call.ok(body);
    }

    private void search(ApiCall call) throws IOException {
        Cct school = readable(call);
        ResourceKind kind = call.query("tipo", ResourceKind::parse).orElse(null);
        String session = call.query("sesion").orElse(null);
        String criterion = call.query("criterio").orElse(null);
        if (criterion != null && session == null) {
            throw ProblemException.badField("sesion", "criterio: indique también la guía de sus criterios con"
                    + " ?sesion=");
        }
        ResourceQuery query = new ResourceQuery(call.query("q").orElse(null), kind,
                call.queryNumber("grado", 0, 0, 99), call.query("area").orElse(null), session, criterion,
                "estado".equals(call.query("alcance").orElse(null)), call.queryNumber("desde", 0, 0, 99_999),
                call.queryNumber("cuantos", 20, 1, 200));
        // The service hands out the same page while the catalogue is unchanged: its JSON is encoded once per page.
        encodedPages.ok(call, new PageKey(school, query), call(() -> catalogue.search(school, query)),
                CatalogueJson::json);
    }

    private void resource(ApiCall call) throws IOException {
        Cct school = readable(call);
        long id = call.pathNumber("id");
        call.ok(CatalogueJson.json(catalogue.find(school, id).orElseThrow(() -> ProblemException.notFound(
                "La escuela " + school + " no tiene a la vista el recurso " + id))));
    }

    private void add(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        ResourceBody body = call.body(ResourceBody.class);
        Resource added = body.adoptedFrom() != null
                ? call(() -> catalogue.adopt(school, body.adoptedFrom(), caller.username()))
                : call(() -> catalogue.add(school, body.draft(), caller.username()));
        call.created(call.uri() + "/" + added.id(), CatalogueJson.json(added));
    }

    private void update(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        long id = call.pathNumber("id");
        ResourceDraft draft = call.body(ResourceBody.class).draft();
        long version = call.body(BasedOn.class).version();
        call.ok(CatalogueJson.json(change(school, id,
                () -> catalogue.update(school, id, draft, version, caller.username()))));
    }

    private void classify(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        long id = call.pathNumber("id");
        ClassificationBody body = call.body(ClassificationBody.class);
        call.ok(CatalogueJson.json(change(school, id, () -> catalogue.classify(school, id, text(body.session()),
                body.criteria(), body.version(), caller.username()))));
    }

    private void remove(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        long id = call.pathNumber("id");
        long version = call.query("version").filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong)
                .orElseThrow(() -> ProblemException.badField("version",
                        "Indique la versión que quiere quitar: ?version=N"));
        change(school, id, () -> {
            catalogue.remove(school, id, version, caller.username());
            return null;
        });
        call.noContent();
    }

    private void selection(ApiCall call) throws IOException {
        Cct school = readable(call);
        String period = call.query("periodo").orElseThrow(() -> ProblemException.badField("periodo",
                "Indique el periodo: ?periodo=2016-11"));
        JsonArray selected = new JsonArray();
        catalogue.selection(school, period).forEach(s -> selected.add(CatalogueJson.json(s)));
        JsonObject body = new JsonObject();
        body.addProperty("periodo", period);
        body.add("seleccion", selected);
        call.ok(body);
    }

    private void select(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        SelectionBody body = call.body(SelectionBody.class);
        Selection selection = call(() -> catalogue.select(school, text(body.period()), body.resource(),
                body.challenge(), text(body.note()), caller.username()));
        call.answer(201, CatalogueJson.json(selection));
    }

    private void unselect(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        long id = call.pathNumber("id");
        call(() -> {
            catalogue.unselect(school, id, caller.username());
            return null;
        });
        call.noContent();
    }
}
