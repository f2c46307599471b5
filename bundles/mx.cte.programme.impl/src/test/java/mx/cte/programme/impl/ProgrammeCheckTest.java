package mx.cte.programme.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.programme.api.Action;
import mx.cte.programme.api.Objective;
import mx.cte.programme.api.ProgrammeContent;
import mx.cte.programme.api.ProgrammeKind;
import mx.cte.schools.api.SchoolYears;
import org.junit.Test;

/** A programme is refused with every problem named by its path, and its new items get keys. */
public class ProgrammeCheckTest {

    private static List<String> fields(InvalidContentException refused) {
        return refused.problems().stream().map(InvalidContentException.FieldProblem::field).toList();
    }

    @Test
    public void newItemsGetKeysThatDoNotTakeTheOnesThePageChose() {
        ProgrammeContent checked = ProgrammeCheck.checked(ProgrammeKind.PEMC, new ProgrammeContent(Map.of(),
                List.of(ProgrammeFixtures.reading(""), ProgrammeFixtures.reading("o1")),
                List.of(ProgrammeFixtures.readingAloud(" ", "o2"), ProgrammeFixtures.families("lectura-familias",
                        "o1"))));
        assertEquals(List.of("o2", "o1"), checked.objectives().stream().map(Objective::id).toList());
        assertEquals("m1", checked.objectives().get(0).goals().get(0).id());
        assertEquals(List.of("a1", "lectura-familias"), checked.actions().stream().map(Action::id).toList());
    }

    @Test
    public void everyProblemIsNamedByItsPathAndTheItemTheSchoolCounts() {
        Objective vague = new Objective(null, " ", "el porcentaje", "porcentaje", "80", null, List.of("lectura"),
                List.of());
        Action late = new Action(null, "o9", "aprendizajes", "Círculos de lectura", List.of(), null,
                LocalDate.of(2020, 6, 1), LocalDate.of(2020, 5, 1), "Asistencia");
        InvalidContentException refused = assertThrows(InvalidContentException.class, () -> ProgrammeCheck.checked(
                ProgrammeKind.PEMC, new ProgrammeContent(Map.of("normalidad-minima", "x"), List.of(vague),
                        List.of(late))));
        assertEquals(List.of("diagnostico.normalidad-minima", "objetivos[0].verbo", "objetivos[0].fecha",
                "objetivos[0].ambitos[0]", "acciones[0].objetivo", "acciones[0].ambito", "acciones[0].responsables",
                "acciones[0].fin"), fields(refused));
        assertTrue(refused.getMessage(), refused.problems().get(1).message().startsWith("objetivo 1, verbo: no puede"
                + " quedar vacío"));
        assertTrue(refused.problems().get(4).message().contains("no tiene el objetivo 'o9'"));
        assertTrue("the Ruta de Mejora's priorities are not PEMC areas", refused.problems().get(5).message()
                .contains("aprovechamiento, practicas"));
    }

    @Test
    public void theRutaDeMejoraIsWrittenByItsFourPriorities() {
        Action convivencia = new Action(null, "o1", "convivencia", "Asambleas de grupo semanales", List.of(
                "Docentes"), "", LocalDate.of(2016, 9, 5), LocalDate.of(2017, 6, 30), "Incidentes por mes");
        Objective objective = new Objective(null, "Reducir", "los incidentes de convivencia", "incidentes por mes",
                "2", LocalDate.of(2017, 6, 30), List.of("convivencia"), List.of());
        assertEquals("convivencia", ProgrammeCheck.checked(ProgrammeKind.RUTA_DE_MEJORA, new ProgrammeContent(
                Map.of("convivencia", "Hubo 9 incidentes en septiembre."), List.of(objective), List.of(convivencia)))
                .actions().get(0).area());
    }

    @Test
    public void keysAreUniqueAndWellFormed() {
        InvalidContentException refused = assertThrows(InvalidContentException.class, () -> ProgrammeCheck.checked(
                ProgrammeKind.PEMC, new ProgrammeContent(Map.of(), List.of(ProgrammeFixtures.reading("o1")), List.of(
                        ProgrammeFixtures.readingAloud("o1", "o1"), ProgrammeFixtures.families("Acción 2", "o1")))));
        assertEquals(List.of("acciones[0].id", "acciones[1].id"), fields(refused));
    }

    @Test
    public void aSchoolYearIsTwoYearsInARow() {
        assertTrue(SchoolYears.problem("2019-2020").isEmpty());
        assertTrue(SchoolYears.problem("2019-2021").isPresent());
        assertTrue(SchoolYears.problem("19-20").isPresent());
        assertTrue(SchoolYears.problem(null).isPresent());
    }
}
