package mx.cte.print;

import com.lowagie.text.pdf.PdfPTable;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import mx.cte.evidence.api.EvidenceFile;
import mx.cte.evidence.api.EvidenceOwner;
import mx.cte.programme.api.Action;
import mx.cte.programme.api.FollowUp;
import mx.cte.programme.api.Goal;
import mx.cte.programme.api.Objective;
import mx.cte.programme.api.Programme;
import mx.cte.programme.api.ProgrammeContent;
import mx.cte.programme.api.ProgrammeKind;
import mx.cte.schools.api.School;

/**
 * The improvement programme on paper: its diagnosis by area, its objectives as sentences with their goals, its actions,
 * and for the school's staff what each session followed up, with the actions' photos.
 */
final class ProgrammeDocument {

    private ProgrammeDocument() {
    }

    /**
     * @param followUps the follow-up to print, none for a reader who sees only what was published
     */
    static void pdf(OutputStream out, School school, Programme programme, List<FollowUp> followUps,
            LocalDate printedOn, Function<EvidenceOwner, List<EvidenceFile>> evidenceOf) {
        ProgrammeContent content = programme.content();
        ProgrammeKind kind = programme.kind();
        Map<String, String> areas = kind.areas().stream().collect(Collectors.toMap(ProgrammeKind.Area::key,
                ProgrammeKind.Area::title));
        String state = programme.publishedAt() != null && content.equals(programme.published())
                ? "versión publicada el " + PdfLayout.longDate(programme.publishedAt().atZone(SchoolDocuments.MEXICO)
                        .toLocalDate())
                : "versión " + programme.version() + (programme.publishedAt() == null ? ", sin publicar"
                        : ", con cambios después de la publicada");
        PdfLayout pdf = PdfLayout.open(out, true, kind.title(), school, "Ciclo escolar " + programme.cycle() + " · "
                + state, printedOn);

        pdf.heading("Diagnóstico");
        if (content.diagnosis().isEmpty()) {
            pdf.note("Sin diagnóstico.");
        }
        kind.areas().stream().filter(a -> content.diagnosis().containsKey(a.key()))
                .forEach(a -> pdf.paragraph(a.title(), content.diagnosis().get(a.key())));

        pdf.heading("Objetivos y metas");
        PdfPTable objectives = PdfLayout.table(new float[] {0.5f, 6, 2.5f, 4}, "", "Objetivo", "Ámbitos", "Metas");
        Map<String, Integer> numbers = new java.util.HashMap<>();
        for (int i = 0; i < content.objectives().size(); i++) {
            Objective objective = content.objectives().get(i);
            numbers.put(objective.id(), i + 1);
            PdfLayout.cell(objectives, String.valueOf(i + 1));
            PdfLayout.cell(objectives, sentence(objective));
            PdfLayout.cell(objectives, objective.areas().stream().map(a -> areas.getOrDefault(a, a))
                    .collect(Collectors.joining("; ")));
            PdfLayout.cell(objectives, objective.goals().stream().map(ProgrammeDocument::goal)
                    .collect(Collectors.joining("\n")));
        }
        pdf.add(objectives);

        pdf.heading("Acciones");
        PdfPTable actions = PdfLayout.table(new float[] {4.5f, 1.6f, 2.4f, 2.4f, 2.4f, 2.6f, 2.6f}, "Acción",
                "Objetivo", "Ámbito", "Responsables", "Recursos", "Fechas", "Cómo se mide");
        for (Action action : content.actions()) {
            PdfLayout.cell(actions, action.text());
            PdfLayout.cell(actions, String.valueOf(numbers.getOrDefault(action.objective(), 0)));
            PdfLayout.cell(actions, areas.getOrDefault(action.area(), action.area()));
            PdfLayout.cell(actions, String.join(", ", action.responsibles()));
            PdfLayout.cell(actions, action.resources());
            PdfLayout.cell(actions, "Del " + PdfLayout.longDate(action.start()) + " al "
                    + PdfLayout.longDate(action.end()));
            PdfLayout.cell(actions, action.measure());
        }
        pdf.add(actions);

        if (!followUps.isEmpty()) {
            pdf.heading("Seguimiento en las sesiones del CTE");
            PdfPTable table = PdfLayout.table(new float[] {3, 4, 1.6f, 4.5f, 3.5f}, "Sesión", "Acción", "Avance",
                    "Qué se observó", "Ajuste");
            for (FollowUp followUp : followUps) {
                PdfLayout.cell(table, followUp.session());
                PdfLayout.cell(table, content.action(followUp.action()).map(Action::text).orElse(followUp.action()));
                PdfLayout.cell(table, followUp.progress().title());
                PdfLayout.cell(table, followUp.comment());
                PdfLayout.cell(table, followUp.adjustment());
            }
            pdf.add(table);
        }
        for (Action action : content.actions()) {
            List<EvidenceFile> files = evidenceOf.apply(EvidenceOwner.programmeAction(programme.cycle(),
                    action.id()));
            if (!files.isEmpty()) {
                pdf.heading("Evidencias de la acción «" + action.text() + "»");
                pdf.evidence(files);
            }
        }
        pdf.close();
    }

    /** "Incrementar el porcentaje de … a 80 (porcentaje) para el 30 de junio de 2020". */
    static String sentence(Objective objective) {
        return objective.verb() + " " + objective.indicator() + " a " + objective.target() + " (" + objective.metric()
                + ") para el " + PdfLayout.longDate(objective.date());
    }

    private static String goal(Goal goal) {
        return goal.text() + " (para el " + PdfLayout.longDate(goal.date()) + ")";
    }
}
