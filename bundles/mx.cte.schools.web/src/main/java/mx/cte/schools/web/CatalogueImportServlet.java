package mx.cte.schools.web;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RequestBodies;
import mx.cte.schools.api.ImportReport;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Catalogue imports over HTTP, for platform administrators. {@code POST /api/v1/school-catalogue?archivo=nombre.csv}
 * with a {@code text/csv} body starts an import and answers {@code 202} with where to follow it;
 * {@code GET /api/v1/school-catalogue/imports/{id}} tells its phase and rows done, then its report: imported, or every
 * rejected row with its line and reasons (all or nothing).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-school-catalogue")
@HttpWhiteboardServletPattern({"/api/v1/school-catalogue", "/api/v1/school-catalogue/*"})
public final class CatalogueImportServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;
    /** The whole national catalogue is about 40 MB. */
    static final int MAX_BYTES = 100 * 1024 * 1024;
    private static final String IMPORTS = "/api/v1/school-catalogue/imports/";

    private final transient CatalogueImports imports;

    @Activate
    public CatalogueImportServlet(@Reference CatalogueImports imports) {
        this.imports = imports;
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD, POST";
    }

    private static Caller administrator(HttpServletRequest request) {
        return RequestAccess.administrator(request, "Solo un administrador de la plataforma importa el catálogo de"
                + " escuelas.");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = administrator(request);
        if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
            throw ProblemException.notFound("Para importar use POST /api/v1/school-catalogue");
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            throw new ProblemException(415, "Tipo de contenido no admitido",
                    "Envíe el catálogo como CSV, con Content-Type: text/csv");
        }
        // On disk, not in the heap: a national catalogue is tens of megabytes.
        Path csv = RequestBodies.toTemporaryFile(request, MAX_BYTES, "El catálogo pasa de 100 MB");
        String source = request.getParameter("archivo") == null ? "catalogo.csv" : request.getParameter("archivo");
        CatalogueImports.Job job = imports.start(csv, source, caller.username());
        response.setHeader("Location", IMPORTS + job.id);
        JsonResponses.write(response, HttpServletResponse.SC_ACCEPTED, describe(job));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        administrator(request);
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!info.startsWith("/imports/")) {
            throw ProblemException.notFound("Siga una importación en " + IMPORTS + "{id}");
        }
        String id = info.substring("/imports/".length());
        CatalogueImports.Job job = imports.job(id).orElseThrow(
                () -> ProblemException.notFound("No hay una importación reciente con id " + id));
        JsonResponses.write(response, HttpServletResponse.SC_OK, describe(job));
    }

    private static JsonObject describe(CatalogueImports.Job job) {
        JsonObject json = new JsonObject();
        json.addProperty("id", job.id);
        json.addProperty("archivo", job.source);
        json.addProperty("iniciadaPor", job.startedBy);
        json.addProperty("inicio", job.startedAt.toString());
        ImportReport report = job.report;
        if (job.failure != null) {
            json.addProperty("estado", "fallida");
            json.addProperty("problema", job.failure);
        } else if (report == null) {
            json.addProperty("estado", "en-curso");
            json.addProperty("fase", job.phase);
            json.addProperty("filasHechas", job.done);
            if (job.total >= 0) {
                json.addProperty("filasTotales", job.total);
            }
        } else {
            json.addProperty("estado", report.imported() ? "importada" : "rechazada");
            json.add("informe", SchoolJson.report(report));
        }
        return json;
    }
}
