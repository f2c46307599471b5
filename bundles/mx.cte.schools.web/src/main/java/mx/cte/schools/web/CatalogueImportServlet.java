package mx.cte.schools.web;

import java.io.IOException;
import java.io.InputStream;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import mx.cte.core.http.ProblemException;
import mx.cte.schools.api.ImportProgress;
import mx.cte.schools.api.ImportReport;
import mx.cte.schools.api.SchoolDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /api/v1/school-catalogue?archivo=nombre.csv} with a {@code text/csv} body: imports a school catalogue,
 * all or nothing, for platform administrators. {@code 200} with the report when imported, {@code 422} with every
 * rejected row and its line when not.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-school-catalogue")
@HttpWhiteboardServletPattern("/api/v1/school-catalogue")
public final class CatalogueImportServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;
    /** The whole national catalogue is about 40 MB. */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    private final transient SchoolDirectory directory;

    @Activate
    public CatalogueImportServlet(@Reference SchoolDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected String allowedMethods() {
        return "POST";
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Access.caller(request).isAdministrator()) {
            throw ProblemException.forbidden("Solo un administrador de la plataforma importa el catálogo de escuelas.");
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            throw new ProblemException(415, "Tipo de contenido no admitido",
                    "Envíe el catálogo como CSV, con Content-Type: text/csv");
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new ProblemException(413, "Archivo demasiado grande", "El catálogo pasa de 100 MB");
        }
        String source = request.getParameter("archivo") == null ? "catalogo.csv" : request.getParameter("archivo");
        ImportReport report;
        try (InputStream body = request.getInputStream()) {
            report = directory.importCatalogue(body, source, ImportProgress.NONE);
        }
        JsonResponses.write(response, report.imported() ? HttpServletResponse.SC_OK : 422,
                SchoolJson.report(report));
    }
}
