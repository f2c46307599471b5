package mx.cte.schools.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class SchoolStructureTypesTest {

    @Test
    public void acceptsWellFormedCctsAndTellsTheirState() {
        Cct cct = Cct.parse(" 15ejn0123x ");
        assertEquals("15EJN0123X", cct.value());
        assertEquals(State.MEXICO, cct.state());
        assertEquals(State.CIUDAD_DE_MEXICO, Cct.parse("09DPR1234Z").state());
    }

    @Test
    public void refusesCctsOfTheWrongShapeOrStateSayingWhy() {
        for (String bad : List.of("15EJN012X", "15EJN01234X", "15E1N0123X", "15EJN0123", "1XEJN0123X", "")) {
            assertFalse(bad, Cct.isValid(bad));
        }
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> Cct.parse("15EJN012X"));
        assertTrue(shape.getMessage(), shape.getMessage().contains("15EJN0123X"));
        IllegalArgumentException state = assertThrows(IllegalArgumentException.class, () -> Cct.parse("33EJN0123X"));
        assertTrue(state.getMessage(), state.getMessage().contains("01 a 32"));
        assertFalse(Cct.isValid("00EJN0123X"));
    }

    @Test
    public void readsStatesByNumberOrNameAsCataloguesWriteThem() {
        assertEquals(Optional.of(State.MEXICO), State.parse("15"));
        assertEquals(Optional.of(State.CIUDAD_DE_MEXICO), State.parse("9"));
        assertEquals(Optional.of(State.MEXICO), State.parse("MÉXICO"));
        assertEquals(Optional.of(State.MEXICO), State.parse("Estado de México"));
        assertEquals(Optional.of(State.CIUDAD_DE_MEXICO), State.parse("CDMX"));
        assertEquals(Optional.of(State.MICHOACAN), State.parse("michoacan"));
        assertEquals(Optional.of(State.VERACRUZ), State.parse("Veracruz"));
        assertEquals(Optional.of(State.NUEVO_LEON), State.parse("NUEVO LEON"));
        assertEquals(Optional.empty(), State.parse("33"));
        assertEquals(Optional.empty(), State.parse("Texas"));
        assertEquals(32, State.values().length);
    }

    @Test
    public void readsLevelsAndShiftsInTheCataloguesWords() {
        assertEquals(Optional.of(Level.PREESCOLAR), Level.parse("EDUCACIÓN PREESCOLAR"));
        assertEquals(Optional.of(Level.PRIMARIA), Level.parse("Primaria"));
        assertEquals(Optional.empty(), Level.parse("bachillerato"));
        assertEquals(Optional.of(Shift.CONTINUO), Shift.parse("CONTINUO (TIEMPO COMPLETO)"));
        assertEquals(Optional.of(Shift.JORNADA_AMPLIADA), Shift.parse("JORNADA AMPLIADA"));
        assertEquals(Optional.of(Shift.VESPERTINO), Shift.parse("vespertino"));
        assertEquals(Optional.empty(), Shift.parse("sabatino"));
    }

    @Test
    public void zonesAreNumberedWithinStateAndLevel() {
        ZoneId zone = ZoneId.parse("15-preescolar-015");
        assertEquals(new ZoneId(State.MEXICO, Level.PREESCOLAR, 15), zone);
        assertEquals("15-preescolar-015", zone.key());
        assertThrows(IllegalArgumentException.class, () -> ZoneId.parse("15-bachillerato-1"));
        assertThrows(IllegalArgumentException.class, () -> ZoneId.parse("15-preescolar-0"));
        assertThrows(IllegalArgumentException.class, () -> ZoneId.parse("zona 15"));
    }

    @Test
    public void structureProblemsNameTheGroupAndTheRule() {
        SchoolStructure regular = new SchoolStructure(false, List.of(SchoolGroup.of(1, "A"), SchoolGroup.of(4, "A"),
                new SchoolGroup("B", List.of(1, 2)), SchoolGroup.of(1, "a")));
        List<String> problems = regular.problems(Level.PREESCOLAR);
        assertEquals(problems.toString(), 3, problems.size());
        assertTrue(problems.get(0), problems.get(0).contains("grado 4"));
        assertTrue(problems.get(1), problems.get(1).contains("multigrado"));
        assertTrue(problems.get(2), problems.get(2).contains("repetido"));
        assertEquals(List.of(), new SchoolStructure(true, List.of(new SchoolGroup("Único", List.of(3, 1, 2))))
                .problems(Level.PREESCOLAR));
        assertEquals(List.of(1, 2, 3), new SchoolGroup("Único", List.of(3, 1, 2, 1)).grades());
        assertThrows(IllegalArgumentException.class, () -> SchoolGroup.of(1, "A;DROP"));
    }
}
