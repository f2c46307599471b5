package mx.cte.schools.web;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RequestBodies;
import mx.cte.core.http.Routes;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;

/**
 * The national school catalogue's imports, for platform administrators: a {@code text/csv} body starts one and is
 * answered {@code 202} with where to follow it; following it tells its phase and rows done, then its report
 * (imported, or every rejected row with its line and reasons: all or nothing).
 */
final class CatalogueImportApi {

    /** The whole national catalogue is about 40 MB. */
    static final int MAX_BYTES = 100 * 1024 * 1024;
    static final String IMPORTS = "/api/v1/school-catalogue/imports/";

    private final CatalogueImports imports;

    CatalogueImportApi(CatalogueImports imports) {
        this.imports = imports;
    }

    /** Under {@code /api/v1/school-catalogue}. */
    Routes routes() {
        return Routes.builder()
                .post("/", this::startImport)
                .get("/imports/{id}", this::importJob)
                .build();
    }

    private static Caller administrator(ApiCall call) {
        return RequestAccess.administrator(call.request(), "Solo un administrador de la plataforma importa el"
                + " catálogo de escuelas.");
    }

    /** The CSV goes to disk, not the heap: a national catalogue is tens of megabytes. */
    private void startImport(ApiCall call) throws IOException {
        Caller caller = administrator(call);
        String type = call.request().getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            throw new ProblemException(415, "Tipo de contenido no admitido",
                    "Envíe el catálogo como CSV, con Content-Type: text/csv");
        }
        Path csv = RequestBodies.toTemporaryFile(call.request(), MAX_BYTES, "El catálogo pasa de 100 MB");
        CatalogueImports.Job job = imports.start(csv, call.query("archivo").orElse("catalogo.csv"),
                caller.username());
        call.response().setHeader("Location", IMPORTS + job.id);
        call.answer(202, describe(job));
    }

    private void importJob(ApiCall call) throws IOException {
        administrator(call);
        String id = call.path("id");
        CatalogueImports.Job job = imports.job(id).orElseThrow(
                () -> ProblemException.notFound("No hay una importación reciente con id " + id));
        call.ok(describe(job));
    }

    private static JsonObject describe(CatalogueImports.Job job) {
        JsonObject json = new JsonObject();
        json.addProperty("id", job.id);
        json.addProperty("archivo", job.source);
        json.addProperty("iniciadaPor", job.startedBy);
        json.addProperty("inicio", job.startedAt.toString());
        if (job.failure != null) {
            json.addProperty("estado", "fallida");
            json.addProperty("problema", job.failure);
        } else if (job.report == null) {
            json.addProperty("estado", "en-curso");
            json.addProperty("fase", job.phase);
            json.addProperty("filasHechas", job.done);
            if (job.total >= 0) {
                json.addProperty("filasTotales", job.total);
            }
        } else {
            json.addProperty("estado", job.report.imported() ? "importada" : "rechazada");
            json.add("informe", SchoolJson.report(job.report));
        }
        return json;
    }
}
