package mx.cte.evidence.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RequestBodies;
import mx.cte.core.http.Routes;
import mx.cte.core.http.ServiceCalls;
import mx.cte.evidence.api.Evidence;
import mx.cte.evidence.api.EvidenceFile;
import mx.cte.evidence.api.EvidenceOwner;
import mx.cte.evidence.api.EvidenceStore;
import mx.cte.evidence.api.EvidenceUsage;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;

/**
 * A school's evidence, for its staff (attach, remove) and its zone's supervisor and state's authority (read): the
 * evidence of one owner, a file sent as the request's body (its name and description in the query), a file to view
 * or download, a removal.
 */
final class EvidenceApi {

    private static final String INVALID = "Evidencia no válida";

    private final EvidenceStore store;
    private final SchoolDirectory directory;

    EvidenceApi(EvidenceStore store, SchoolDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    Routes routes() {
        return Routes.builder()
                .get("/{cct}/owners/{kind}/{owner}", this::list)
                .post("/{cct}/owners/{kind}/{owner}", this::attach)
                .get("/{cct}/files/{id:int}", this::file)
                .delete("/{cct}/files/{id:int}", this::remove)
                .build();
    }

    private static EvidenceOwner owner(ApiCall call) {
        try {
            return new EvidenceOwner(call.path("kind"), call.path("owner"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("dueno", e.getMessage() + ".");
        }
    }

    private Caller staff(ApiCall call, Cct school) {
        return RequestAccess.staff(call, directory, school, "Solo el personal de la escuela " + school
                + " adjunta o quita sus evidencias.");
    }

    private void list(ApiCall call) throws IOException {
        Cct school = RequestAccess.readableSchool(call, directory);
        EvidenceOwner owner = owner(call);
        JsonArray items = new JsonArray();
        store.of(school, owner).forEach(evidence -> items.add(json(evidence)));
        JsonObject body = new JsonObject();
        body.addProperty("escuela", school.value());
        body.addProperty("tipoDueno", owner.kind());
        body.addProperty("dueno", owner.id());
        body.add("evidencias", items);
        // The school's space, so that its staff see it filling before an upload is refused.
        EvidenceUsage usage = store.usage(school);
        JsonObject space = new JsonObject();
        space.addProperty("usado", usage.bytes());
        space.addProperty("cuota", usage.quotaBytes());
        body.add("espacio", space);
        call.ok(body);
    }

    /** {@code POST …?nombre=IMG_2041.jpg&descripcion=…} with the file as the body. */
    private void attach(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        EvidenceOwner owner = owner(call);
        byte[] content = RequestBodies.read(call.request(), (int) EvidenceStore.MAX_BYTES, "El archivo pesa más de "
                + EvidenceStore.MAX_BYTES / (1024 * 1024) + " MB; reduzca la foto o divida el PDF.");
        Evidence evidence = ServiceCalls.call(INVALID, () -> store.attach(school, owner, call.query("nombre")
                .orElse(null), call.query("descripcion").orElse(null), new ByteArrayInputStream(content),
                caller.username()));
        call.created("/api/v1/evidence/" + school + "/files/" + evidence.id(), json(evidence));
    }

    /** The stored file: a photo shown in place, a PDF downloaded; never run as a page of the platform. */
    private void file(ApiCall call) throws IOException {
        Cct school = RequestAccess.readableSchool(call, directory);
        long id = call.pathNumber("id");
        EvidenceFile file = store.file(school, id).orElseThrow(() -> ProblemException.notFound("La escuela no tiene"
                + " la evidencia " + id + "."));
        HttpServletResponse response = call.response();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(file.evidence().mediaType());
        response.setContentLength(file.content().length);
        boolean photo = file.evidence().mediaType().startsWith("image/");
        response.setHeader("Content-Disposition", (photo ? "inline" : "attachment") + "; filename=\""
                + asciiName(file.evidence().fileName()) + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(
                        file.evidence().fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("Content-Security-Policy", "sandbox");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // A school's own data, so never in a shared cache of a school network; an id's content never changes, so the
        // browser keeps it for a day instead of fetching it again over a slow link.
        response.setHeader("Cache-Control", "private, max-age=86400");
        response.getOutputStream().write(file.content());
    }

    /** The name for clients that read only the ASCII form of the header: accents and quotes replaced. */
    static String asciiName(String name) {
        String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^A-Za-z0-9._ -]", "_");
    }

    private void remove(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        long id = call.pathNumber("id");
        ServiceCalls.run(INVALID, () -> store.remove(school, id, caller.username()));
        call.noContent();
    }

    static JsonObject json(Evidence evidence) {
        JsonObject json = new JsonObject();
        json.addProperty("id", evidence.id());
        json.addProperty("escuela", evidence.school().value());
        json.addProperty("tipoDueno", evidence.owner().kind());
        json.addProperty("dueno", evidence.owner().id());
        json.addProperty("nombre", evidence.fileName());
        json.addProperty("descripcion", evidence.description());
        json.addProperty("tipo", evidence.mediaType());
        json.addProperty("bytes", evidence.bytes());
        json.addProperty("bytesOriginales", evidence.original());
        if (evidence.width() > 0) {
            json.addProperty("ancho", evidence.width());
            json.addProperty("alto", evidence.height());
        }
        json.addProperty("subidoPor", evidence.uploadedBy());
        json.addProperty("subido", evidence.uploadedAt().toString());
        json.addProperty("archivo", "/api/v1/evidence/" + evidence.school() + "/files/" + evidence.id());
        return json;
    }
}
