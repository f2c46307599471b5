package mx.cte.print;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import mx.cte.programme.api.Action;
import mx.cte.programme.api.FollowUp;
import mx.cte.programme.api.Goal;
import mx.cte.programme.api.Objective;
import mx.cte.programme.api.Programme;
import mx.cte.programme.api.ProgrammeContent;
import mx.cte.programme.api.ProgrammeKind;
import mx.cte.programme.api.Progress;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.ZoneId;
import org.junit.Test;

/** The improvement programme printed: the school's draft with its follow-up, or what a supervisor reads. */
public class ProgrammeDocumentTest {

    private static final Cct CCT = new Cct("15DJN0001A");
    private static final School SCHOOL = new School(CCT, "Jardín de Niños Sor Juana Inés de la Cruz", "Toluca",
            Level.PREESCOLAR, ZoneId.parse("15-preescolar-015"), Shift.MATUTINO, false,
            List.of(new SchoolGroup("A", List.of(3))), 1);

    private static ProgrammeContent content(String action) {
        return new ProgrammeContent(Map.of("aprovechamiento", "El 40 % de los niños de 3° no narra con secuencia."),
                List.of(new Objective("o1", "Incrementar", "el porcentaje de niños de 3° que narran con secuencia",
                        "porcentaje", "75", LocalDate.of(2020, 6, 30), List.of("aprovechamiento"), List.of(new Goal(
                                "m1", "50 % en diciembre", LocalDate.of(2019, 12, 13))))),
                List.of(new Action("a1", "o1", "practicas", action, List.of("Educadoras de 3°"), "Cuentos",
                        LocalDate.of(2019, 9, 2), LocalDate.of(2020, 6, 29), "Lista de cotejo mensual")));
    }

    private static String printed(Programme programme, List<FollowUp> followUps) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgrammeDocument.pdf(out, SCHOOL, programme, followUps, LocalDate.of(2019, 11, 29), owner -> List.of());
        return PdfText.of(out.toByteArray());
    }

    @Test
    public void theSchoolPrintsItsDraftWithTheFollowUpAndTheSupervisorWhatWasPublished() throws Exception {
        Programme programme = new Programme(CCT, "2019-2020", ProgrammeKind.PEMC, content("Borrador de la ronda"),
                null, "directora", Instant.parse("2019-11-20T15:00:00Z"), 3, content("Ronda de narración"),
                "directora", Instant.parse("2019-10-01T15:00:00Z"));
        String draft = printed(programme, List.of(new FollowUp("a1", "SEP:2019-2020:preescolar:ordinaria-3",
                Progress.EN_PROCESO, "12 de 20 niños", "Sumar 2°", "docente.ana", Instant.EPOCH, 1)));
        for (String expected : List.of("Programa Escolar de Mejora Continua", "Ciclo escolar 2019-2020",
                "versión 3, con cambios después de la publicada", "Aprovechamiento académico y asistencia de los"
                        + " alumnos", "Incrementar el porcentaje de niños de 3° que narran con secuencia a 75"
                        + " (porcentaje) para el 30 de junio de 2020", "50 % en diciembre (para el 13 de diciembre de"
                        + " 2019)", "Borrador de la ronda", "Prácticas docentes y directivas", "Seguimiento en las"
                        + " sesiones del CTE", "En proceso", "12 de 20 niños")) {
            assertTrue(expected + " in:\n" + draft, draft.replaceAll("\\s+", " ").contains(expected));
        }

        String published = printed(programme.asPublished(), List.of());
        assertTrue(published, published.contains("Ronda de narración"));
        assertTrue(published, published.contains("versión publicada el 1 de octubre de 2019"));
        assertFalse(published, published.contains("Borrador de la ronda"));
        assertFalse(published, published.contains("Seguimiento en las sesiones"));
    }
}
