package mx.cte.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.cards.api.CardQuery;
import mx.cte.cards.api.InterventionCards;
import mx.cte.core.http.JsonServlet;
import mx.cte.core.http.ProblemException;
import mx.cte.logbook.api.Logbook;
import mx.cte.results.api.GroupAssessment;
import mx.cte.results.api.Period;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * A school's documents to print or open in a spreadsheet, under {@code /api/v1/print/{cct}/}:
 * {@code concentrado.pdf?periodo=}, {@code fichas.pdf[?periodo=]}, {@code bitacora.pdf?sesion=} and
 * {@code resultados.csv?periodo=}. The same readers as the modules' own API: the school's staff always; its zone's
 * supervisor and its state's authority, and for the results only once the school published the period. Each module
 * is an optional reference, so without the cards module only the cards document answers 503.
 */
@Component(service = Servlet.class, property = {"cte.module=print", "cte.module.title=Impresión y exportación"})
@HttpWhiteboardServletName("cte-print")
@HttpWhiteboardServletPattern("/api/v1/print/*")
public final class PrintServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;
    private static final java.time.ZoneId MEXICO = java.time.ZoneId.of("America/Mexico_City");

    private final transient SchoolDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile ResultsAnalysis results;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile InterventionCards cards;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile Logbook logbook;

    @Activate
    public PrintServlet(@Reference SchoolDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = info.startsWith("/") ? info.substring(1).split("/", -1) : new String[0];
        if (parts.length != 2) {
            throw notFound(request);
        }
        Cct cct = RequestAccess.cct(parts[0]);
        Caller caller = RequestAccess.caller(request);
        School school = RequestAccess.readableSchool(caller, directory, cct);
        LocalDate today = LocalDate.now(MEXICO);
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        String fileName;
        String contentType = "application/pdf";
        switch (parts[1]) {
            case "concentrado.pdf" -> {
                ResultsAnalysis analysis = required(results, "Análisis de resultados");
                Period period = period(request.getParameter("periodo"));
                checkPublished(caller, analysis, cct, period);
                SchoolDocuments.concentrate(body, school, period, analysis.concentrate(cct, period), today);
                fileName = "concentrado-" + cct + "-" + period.key() + ".pdf";
            }
            case "fichas.pdf" -> {
                InterventionCards library = required(cards, "Fichas de intervención");
                String periodKey = request.getParameter("periodo");
                String period = periodKey == null || periodKey.isBlank() ? "" : period(periodKey).key();
                SchoolDocuments.cards(body, school, period,
                        library.search(cct, new CardQuery("", 0, null, period)), today);
                fileName = "fichas-" + cct + (period.isEmpty() ? "" : "-" + period) + ".pdf";
            }
            case "bitacora.pdf" -> {
                Logbook book = required(logbook, "Cuaderno de Bitácora");
                String session = request.getParameter("sesion");
                if (session == null || session.isBlank()) {
                    throw ProblemException.badRequest("Falta el parámetro 'sesion' (la clave de la sesión, p. ej."
                            + " SEP:2016-2017:preescolar:ordinaria-3)");
                }
                SchoolDocuments.logbook(body, school, session, book.ofSession(cct, session), today);
                fileName = "bitacora-" + cct + ".pdf";
            }
            case "resultados.csv" -> {
                ResultsAnalysis analysis = required(results, "Análisis de resultados");
                Period period = period(request.getParameter("periodo"));
                checkPublished(caller, analysis, cct, period);
                List<GroupAssessment> groups = new ArrayList<>();
                for (SchoolGroup group : school.groups()) {
                    for (int grade : group.grades()) {
                        groups.add(analysis.assessment(cct, period, grade, group.name()));
                    }
                }
                try (Writer writer = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
                    ResultsTableCsv.write(writer, groups);
                }
                fileName = "resultados-" + cct + "-" + period.key() + ".csv";
                contentType = "text/csv; charset=UTF-8";
            }
            default -> throw notFound(request);
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        // A school's own data: never kept by shared caches or proxies of a school network.
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(body.size());
        if (!request.getMethod().equals("HEAD")) {
            body.writeTo(response.getOutputStream());
        }
    }

    private static <T> T required(T module, String title) {
        if (module == null) {
            throw new ProblemException(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Módulo no disponible",
                    "El módulo " + title + " no está instalado o se está actualizando; intente más tarde.");
        }
        return module;
    }

    private static Period period(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("Falta el parámetro 'periodo' (un mes, 2016-11, o un bimestre,"
                    + " 2016-2017-b2)");
        }
        try {
            return new Period(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("periodo: " + e.getMessage());
        }
    }

    private static void checkPublished(Caller caller, ResultsAnalysis analysis, Cct cct, Period period) {
        if (!caller.isStaffOf(cct) && !analysis.isPublished(cct, period)) {
            throw ProblemException.forbidden("La escuela " + cct + " aún no comparte su análisis de "
                    + period.displayName() + ".");
        }
    }

    private static ProblemException notFound(HttpServletRequest request) {
        return ProblemException.notFound("No existe el documento " + request.getRequestURI() + "; use /api/v1/print/"
                + "{cct}/concentrado.pdf, fichas.pdf, bitacora.pdf o resultados.csv");
    }
}
