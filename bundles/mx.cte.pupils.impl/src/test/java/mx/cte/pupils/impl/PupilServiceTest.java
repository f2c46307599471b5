package mx.cte.pupils.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.pupils.api.Area;
import mx.cte.pupils.api.GroupTally;
import mx.cte.pupils.api.GroupTeachers;
import mx.cte.pupils.api.ImportResult;
import mx.cte.pupils.api.Light;
import mx.cte.pupils.api.Pupil;
import mx.cte.pupils.api.PupilDraft;
import mx.cte.pupils.api.PupilPlace;
import mx.cte.pupils.api.Risk;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.ZoneId;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.StaleVersionException;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Pupils' records on H2 and PostgreSQL: checked, versioned, every named read audited, counted without names. */
@RunWith(Parameterized.class)
public class PupilServiceTest {

    private static final Cct SCHOOL = Cct.parse("15EPR0101A");
    private static final String CYCLE = "2019-2020";
    private static final Instant NOW = Instant.parse("2019-11-29T15:00:00Z");

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final List<String> audited = new ArrayList<>();
    private final Database database;
    private final AuditLog audit;

    public PupilServiceTest(DatabaseKind kind) {
        audit = (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditLog.class},
                (proxy, method, args) -> {
                    audited.add(method.getName().equals("recordAs") ? args[0] + " " + args[1] + " " + args[2] + ": "
                            + args[3] : args[0] + " " + args[1] + ": " + args[2]);
                    return null;
                });
        database = TestDatabases.fresh(kind);
    }

    static SchoolDirectory directory() {
        School school = new School(SCHOOL, "Escuela Primaria Benito Juárez", "Toluca", Level.PRIMARIA,
                ZoneId.parse("15-primaria-021"), Shift.MATUTINO, false, List.of(SchoolGroup.of(1, "A"),
                        SchoolGroup.of(3, "A"), SchoolGroup.of(3, "B")), 1);
        return (SchoolDirectory) Proxy.newProxyInstance(PupilServiceTest.class.getClassLoader(),
                new Class<?>[] {SchoolDirectory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "school" -> args[0].equals(SCHOOL) ? Optional.of(school) : Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private PupilService service(Instant now, int retentionYears, String onExpiry) {
        return new PupilService(database, audit, directory(), Clock.fixed(now, ZoneOffset.UTC), retentionYears,
                onExpiry);
    }

    private static PupilDraft pupil(String name, String group, Light reading, Risk risk, Integer attendance) {
        return new PupilDraft(name, 3, group, reading, Light.EN_DESARROLLO, Light.ESPERADO, attendance, risk,
                "Lectura diaria con un compañero tutor");
    }

    @Test
    public void aPupilIsRecordedReadByItsGroupAndChangedOnlyFromTheVersionRead() {
        PupilService pupils = service(NOW, 1, "anonimizar");
        Pupil sofia = pupils.add(SCHOOL, CYCLE, pupil("  Sofía   Ramírez ", "a", Light.REQUIERE_APOYO, Risk.ALTO,
                72), "docente.ana");
        pupils.add(SCHOOL, CYCLE, pupil("Mateo Cruz", "B", Light.ESPERADO, Risk.BAJO, 95), "docente.ana");
        assertEquals("Sofía Ramírez", sofia.content().name());
        assertEquals("the group as the school calls it", "A", sofia.content().group());

        List<Pupil> group = pupils.ofGroup(SCHOOL, CYCLE, 3, "A", "docente.ana");
        assertEquals(List.of("Sofía Ramírez"), group.stream().map(p -> p.content().name()).toList());
        assertTrue(audited.toString(), audited.contains("docente.ana alumnos-consultados 15EPR0101A 2019-2020 3° A: 1"
                + " alumnos con nombre"));
        assertFalse("no name in the audit log", audited.toString().contains("Sofía"));

        Pupil changed = pupils.update(SCHOOL, sofia.id(), pupil("Sofía Ramírez", "A", Light.EN_DESARROLLO, Risk.MEDIO,
                80), 1, "directora.rosa");
        assertEquals(2, changed.version());
        assertThrows(StaleVersionException.class, () -> pupils.update(SCHOOL, sofia.id(), pupil("Sofía Ramírez", "A",
                Light.ESPERADO, Risk.BAJO, 90), 1, "docente.ana"));
        assertThrows(StaleVersionException.class, () -> pupils.remove(SCHOOL, sofia.id(), 1, "docente.ana"));
        pupils.remove(SCHOOL, sofia.id(), 2, "docente.ana");
        assertEquals(List.of("Mateo Cruz"), pupils.ofSchool(SCHOOL, CYCLE, "directora.rosa").stream()
                .map(p -> p.content().name()).toList());
        assertTrue(audited.contains("directora.rosa alumnos-exportados 15EPR0101A 2019-2020: 1 alumnos con nombre"));
    }

    @Test
    public void theDirectorAssignsTeachersToEachGroupForTheYear() {
        PupilService pupils = service(NOW, 1, "anonimizar");
        assertEquals("every group of the school, nobody assigned yet", List.of(List.of(), List.of(), List.of()),
                pupils.assignments(SCHOOL, CYCLE).stream().map(GroupTeachers::teachers).toList());
        pupils.assign(SCHOOL, CYCLE, SchoolGroup.of(3, "a"), List.of("docente.luis", "docente.ana", "docente.ana"),
                "directora.rosa");
        GroupTeachers threeA = pupils.assignments(SCHOOL, CYCLE).get(1);
        assertEquals("A", threeA.group().name());
        assertEquals(List.of("docente.ana", "docente.luis"), threeA.teachers());
        assertTrue(threeA.covers(3, " a "));
        assertFalse(threeA.covers(1, "A"));
        assertTrue("another year starts empty", pupils.assignments(SCHOOL, "2020-2021").stream()
                .allMatch(a -> a.teachers().isEmpty()));
        pupils.assign(SCHOOL, CYCLE, SchoolGroup.of(3, "A"), List.of("docente.ana"), "directora.rosa");
        assertEquals("replaced", List.of("docente.ana"), pupils.assignments(SCHOOL, CYCLE).get(1).teachers());
        assertTrue(audited.toString(), audited.contains("grupo-asignado 15EPR0101A 2019-2020 3° A: docente.ana"));
        InvalidContentException unknown = assertThrows(InvalidContentException.class, () -> pupils.assign(SCHOOL,
                CYCLE, SchoolGroup.of(2, "A"), List.of("docente.ana"), "directora.rosa"));
        assertEquals("grupo", unknown.problems().get(0).field());

        Pupil sofia = pupils.add(SCHOOL, CYCLE, pupil("Sofía Ramírez", "A", Light.ESPERADO, Risk.BAJO, 90), "x");
        pupils.add(SCHOOL, CYCLE, pupil("Mateo Cruz", "B", Light.ESPERADO, Risk.BAJO, 95), "x");
        assertEquals(Optional.of(new PupilPlace(CYCLE, 3, "A")), pupils.placeOf(SCHOOL, sofia.id()));
        assertEquals(List.of("Sofía Ramírez"), pupils.ofGroups(SCHOOL, CYCLE, List.of(SchoolGroup.of(3, "A")),
                "docente.ana").stream().map(p -> p.content().name()).toList());
        assertTrue(audited.contains("docente.ana alumnos-exportados 15EPR0101A 2019-2020 3° A: 1 alumnos con"
                + " nombre"));

        InvalidContentException notHers = assertThrows(InvalidContentException.class, () -> pupils.importList(SCHOOL,
                CYCLE, new ByteArrayInputStream("grado,grupo,nombre\n3,A,Eva Solís\n3,B,Pedro Gil\n"
                        .getBytes(StandardCharsets.UTF_8)), "docente.ana",
                place -> place.group().equals("A")));
        assertEquals(List.of("linea 3: el grupo 3° B no le está asignado; la dirección asigna los grupos"),
                notHers.problems().stream().map(InvalidContentException.FieldProblem::message).toList());
        assertEquals("all or nothing", 2, pupils.ofSchool(SCHOOL, CYCLE, "x").size());

        // The year's assignments go with its named records when the retention period ends.
        assertEquals(2, service(Instant.parse("2021-08-01T12:00:00Z"), 1, "anonimizar").applyRetention());
        assertTrue(pupils.assignments(SCHOOL, CYCLE).stream().allMatch(a -> a.teachers().isEmpty()));
    }

    @Test
    public void aRecordIsRefusedWithEveryFieldAtFault() {
        InvalidContentException refused = assertThrows(InvalidContentException.class, () -> service(NOW, 1,
                "anonimizar").add(SCHOOL, CYCLE, new PupilDraft(" ", 2, "A", null, null, null, 120, null, ""),
                "docente.ana"));
        assertEquals(List.of("nombre", "grupo", "asistencia"), refused.problems().stream()
                .map(InvalidContentException.FieldProblem::field).toList());
        assertTrue(refused.problems().get(1).message(), refused.problems().get(1).message().contains("sus grupos: 1°"
                + " A, 3° A, 3° B"));
    }

    @Test
    public void aGroupListFromASpreadsheetIsImportedAllOrNothing() {
        PupilService pupils = service(NOW, 1, "anonimizar");
        pupils.add(SCHOOL, CYCLE, pupil("Mateo Cruz", "B", null, null, null), "docente.ana");
        String list = "Grado;Grupo;Nombre del alumno;CURP\r\n3°;A;José Peña;PEXJ120304HMCXXX01\r\n3;B;mateo cruz;\r\n"
                + "1;A;Ana Núñez;\r\n;;;\r\n";
        ImportResult result = pupils.importList(SCHOOL, CYCLE, new ByteArrayInputStream(list.getBytes(
                Charset.forName("windows-1252"))), "directora.rosa");
        assertEquals(2, result.added());
        assertEquals("already recorded, whatever the case", List.of("mateo cruz (3° B)"), result.skipped());
        assertEquals(List.of("José Peña"), pupils.ofGroup(SCHOOL, CYCLE, 3, "A", "x").stream()
                .map(p -> p.content().name()).toList());

        String broken = "grado,grupo,nombre\n3,A,Luisa Ortiz\n7,A,Pedro Gil\n2,A,Eva Solís\n";
        InvalidContentException refused = assertThrows(InvalidContentException.class, () -> pupils.importList(SCHOOL,
                CYCLE, new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "directora.rosa"));
        assertEquals(2, refused.problems().size());
        assertTrue(refused.getMessage(), refused.problems().get(0).message().startsWith("linea 3: el grado '7'"));
        assertTrue(refused.getMessage(), refused.problems().get(1).message().startsWith("linea 4: la escuela"));
        assertTrue("nothing of a refused list is stored", pupils.ofGroup(SCHOOL, CYCLE, 3, "A", "x").stream()
                .noneMatch(p -> p.content().name().equals("Luisa Ortiz")));
        assertThrows(InvalidContentException.class, () -> pupils.importList(SCHOOL, CYCLE, new ByteArrayInputStream(
                "nombre,apellido\nAna,Núñez\n".getBytes(StandardCharsets.UTF_8)), "directora.rosa"));
    }

    @Test
    public void aGroupListSavedAsAnExcelWorkbookIsImportedToo() throws Exception {
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(xlsx, "Escuela", "1.0");
        org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("3A");
        sheet.value(0, 0, "Nombre del alumno");
        sheet.value(0, 1, "Grado");
        sheet.value(0, 2, "Grupo");
        sheet.value(1, 0, "Ximena Ruiz");
        sheet.value(1, 1, 3);
        sheet.value(1, 2, "A");
        sheet.value(3, 0, "Pablo Díaz");
        sheet.value(3, 1, 9);
        sheet.value(3, 2, "A");
        workbook.finish();
        PupilService pupils = service(NOW, 1, "anonimizar");
        InvalidContentException refused = assertThrows(InvalidContentException.class, () -> pupils.importList(SCHOOL,
                CYCLE, new ByteArrayInputStream(xlsx.toByteArray()), "directora.rosa"));
        assertTrue("the line the school sees in its sheet", refused.problems().get(0).message().startsWith(
                "linea 4: el grado '9'"));

        xlsx.reset();
        workbook = new org.dhatim.fastexcel.Workbook(xlsx, "Escuela", "1.0");
        sheet = workbook.newWorksheet("3A");
        sheet.value(0, 0, "grado");
        sheet.value(0, 1, "grupo");
        sheet.value(0, 2, "alumno");
        sheet.value(1, 0, 3);
        sheet.value(1, 1, "A");
        sheet.value(1, 2, "Ximena Ruiz");
        workbook.finish();
        assertEquals(1, pupils.importList(SCHOOL, CYCLE, new ByteArrayInputStream(xlsx.toByteArray()),
                "directora.rosa").added());
        assertEquals(List.of("Ximena Ruiz"), pupils.ofGroup(SCHOOL, CYCLE, 3, "A", "x").stream()
                .map(p -> p.content().name()).toList());
    }

    @Test
    public void supervisionCountsEachGroupWithoutNames() {
        PupilService pupils = service(NOW, 1, "anonimizar");
        pupils.add(SCHOOL, CYCLE, pupil("Sofía Ramírez", "A", Light.REQUIERE_APOYO, Risk.ALTO, 72), "docente.ana");
        pupils.add(SCHOOL, CYCLE, pupil("José Peña", "A", Light.REQUIERE_APOYO, Risk.BAJO, 98), "docente.ana");
        pupils.add(SCHOOL, CYCLE, pupil("Mateo Cruz", "B", null, null, null), "docente.ana");
        audited.clear();
        List<GroupTally> tallies = pupils.tallies(List.of(SCHOOL), CYCLE);
        assertEquals(2, tallies.size());
        GroupTally a = tallies.get(0);
        assertEquals(2, a.pupils());
        assertEquals(2, (int) a.lights().get(Area.READING).get(Light.REQUIERE_APOYO));
        assertEquals(2, (int) a.lights().get(Area.WRITING).get(Light.EN_DESARROLLO));
        assertEquals(1, (int) a.risks().get(Risk.ALTO));
        assertEquals(1, a.lowAttendance());
        assertEquals("a pupil not yet assessed is not counted", 0, (int) tallies.get(1).lights().get(Area.READING)
                .values().stream().mapToInt(Integer::intValue).sum());
        assertTrue("counting reads no name", audited.isEmpty());
    }

    @Test
    public void afterTheRetentionPeriodNamesAreRemovedAndTheCountsStay() {
        service(NOW, 1, "anonimizar").add(SCHOOL, CYCLE, pupil("Sofía Ramírez", "A", Light.REQUIERE_APOYO, Risk.ALTO,
                72), "docente.ana");
        service(NOW, 1, "anonimizar").add(SCHOOL, "2020-2021", pupil("José Peña", "A", Light.ESPERADO, Risk.BAJO,
                98), "docente.ana");

        assertEquals("the year after its end is still within the period", 0, service(Instant.parse(
                "2021-07-31T12:00:00Z"), 1, "anonimizar").applyRetention());
        PupilService later = service(Instant.parse("2021-08-01T12:00:00Z"), 1, "anonimizar");
        assertEquals(1, later.applyRetention());
        assertTrue(later.ofSchool(SCHOOL, CYCLE, "x").isEmpty());
        assertEquals(1, later.tallies(List.of(SCHOOL), CYCLE).get(0).pupils());
        assertEquals(1, later.ofSchool(SCHOOL, "2020-2021", "x").size());
        assertEquals("harmless to run again", 0, later.applyRetention());
        assertTrue(audited.toString(), audited.stream().anyMatch(a -> a.startsWith(
                "alumnos-anonimizados-por-retencion ciclo 2019-2020: 1 registros")));

        PupilService deleting = service(Instant.parse("2022-08-01T12:00:00Z"), 1, "eliminar");
        assertEquals(1, deleting.applyRetention());
        assertTrue(deleting.tallies(List.of(SCHOOL), "2020-2021").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> service(NOW, 1, "olvidar"));
    }
}
