package mx.cte.results.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.results.api.ExpectedResult;
import mx.cte.results.api.ExpectedResultDraft;
import mx.cte.results.api.Period;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.ZoneId;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.StaleVersionException;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** The Cuadro de resultados esperados on H2 and PostgreSQL. */
@RunWith(Parameterized.class)
public class ExpectedResultsServiceTest {

    private static final Cct SCHOOL = Cct.parse("15EJN0101A");
    private static final Period OCTOBER = new Period("2016-10");
    private static final Period NOVEMBER = new Period("2016-11");

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final ExpectedResultsService results;
    private final mx.cte.storage.api.Database database;

    public ExpectedResultsServiceTest(DatabaseKind kind) {
        School school = new School(SCHOOL, "Jardín", "Toluca", Level.PREESCOLAR, ZoneId.parse("15-preescolar-015"),
                Shift.MATUTINO, false, List.of(SchoolGroup.of(1, "A"), SchoolGroup.of(2, "A"), SchoolGroup.of(2, "B")),
                1);
        SchoolDirectory directory = (SchoolDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SchoolDirectory.class}, (proxy, method, args) -> {
                    if (method.getName().equals("school")) {
                        return args[0].equals(SCHOOL) ? Optional.of(school) : Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        AuditLog audit = (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AuditLog.class}, (proxy, method, args) -> null);
        database = TestDatabases.fresh(kind);
        results = new ExpectedResultsService(database, directory, audit, java.time.Clock.systemUTC());
    }

    private static ExpectedResultDraft draft(int grade, String group, String area, String text) {
        return new ExpectedResultDraft(grade, group, area, text, "Mejorar el aprendizaje en lenguaje",
                "Que el 80 % de los alumnos narre una experiencia en orden");
    }

    private List<String> texts(Period period) {
        return results.table(SCHOOL, period).stream().map(r -> r.content().text()).toList();
    }

    @Test
    public void aTableReadAgainShowsEveryChangeAtOnceAndAnotherNodesWhenAnnounced() {
        ExpectedResult counting = results.add(SCHOOL, OCTOBER, draft(1, "A", "Pensamiento matemático",
                "Cuentan colecciones de 10"), "docente.ana");
        assertEquals(List.of("Cuentan colecciones de 10"), texts(OCTOBER));
        results.add(SCHOOL, OCTOBER, draft(2, "B", "Lenguaje oral", "Narran sucesos en orden"), "docente.ana");
        assertEquals(2, texts(OCTOBER).size());
        results.update(SCHOOL, counting.id(), draft(1, "A", "Pensamiento matemático", "Cuentan colecciones de 20"),
                counting.version(), "docente.ana");
        assertEquals("Cuentan colecciones de 20", texts(OCTOBER).get(0));
        assertEquals(2, results.copyForward(SCHOOL, OCTOBER, NOVEMBER, "directora"));
        assertEquals(2, texts(NOVEMBER).size());
        ExpectedResult removed = results.table(SCHOOL, NOVEMBER).get(1);
        results.remove(SCHOOL, removed.id(), removed.version(), "directora");
        assertEquals(1, texts(NOVEMBER).size());

        // Another node sharing the database adds a row: this node shows it once it hears the announcement.
        database.inTransaction(connection -> connection.createStatement().executeUpdate("UPDATE results_expected"
                + " SET text = 'Cambiado en otro nodo', version = version + 1 WHERE period = '2016-11'"));
        results.announced(SCHOOL.value());
        assertEquals(List.of("Cambiado en otro nodo"), texts(NOVEMBER));
    }

    @Test
    public void aTableReadInsideAUnitOfWorkThatRollsBackIsNotKept() {
        results.add(SCHOOL, OCTOBER, draft(1, "A", "Pensamiento matemático", "Cuentan colecciones de 10"),
                "docente.ana");
        try (mx.cte.storage.api.Database.UnitOfWork unit = database.beginUnitOfWork()) {
            results.add(SCHOOL, OCTOBER, draft(2, "B", "Lenguaje oral", "Narran sucesos en orden"), "docente.ana");
            assertEquals("the request sees its own write", 2, texts(OCTOBER).size());
        }
        assertEquals("what was rolled back is not shown", List.of("Cuentan colecciones de 10"), texts(OCTOBER));
    }

    @Test
    public void keepsATablePerPeriodByGradeAndGroupAndCopiesItForward() {
        results.add(SCHOOL, OCTOBER, draft(2, "B", "Lenguaje oral", "Narran sucesos en orden"), "docente.ana");
        results.add(SCHOOL, OCTOBER, draft(1, "A", "Pensamiento matemático", "Cuentan colecciones de 10"),
                "docente.ana");
        results.add(SCHOOL, OCTOBER, draft(2, null, "Convivencia", "Resuelven conflictos dialogando"), "directora");

        List<ExpectedResult> october = results.table(SCHOOL, OCTOBER);
        assertEquals(List.of("Cuentan colecciones de 10", "Resuelven conflictos dialogando", "Narran sucesos en orden"),
                october.stream().map(r -> r.content().text()).toList());

        results.add(SCHOOL, NOVEMBER, draft(1, "A", "Pensamiento matemático", "Cuentan colecciones de 10"),
                "docente.ana");
        assertEquals("only what November does not have yet", 2,
                results.copyForward(SCHOOL, OCTOBER, NOVEMBER, "directora"));
        assertEquals(3, results.table(SCHOOL, NOVEMBER).size());
        assertEquals(0, results.copyForward(SCHOOL, OCTOBER, NOVEMBER, "directora"));
        assertEquals("the source table is untouched", 3, results.table(SCHOOL, OCTOBER).size());
    }

    @Test
    public void refusesGradesAndGroupsTheSchoolDoesNotHave() {
        IllegalArgumentException grade = assertThrows(IllegalArgumentException.class, () -> results.add(SCHOOL,
                OCTOBER, draft(4, null, "Lenguaje oral", "x"), "docente.ana"));
        assertTrue(grade.getMessage(), grade.getMessage().contains("grado: 4 no existe en preescolar"));
        IllegalArgumentException group = assertThrows(IllegalArgumentException.class, () -> results.add(SCHOOL,
                OCTOBER, draft(1, "B", "Lenguaje oral", "x"), "docente.ana"));
        assertTrue(group.getMessage(), group.getMessage().contains("no tiene el grupo B en 1°"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> results.add(SCHOOL,
                OCTOBER, draft(1, "A", " ", ""), "docente.ana"));
        assertTrue(empty.getMessage(), empty.getMessage().contains("area:") && empty.getMessage().contains("resultado:"));
    }

    @Test
    public void editsAndRemovalsNeedTheCurrentVersion() {
        ExpectedResult added = results.add(SCHOOL, OCTOBER, draft(2, "A", "Lenguaje escrito", "Escriben su nombre"),
                "docente.ana");
        ExpectedResult edited = results.update(SCHOOL, added.id(), draft(2, "A", "Lenguaje escrito",
                "Escriben su nombre y el de un compañero"), added.version(), "docente.ana");
        assertEquals(added.version() + 1, edited.version());
        assertThrows(StaleVersionException.class, () -> results.remove(SCHOOL, added.id(), added.version(), "x"));
        results.remove(SCHOOL, added.id(), edited.version(), "docente.ana");
        assertEquals(List.of(), results.table(SCHOOL, OCTOBER));
        assertThrows(java.util.NoSuchElementException.class,
                () -> results.update(Cct.parse("15EJN0102B"), added.id(), draft(1, null, "a", "b"), 1, "x"));
    }
}
