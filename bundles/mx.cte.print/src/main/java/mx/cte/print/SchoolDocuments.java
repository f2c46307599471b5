package mx.cte.print;

import com.lowagie.text.pdf.PdfPTable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import mx.cte.cards.api.CardComment;
import mx.cte.cards.api.Challenge;
import mx.cte.cards.api.FollowUp;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.Material;
import mx.cte.evidence.api.EvidenceFile;
import mx.cte.evidence.api.EvidenceOwner;
import mx.cte.logbook.api.Agreement;
import mx.cte.results.api.Concentrate;
import mx.cte.results.api.ConcentrateItem;
import mx.cte.results.api.GradeCoincidences;
import mx.cte.results.api.Period;
import mx.cte.results.api.Progress;
import mx.cte.results.api.Rollup;
import mx.cte.results.api.Tally;
import mx.cte.schools.api.School;

/** The PDF documents of a school's session: the concentrate (the paper "pliego"), the cards and the bitácora. */
final class SchoolDocuments {

    /** Central Mexico's time, for the day an instant fell on in the schools' own calendar. */
    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    private SchoolDocuments() {
    }

    /**
     * The school concentrate of a period (activities 6 and 7). Lines the collective has not saved yet are printed from
     * the computed proposal, marked as such, so the pliego is never blank while the team is still working on it.
     */
    static void concentrate(OutputStream out, School school, Period period, Concentrate concentrate,
            List<GradeCoincidences> coincidences, People people, LocalDate printedOn) {
        PdfLayout pdf = PdfLayout.open(out, true, "Concentrado de la escuela", school,
                "Periodo: " + period.displayName() + " (" + period.key() + ")", printedOn);
        pdf.note(concentrate.publishedAt() == null ? "La escuela aún no comparte este concentrado con su supervisión."
                : "Compartido con la supervisión por " + people.name(concentrate.publishedBy()) + " el "
                        + PdfLayout.longDate(LocalDate.ofInstant(concentrate.publishedAt(), MEXICO)) + ".");
        lightCharts(pdf, coincidences);
        boolean proposal = concentrate.items().isEmpty();
        List<ConcentrateItem> lines = proposal ? concentrate.proposal() : concentrate.items();
        if (proposal && !lines.isEmpty()) {
            pdf.note("El colectivo aún no guarda renglones: se imprime la propuesta calculada de las valoraciones.");
        }
        for (ConcentrateItem.Kind kind : ConcentrateItem.Kind.values()) {
            List<ConcentrateItem> ofKind = lines.stream().filter(i -> i.kind() == kind).toList();
            pdf.heading(kind == ConcentrateItem.Kind.LOGRO ? "Logros" : "Desafíos");
            if (ofKind.isEmpty()) {
                pdf.note(kind == ConcentrateItem.Kind.LOGRO ? "Sin logros registrados." : "Sin desafíos registrados.");
                continue;
            }
            PdfPTable table = PdfLayout.table(new float[] {2.2f, 1.1f, 5, 2.6f, 2.6f, 3.5f}, "Área", "Grados",
                    kind == ConcentrateItem.Kind.LOGRO ? "Logro" : "Desafío", "Objetivo de la Ruta de Mejora",
                    "Meta", "Cómo contribuye a la Ruta de Mejora");
            for (ConcentrateItem item : ofKind) {
                PdfLayout.cell(table, item.area());
                PdfLayout.cell(table, grades(item.grades()));
                PdfLayout.cell(table, item.text());
                PdfLayout.cell(table, item.rmeObjective());
                PdfLayout.cell(table, item.rmeGoal());
                PdfLayout.cell(table, item.rmeContribution());
            }
            pdf.add(table);
        }
        pdf.close();
    }

    /** The school's traffic light of the period by grade and by area, as activity 1 shows it on screen. */
    private static void lightCharts(PdfLayout pdf, List<GradeCoincidences> coincidences) {
        Map<String, Tally> byGrade = new LinkedHashMap<>();
        Map<String, Tally> byArea = new LinkedHashMap<>();
        for (GradeCoincidences grade : coincidences) {
            for (GradeCoincidences.Convergence result : grade.results()) {
                Map<Progress, Integer> rated = result.counts();
                Tally counts = new Tally(rated.getOrDefault(Progress.LOGRADO, 0),
                        rated.getOrDefault(Progress.EN_PROCESO, 0), rated.getOrDefault(Progress.SIN_AVANCE, 0));
                byGrade.merge(grade.grade() + ".º grado", counts, Tally::plus);
                byArea.merge(result.result().content().area(), counts, Tally::plus);
            }
        }
        pdf.heading("Semáforo de la escuela");
        pdf.lightChart("Por grado (valoraciones de los grupos)", "Grado", List.copyOf(byGrade.entrySet()));
        pdf.lightChart("Por área o indicador", "Área", List.copyOf(byArea.entrySet()));
    }

    /** The school's intervention cards of a period (activity 10), each with its comments, decision and follow-up. */
    static void cards(OutputStream out, School school, String period, List<InterventionCard> cards, People people,
            LocalDate printedOn) {
        PdfLayout pdf = PdfLayout.open(out, false, "Fichas de intervención", school,
                period.isBlank() ? "Todas las fichas de la escuela" : "Periodo: " + period, printedOn);
        if (cards.isEmpty()) {
            pdf.note("La escuela no tiene fichas de intervención en este periodo.");
        }
        for (InterventionCard card : cards) {
            var content = card.content();
            pdf.heading("Ficha " + card.id() + ": " + content.title());
            if (card.copiedFrom() != null) {
                pdf.note("Copiada de la escuela " + card.copiedFrom().school() + ".");
            }
            pdf.paragraph("Desafíos que atiende", content.challenges().stream().map(Challenge::text)
                    .collect(Collectors.joining("; ")));
            pdf.paragraph("Descripción", content.description());
            pdf.paragraph("Acciones en el aula", content.classroomActions());
            pdf.paragraph("Acciones en la escuela", content.schoolActions());
            pdf.paragraph("Materiales", content.materials().stream().map(Material::title)
                    .collect(Collectors.joining("; ")));
            pdf.paragraph("Adecuaciones", content.adequations());
            pdf.paragraph("Instrumentos de evaluación", content.instruments());
            pdf.paragraph("Grados y grupos", grades(content.grades())
                    + (content.groups().isEmpty() ? " (todos los grupos)" : " · grupos " + String.join(", ",
                            content.groups())));
            pdf.paragraph("Duración", content.durationWeeks() + (content.durationWeeks() == 1 ? " semana"
                    : " semanas"));
            pdf.paragraph("Responsables", people.names(content.responsibles()));
            pdf.paragraph("Decisión del colectivo", card.decision().title()
                    + (card.decisionNote().isBlank() ? "" : ": " + card.decisionNote()));
            for (CardComment comment : card.comments()) {
                pdf.paragraph((comment.suggestion() ? "Sugerencia de " : "Comentario de ")
                        + people.name(comment.author()), comment.text());
            }
            for (FollowUp followUp : card.followUps()) {
                pdf.paragraph("Seguimiento en " + followUp.session(), (followUp.applied() ? "Se aplicó. "
                        : "No se aplicó. ") + followUp.observedResults());
            }
        }
        pdf.close();
    }

    /** The agreements of one session in the Cuaderno de Bitácora, in the order they were recorded. */
    static void logbook(OutputStream out, School school, String session, List<Agreement> agreements,
            People people, LocalDate printedOn, Function<EvidenceOwner, List<EvidenceFile>> evidenceOf) {
        PdfLayout pdf = PdfLayout.open(out, true, "Cuaderno de Bitácora", school, "Sesión: " + session, printedOn);
        if (agreements.isEmpty()) {
            pdf.note("No hay acuerdos registrados en esta sesión.");
            pdf.close();
            return;
        }
        PdfPTable table = PdfLayout.table(new float[] {1.2f, 5, 2.4f, 3.4f, 1.9f, 1.4f},
                LOGBOOK_HEADERS.toArray(String[]::new));
        for (Agreement agreement : agreements) {
            var content = agreement.content();
            PdfLayout.cell(table, content.activity() == null ? "" : String.valueOf(content.activity()));
            PdfLayout.cell(table, content.text());
            PdfLayout.cell(table, people.names(content.responsibles()));
            PdfLayout.cell(table, content.commitments());
            PdfLayout.cell(table, PdfLayout.longDate(content.deadline()));
            PdfLayout.cell(table, statusTitle(content.status().wireName()));
        }
        pdf.add(table);
        for (Agreement agreement : agreements) {
            List<EvidenceFile> files = evidenceOf.apply(new EvidenceOwner(EvidenceOwner.AGREEMENT,
                    String.valueOf(agreement.id())));
            if (!files.isEmpty()) {
                pdf.heading("Evidencias del acuerdo «" + agreement.content().text() + "»");
                pdf.evidence(files);
            }
        }
        pdf.close();
    }

    static final List<String> LOGBOOK_HEADERS = List.of("Actividad", "Acuerdo", "Responsables", "Compromisos",
            "Fecha límite", "Estado");

    /** The agreements of one session as a workbook, the same columns as the printed bitácora. */
    static void logbookSheet(OutputStream out, List<Agreement> agreements, People people) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (Agreement agreement : agreements) {
            var content = agreement.content();
            rows.add(Arrays.asList(content.activity(), content.text(), people.names(content.responsibles()),
                    content.commitments(), PdfLayout.longDate(content.deadline()),
                    statusTitle(content.status().wireName())));
        }
        Spreadsheet.write(out, "Cuaderno de Bitácora", LOGBOOK_HEADERS, rows);
    }

    private static final List<String> CONCENTRATE_HEADERS = List.of("Tipo", "Área", "Grados", "Logro o desafío",
            "Objetivo de la Ruta de Mejora", "Meta", "Cómo contribuye a la Ruta de Mejora");

    /** The concentrate's lines as a workbook (the proposal while the collective has saved none, and it says so). */
    static void concentrateSheet(OutputStream out, Concentrate concentrate) throws IOException {
        boolean proposal = concentrate.items().isEmpty();
        List<List<Object>> rows = new ArrayList<>();
        for (ConcentrateItem item : proposal ? concentrate.proposal() : concentrate.items()) {
            rows.add(Arrays.asList((item.kind() == ConcentrateItem.Kind.LOGRO ? "Logro" : "Desafío")
                    + (proposal ? " (propuesta calculada)" : ""), item.area(), grades(item.grades()), item.text(),
                    item.rmeObjective(), item.rmeGoal(), item.rmeContribution()));
        }
        Spreadsheet.write(out, "Concentrado", CONCENTRATE_HEADERS, rows);
    }

    private static final List<String> CARD_HEADERS = List.of("Ficha", "Título", "Desafíos que atiende",
            "Acciones en el aula", "Acciones en la escuela", "Materiales", "Grados", "Grupos", "Semanas",
            "Responsables", "Decisión del colectivo", "Comentarios", "Seguimientos");

    /** The intervention cards as a workbook, one row each. */
    static void cardsSheet(OutputStream out, List<InterventionCard> cards, People people) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (InterventionCard card : cards) {
            var content = card.content();
            rows.add(Arrays.asList(card.id(), content.title(), content.challenges().stream().map(Challenge::text)
                    .collect(Collectors.joining("; ")), content.classroomActions(), content.schoolActions(),
                    content.materials().stream().map(Material::title).collect(Collectors.joining("; ")),
                    grades(content.grades()), String.join(", ", content.groups()), content.durationWeeks(),
                    people.names(content.responsibles()), card.decision().title()
                            + (card.decisionNote().isBlank() ? "" : ": " + card.decisionNote()),
                    card.comments().size(), card.followUps().size()));
        }
        Spreadsheet.write(out, "Fichas de intervención", CARD_HEADERS, rows);
    }

    /**
     * A zone's or a state's results of a period as a workbook: its schools or zones with their traffic light, then
     * the counts by area and by grade (what the supervision's screen shows, for a spreadsheet).
     */
    static void rollupSheet(OutputStream out, Rollup rollup, boolean ofZones) throws IOException {
        List<List<Object>> units = new ArrayList<>();
        for (Rollup.Unit unit : rollup.units()) {
            units.add(ofZones
                    ? Arrays.asList(unit.key(), unit.name(), unit.schools(), unit.published(), unit.total().logrado(),
                            unit.total().enProceso(), unit.total().sinAvance())
                    : Arrays.asList(unit.key(), unit.name(), unit.published() > 0 ? "Sí" : "No",
                            unit.total().logrado(), unit.total().enProceso(), unit.total().sinAvance()));
        }
        List<String> unitHeaders = ofZones
                ? List.of("Zona", "Nombre", "Escuelas", "Compartieron su análisis", "Logrado", "En proceso", "Sin avance")
                : List.of("CCT", "Escuela", "Compartió su análisis", "Logrado", "En proceso", "Sin avance");
        List<List<Object>> areas = new ArrayList<>();
        new TreeMap<>(rollup.byArea()).forEach((area, tally) -> areas.add(Arrays.asList(area,
                tally.logrado(), tally.enProceso(), tally.sinAvance())));
        List<List<Object>> grades = new ArrayList<>();
        new TreeMap<>(rollup.byGrade()).forEach((grade, tally) -> grades.add(Arrays.asList(grade + "°",
                tally.logrado(), tally.enProceso(), tally.sinAvance())));
        Spreadsheet.write(out, List.of(new Spreadsheet.Sheet(ofZones ? "Zonas" : "Escuelas", unitHeaders, units),
                new Spreadsheet.Sheet("Por área", List.of("Área o indicador", "Logrado", "En proceso", "Sin avance"),
                        areas),
                new Spreadsheet.Sheet("Por grado", List.of("Grado", "Logrado", "En proceso", "Sin avance"), grades)));
    }

    static String grades(List<Integer> grades) {
        return grades.isEmpty() ? "Todos" : grades.stream().map(g -> g + "°").collect(Collectors.joining(", "));
    }

    /** {@code en-curso} → {@code En curso}. */
    static String statusTitle(String wireName) {
        String words = wireName.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
