package mx.cte.forms.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.Routes;
import mx.cte.core.http.ServiceCalls;
import mx.cte.forms.api.FilledForm;
import mx.cte.forms.api.FilledForms;
import mx.cte.forms.api.FormContent;
import mx.cte.forms.api.FormContentJson;
import mx.cte.forms.api.ProductPlace;
import mx.cte.guide.api.FormField;
import mx.cte.guide.api.ProductForm;
import mx.cte.guide.api.ProductRef;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;

/**
 * The products a guide lays out itself, for the school's staff (read and write), its zone's supervisor and its
 * state's authority (read): what a session holds, and one product with its layout and what the school wrote, saved
 * with the version it was based on (409 with the current one in {@code actual} when a colleague saved meanwhile).
 */
final class FormsApi {

    private static final String INVALID = "Producto no válido";

    private final FilledForms forms;
    private final SchoolDirectory directory;

    FormsApi(FilledForms forms, SchoolDirectory directory) {
        this.forms = forms;
        this.directory = directory;
    }

    Routes routes() {
        return Routes.builder()
                .get("/{cct}/sessions/{session}", this::session)
                .get("/{cct}/sessions/{session}/activities/{activity:int}/{type}", this::product)
                .put("/{cct}/sessions/{session}/activities/{activity:int}/{type}", this::save)
                .build();
    }

    private static ProductPlace place(ApiCall call, Cct school) {
        return new ProductPlace(school, call.path("session"), (int) call.pathNumber("activity"), call.path("type"));
    }

    private ProductRef asked(ProductPlace place) {
        return forms.product(place).orElseThrow(() -> ProblemException.notFound("La actividad " + place.activity()
                + " de la sesión " + place.session() + " no pide un producto de tipo '" + place.type()
                + "' que la guía arme, o esa guía no está activa."));
    }

    private void session(ApiCall call) throws IOException {
        Cct school = RequestAccess.readableSchool(call, directory);
        String session = call.path("session");
        JsonArray products = new JsonArray();
        for (FilledForm filled : forms.ofSession(school, session)) {
            JsonObject product = json(filled);
            forms.product(filled.place()).ifPresent(ref -> product.addProperty("titulo", ref.title()));
            products.add(product);
        }
        JsonObject body = new JsonObject();
        body.addProperty("escuela", school.value());
        body.addProperty("sesion", session);
        body.add("productos", products);
        call.ok(body);
    }

    private void product(ApiCall call) throws IOException {
        ProductPlace place = place(call, RequestAccess.readableSchool(call, directory));
        call.ok(answer(place, asked(place)));
    }

    private JsonObject answer(ProductPlace place, ProductRef product) {
        JsonObject body = forms.find(place).map(FormsApi::json).orElseGet(() -> json(new FilledForm(place,
                FormContent.empty(), null, null, 0)));
        body.addProperty("titulo", product.title());
        body.addProperty("descripcion", product.description());
        body.add("form", json(product.form()));
        return body;
    }

    private void save(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = RequestAccess.staff(call, directory, school, "Solo el personal de la escuela " + school
                + " llena sus productos.");
        ProductPlace place = place(call, school);
        ProductRef product = asked(place);
        JsonObject body = call.body();
        long version = version(body);
        FormContent content = content(body);
        ServiceCalls.call(INVALID, () -> forms.save(place, content, version, caller.username()),
                () -> answer(place, product));
        call.ok(answer(place, product));
    }

    private static long version(JsonObject body) {
        JsonElement version = body.get("version");
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
                || version.getAsDouble() < 0 || version.getAsDouble() != Math.floor(version.getAsDouble())) {
            throw ProblemException.badField("version", "Indique la versión que leyó, un entero (0 si la escuela aún"
                    + " no había escrito nada).");
        }
        return version.getAsLong();
    }

    /** The body's rows, values and answers; a member of the wrong shape is a 400 naming it. */
    static FormContent content(JsonObject body) {
        try {
            return FormContentJson.read(body);
        } catch (InvalidContentException shape) {
            InvalidContentException.FieldProblem problem = shape.problems().get(0);
            throw ProblemException.badField(problem.field(), problem.message() + ".");
        }
    }

    static JsonObject json(FilledForm filled) {
        JsonObject json = new JsonObject();
        json.addProperty("escuela", filled.place().school().value());
        json.addProperty("sesion", filled.place().session());
        json.addProperty("actividad", filled.place().activity());
        json.addProperty("tipo", filled.place().type());
        FormContentJson.write(filled.content()).entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
        json.addProperty("version", filled.version());
        if (filled.updatedBy() != null) {
            json.addProperty("actualizadoPor", filled.updatedBy());
            json.addProperty("actualizado", filled.updatedAt().toString());
        }
        return json;
    }

    /** The layout as the editor draws it: the descriptor's own member names and wire values. */
    static JsonObject json(ProductForm form) {
        JsonObject json = new JsonObject();
        JsonArray fields = new JsonArray();
        for (FormField field : form.fields()) {
            JsonObject item = new JsonObject();
            item.addProperty("name", field.name());
            item.addProperty("label", field.label());
            item.addProperty("kind", field.kind().wireName());
            JsonArray options = new JsonArray();
            field.options().forEach(options::add);
            item.add("options", options);
            item.addProperty("required", field.required());
            fields.add(item);
        }
        json.add("fields", fields);
        JsonArray items = new JsonArray();
        form.items().forEach(items::add);
        json.add("items", items);
        JsonArray levels = new JsonArray();
        form.levels().forEach(levels::add);
        json.add("levels", levels);
        return json;
    }
}
