package mx.cte.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletResponse;
import mx.cte.cards.api.CardQuery;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.InterventionCards;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import mx.cte.evidence.api.EvidenceFile;
import mx.cte.evidence.api.EvidenceOwner;
import mx.cte.evidence.api.EvidenceStore;
import mx.cte.forms.api.FilledForms;
import mx.cte.logbook.api.Logbook;
import mx.cte.programme.api.ImprovementProgramme;
import mx.cte.programme.api.Programme;
import mx.cte.pupils.api.GroupTeachers;
import mx.cte.pupils.api.Pupil;
import mx.cte.pupils.api.PupilRecords;
import mx.cte.results.api.GroupAssessment;
import mx.cte.results.api.Period;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.State;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.api.Accounts;
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
 * {@code concentrado.pdf?periodo=}, {@code fichas.pdf[?periodo=]}, {@code bitacora.pdf?sesion=},
 * {@code productos.pdf?sesion=} (the tables, forms, checklists and rubrics a guide lays out),
 * {@code programa.pdf?ciclo=} (the improvement programme), {@code alumnos.pdf?ciclo=&grado=&grupo=} (a group's
 * pupils' review: its director and the group's teachers only, audited as an export), {@code
 * resultados.csv?periodo=} and the XLSX workbooks of the results table, the concentrate, the cards, the bitácora and
 * those products; and under {@code zonas/{zona}/} and {@code entidades/{entidad}/} the zone's and the state's results as
 * workbooks for their supervision and authority. The same readers as the modules' own API: the school's staff
 * always; its zone's supervisor and its state's authority, and for the results only once the school published the
 * period. Each module
 * is an optional reference, so without the cards module only the cards document answers 503.
 */
@Component(service = Servlet.class, property = {"cte.module=print", "cte.module.title=Impresión y exportación"})
@HttpWhiteboardServletName("cte-print")
@HttpWhiteboardServletPattern("/api/v1/print/*")
public final class PrintServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    private static final String PDF = "application/pdf";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final transient SchoolDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile ResultsAnalysis results;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile InterventionCards cards;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile Logbook logbook;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile FilledForms forms;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile EvidenceStore evidence;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile ImprovementProgramme programmes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile PupilRecords pupils;

    private final transient Accounts accounts;

    @Activate
    public PrintServlet(@Reference SchoolDirectory directory, @Reference Accounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    /** The names of the school's staff, for the documents that say who wrote or answers for something. */
    private People people(Cct school) {
        Map<String, String> names = new HashMap<>();
        accounts.staffOf(school).forEach(account -> names.put(account.username(), account.displayName()));
        return new People(names);
    }

    @Override
    protected Routes table() {
        return Routes.builder()
                .get("/{cct}/concentrado.pdf", call -> concentrate(call, false))
                .get("/{cct}/fichas.pdf", call -> cards(call, false))
                .get("/{cct}/bitacora.pdf", this::logbook)
                .get("/{cct}/resultados.csv", call -> resultsTable(call, false))
                .get("/{cct}/resultados.xlsx", call -> resultsTable(call, true))
                .get("/{cct}/bitacora.xlsx", this::logbookSheet)
                .get("/{cct}/productos.pdf", call -> guideProducts(call, false))
                .get("/{cct}/productos.xlsx", call -> guideProducts(call, true))
                .get("/{cct}/programa.pdf", this::programme)
                .get("/{cct}/alumnos.pdf", this::pupils)
                .get("/{cct}/concentrado.xlsx", call -> concentrate(call, true))
                .get("/{cct}/fichas.xlsx", call -> cards(call, true))
                .get("/zonas/{zona}/resultados.xlsx", this::zoneSheet)
                .get("/entidades/{entidad}/resultados.xlsx", this::stateSheet)
                .build();
    }

    /** The school, if the caller may read it, and who the caller is. */
    private record Reader(Caller caller, School school) {
        Cct cct() {
            return school.cct();
        }
    }

    private Reader reader(ApiCall call) {
        Cct cct = RequestAccess.school(call);
        Caller caller = RequestAccess.caller(call.request());
        return new Reader(caller, RequestAccess.readableSchool(caller, directory, cct));
    }

    /** The concentrate as the printed pliego or, as a workbook, its lines. */
    private void concentrate(ApiCall call, boolean workbook) throws IOException {
        Reader reader = reader(call);
        ResultsAnalysis analysis = required(results, "Análisis de resultados");
        Period period = period(call);
        checkPublished(reader.caller(), analysis, reader.cct(), period);
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        String name = "concentrado-" + reader.cct() + "-" + period.key();
        if (workbook) {
            SchoolDocuments.concentrateSheet(body, analysis.concentrate(reader.cct(), period));
            send(call, body, name + ".xlsx", XLSX);
            return;
        }
        SchoolDocuments.concentrate(body, reader.school(), period, analysis.concentrate(reader.cct(), period),
                analysis.coincidences(reader.cct(), period), people(reader.cct()), today());
        send(call, body, name + ".pdf", PDF);
    }

    /** The cards of a period (or all), printed one after another or, as a workbook, a row each. */
    private void cards(ApiCall call, boolean workbook) throws IOException {
        Reader reader = reader(call);
        InterventionCards library = required(cards, "Fichas de intervención");
        String period = call.query("periodo").isEmpty() ? "" : period(call).key();
        List<InterventionCard> found = library.search(reader.cct(), new CardQuery("", 0, null, period));
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        String name = "fichas-" + reader.cct() + (period.isEmpty() ? "" : "-" + period);
        if (workbook) {
            SchoolDocuments.cardsSheet(body, found, people(reader.cct()));
            send(call, body, name + ".xlsx", XLSX);
            return;
        }
        SchoolDocuments.cards(body, reader.school(), period, found, people(reader.cct()), today());
        send(call, body, name + ".pdf", PDF);
    }

    private void logbook(ApiCall call) throws IOException {
        Reader reader = reader(call);
        Logbook book = required(logbook, "Cuaderno de Bitácora");
        String session = session(call);
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        SchoolDocuments.logbook(body, reader.school(), session, book.ofSession(reader.cct(), session),
                people(reader.cct()), today(), evidenceOf(reader.cct()));
        send(call, body, "bitacora-" + reader.cct() + ".pdf", PDF);
    }

    private void resultsTable(ApiCall call, boolean workbook) throws IOException {
        Reader reader = reader(call);
        ResultsAnalysis analysis = required(results, "Análisis de resultados");
        Period period = period(call);
        checkPublished(reader.caller(), analysis, reader.cct(), period);
        List<GroupAssessment> groups = new ArrayList<>();
        for (SchoolGroup group : reader.school().groups()) {
            for (int grade : group.grades()) {
                groups.add(analysis.assessment(reader.cct(), period, grade, group.name()));
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        String name = "resultados-" + reader.cct() + "-" + period.key();
        if (workbook) {
            ResultsTableCsv.writeXlsx(body, groups);
            send(call, body, name + ".xlsx", XLSX);
            return;
        }
        try (Writer writer = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
            ResultsTableCsv.write(writer, groups);
        }
        send(call, body, name + ".csv", "text/csv; charset=UTF-8");
    }

    /** The zone's results of a period as its supervision's screen shows them, for a spreadsheet. */
    private void zoneSheet(ApiCall call) throws IOException {
        ZoneId zone = RequestAccess.readableZone(call, z -> "Solo la supervisión de la zona " + z
                + " y la autoridad de su entidad descargan sus resultados.");
        ResultsAnalysis analysis = required(results, "Análisis de resultados");
        Period period = period(call);
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        SchoolDocuments.rollupSheet(body, analysis.zoneRollup(zone, period), false);
        send(call, body, "resultados-zona-" + zone.key() + "-" + period.key() + ".xlsx", XLSX);
    }

    /** The state's results of a period by zone, for its education authority. */
    private void stateSheet(ApiCall call) throws IOException {
        State state = RequestAccess.authorityState(call, s -> "Solo la autoridad educativa de " + s.displayName()
                + " descarga los resultados de la entidad.");
        ResultsAnalysis analysis = required(results, "Análisis de resultados");
        Period period = period(call);
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        SchoolDocuments.rollupSheet(body, analysis.stateRollup(state, period), true);
        send(call, body, "resultados-entidad-" + state.code() + "-" + period.key() + ".xlsx", XLSX);
    }

    /** The session's agreements as a workbook: who answers for each, by when, how it is going. */
    private void logbookSheet(ApiCall call) throws IOException {
        Reader reader = reader(call);
        Logbook book = required(logbook, "Cuaderno de Bitácora");
        String session = session(call);
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        SchoolDocuments.logbookSheet(body, book.ofSession(reader.cct(), session), people(reader.cct()));
        send(call, body, "bitacora-" + reader.cct() + ".xlsx", XLSX);
    }

    /** The tables, forms, checklists and rubrics the school filled in a session, as its guide lays them out. */
    private void guideProducts(ApiCall call, boolean workbook) throws IOException {
        Reader reader = reader(call);
        FilledForms filled = required(forms, "Productos que arma la guía");
        String session = session(call);
        List<GuideProducts.Printed> products = filled.ofSession(reader.cct(), session).stream()
                .map(form -> new GuideProducts.Printed(form, filled.product(form.place()).orElse(null))).toList();
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        String name = "productos-" + reader.cct();
        if (workbook) {
            GuideProducts.workbook(body, products);
            send(call, body, name + ".xlsx", XLSX);
            return;
        }
        GuideProducts.pdf(body, reader.school(), session, products, people(reader.cct()), today(),
                evidenceOf(reader.cct()));
        send(call, body, name + ".pdf", PDF);
    }

    /**
     * The improvement programme of {@code ?ciclo=}: the school's staff print the draft with its follow-up; its
     * supervision and state authority what the school published (404 before).
     */
    private void programme(ApiCall call) throws IOException {
        Reader reader = reader(call);
        ImprovementProgramme module = required(programmes, "Programa de mejora");
        String cycle = RequestAccess.schoolYearQuery(call);
        Programme programme = module.find(reader.cct(), cycle).orElseThrow(() -> ProblemException.notFound(
                "La escuela " + reader.cct() + " no tiene programa de mejora del ciclo " + cycle + "."));
        boolean staff = reader.caller().isStaffOf(reader.cct());
        if (!staff && programme.published() == null) {
            throw ProblemException.notFound("La escuela " + reader.cct() + " no ha publicado su programa de mejora "
                    + cycle + ".");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        ProgrammeDocument.pdf(body, reader.school(), staff ? programme : programme.asPublished(),
                staff ? module.followUps(reader.cct(), cycle) : List.of(), today(), evidenceOf(reader.cct()));
        send(call, body, "programa-" + reader.cct() + "-" + cycle + ".pdf", PDF);
    }

    /**
     * One group's pupils' review of {@code ?ciclo=&grado=&grupo=}: named data, so only for the school's director and
     * the teachers assigned to the group that year (as the pupils' API), audited by that module as an export.
     */
    private void pupils(ApiCall call) throws IOException {
        Reader reader = reader(call);
        PupilRecords module = required(pupils, "Alumnos que requieren apoyo");
        String cycle = RequestAccess.schoolYearQuery(call);
        int grade = call.query("grado", Integer::parseInt).orElseThrow(() -> ProblemException.badField("grado",
                "Indique el grado del grupo, por ejemplo ?grado=3."));
        String group = call.query("grupo").orElseThrow(() -> ProblemException.badField("grupo",
                "Indique el grupo, por ejemplo ?grupo=A."));
        SchoolGroup known = reader.school().groups().stream().filter(g -> GroupTeachers.covers(g, grade, group))
                .findFirst().orElseThrow(() -> ProblemException.notFound("La escuela " + reader.cct()
                        + " no tiene el grupo " + grade + "° " + group + "."));
        Caller caller = reader.caller();
        if (!caller.isDirectorOf(reader.cct()) && !(caller.isStaffOf(reader.cct()) && GroupTeachers.assigned(
                module.assignments(reader.cct(), cycle), grade, group, caller.username()))) {
            throw ProblemException.forbidden("Los datos con nombre de los alumnos del grupo " + grade + "° " + group
                    + " solo los imprimen la dirección y los docentes que ella asignó al grupo; la supervisión ve los"
                    + " conteos sin nombres.");
        }
        List<Pupil> named = module.ofGroups(reader.cct(), cycle, List.of(known), caller.username()).stream()
                .filter(p -> p.content().grade() == grade).toList();
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        PupilsDocument.pdf(body, reader.school(), cycle, grade, known.name(), named, today());
        send(call, body, "alumnos-" + reader.cct() + "-" + cycle + "-" + grade + known.name().replace(' ', '_')
                + ".pdf", PDF);
    }

    /** The photos and PDFs attached to an owner of the school, printed with it; none while the module is away. */
    private Function<EvidenceOwner, List<EvidenceFile>> evidenceOf(Cct school) {
        EvidenceStore store = evidence;
        if (store == null) {
            return owner -> List.of();
        }
        return owner -> store.filesOf(school, owner);
    }

    /** The session a logbook document is of; 400 naming {@code sesion} without it. */
    private static String session(ApiCall call) {
        return call.query("sesion").orElseThrow(() -> ProblemException.badField("sesion",
                "Falta el parámetro 'sesion' (la clave de la sesión, p. ej. SEP:2016-2017:preescolar:ordinaria-3)"));
    }

    private static LocalDate today() {
        return LocalDate.now(SchoolDocuments.MEXICO);
    }

    private static void send(ApiCall call, ByteArrayOutputStream body, String fileName, String contentType)
            throws IOException {
        HttpServletResponse response = call.response();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        // A school's own data: never kept by shared caches or proxies of a school network.
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(body.size());
        if (!call.request().getMethod().equals("HEAD")) {
            body.writeTo(response.getOutputStream());
        }
    }

    private static <T> T required(T module, String title) {
        if (module == null) {
            throw new ProblemException(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Módulo no disponible",
                    "El módulo " + title + " no está instalado o se está actualizando; intente más tarde.")
                    .retryAfter(30);
        }
        return module;
    }

    private static Period period(ApiCall call) {
        String text = call.query("periodo").orElseThrow(() -> ProblemException.badField("periodo",
                "Falta el parámetro 'periodo' (un mes, 2016-11, o un bimestre, 2016-2017-b2)"));
        try {
            return new Period(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("periodo", "periodo: " + e.getMessage());
        }
    }

    private static void checkPublished(Caller caller, ResultsAnalysis analysis, Cct cct, Period period) {
        if (!caller.isStaffOf(cct) && !analysis.isPublished(cct, period)) {
            throw ProblemException.forbidden("La escuela " + cct + " aún no comparte su análisis de "
                    + period.displayName() + ".");
        }
    }
}
