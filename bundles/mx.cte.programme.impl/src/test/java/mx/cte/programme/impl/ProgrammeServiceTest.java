package mx.cte.programme.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import mx.cte.audit.api.AuditLog;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.programme.api.Action;
import mx.cte.programme.api.FollowUp;
import mx.cte.programme.api.Programme;
import mx.cte.programme.api.ProgrammeContent;
import mx.cte.programme.api.ProgrammeKind;
import mx.cte.programme.api.Progress;
import mx.cte.schools.api.Cct;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.StaleVersionException;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Improvement programmes stored on H2 and PostgreSQL. */
@RunWith(Parameterized.class)
public class ProgrammeServiceTest {

    private static final Cct SCHOOL = Cct.parse("15EPR0101A");
    private static final Cct OTHER_SCHOOL = Cct.parse("15EPR0102B");
    private static final String CYCLE = ProgrammeFixtures.CYCLE;
    private static final String SESSION = ProgrammeFixtures.SESSION;

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final List<String> audited = new ArrayList<>();
    private final ProgrammeService programmes;

    public ProgrammeServiceTest(DatabaseKind kind) {
        AuditLog audit = (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AuditLog.class}, (proxy, method, args) -> {
                    audited.add(args[0] + " " + args[1] + ": " + args[2]);
                    return null;
                });
        programmes = new ProgrammeService(TestDatabases.fresh(kind), audit, Clock.fixed(Instant.parse(
                "2019-10-25T15:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    public void aProgrammeIsWrittenReadBackAndChangedOnlyFromTheVersionItWasRead() {
        Programme first = programmes.save(SCHOOL, CYCLE, ProgrammeKind.PEMC, ProgrammeFixtures.pemc(), 0,
                "directora.rosa");
        assertEquals(1, first.version());
        assertEquals(List.of("a1", "a2"), first.content().actions().stream().map(Action::id).toList());
        assertEquals("Incrementar el porcentaje de alumnos de 3° que leen con fluidez a 80 (porcentaje) para el"
                + " 2020-06-30", programmes.find(SCHOOL, CYCLE).orElseThrow().content().objectives().get(0)
                        .sentence());
        assertEquals(List.of("Directora", "Comité de lectura"), first.content().actions().get(1).responsibles());
        assertNull("unpublished", first.published());

        ProgrammeContent oneAction = new ProgrammeContent(first.content().diagnosis(), first.content().objectives(),
                List.of(first.content().actions().get(0)));
        assertEquals(2, programmes.save(SCHOOL, CYCLE, ProgrammeKind.PEMC, oneAction, 1, "docente.ana").version());
        StaleVersionException stale = assertThrows(StaleVersionException.class, () -> programmes.save(SCHOOL, CYCLE,
                ProgrammeKind.PEMC, ProgrammeFixtures.pemc(), 1, "docente.luis"));
        assertTrue(stale.getMessage(), stale.getMessage().startsWith("El programa de mejora 2019-2020 cambió"));
        assertThrows("a second first save", StaleVersionException.class, () -> programmes.save(SCHOOL, CYCLE,
                ProgrammeKind.PEMC, ProgrammeFixtures.pemc(), 0, "docente.luis"));
        assertEquals(1, programmes.find(SCHOOL, CYCLE).orElseThrow().content().actions().size());
        assertTrue(programmes.find(OTHER_SCHOOL, CYCLE).isEmpty());
        assertEquals(List.of(CYCLE), programmes.cycles(SCHOOL));
        assertEquals("programa-guardado 15EPR0101A 2019-2020: pemc: 1 objetivos, 2 acciones", audited.get(0));
    }

    @Test
    public void aRefusedProgrammeLeavesTheStoredOneAsItWas() {
        programmes.save(SCHOOL, CYCLE, ProgrammeKind.PEMC, ProgrammeFixtures.pemc(), 0, "directora.rosa");
        InvalidContentException refused = assertThrows(InvalidContentException.class, () -> programmes.save(SCHOOL,
                CYCLE, ProgrammeKind.RUTA_DE_MEJORA, ProgrammeFixtures.pemc(), 1, "directora.rosa"));
        assertEquals("diagnostico.aprovechamiento", refused.problems().get(0).field());
        assertEquals(ProgrammeKind.PEMC, programmes.find(SCHOOL, CYCLE).orElseThrow().kind());
        assertEquals(1, programmes.find(SCHOOL, CYCLE).orElseThrow().version());
        InvalidContentException badCycle = assertThrows(InvalidContentException.class, () -> programmes.save(SCHOOL,
                "2019", ProgrammeKind.PEMC, ProgrammeFixtures.pemc(), 0, "directora.rosa"));
        assertEquals("ciclo", badCycle.problems().get(0).field());
    }

    @Test
    public void supervisorsReadWhatWasPublishedNotTheDraftThatFollowed() {
        Programme saved = programmes.save(SCHOOL, CYCLE, ProgrammeKind.PEMC, ProgrammeFixtures.pemc(), 0,
                "directora.rosa");
        assertTrue(programmes.published(List.of(SCHOOL, OTHER_SCHOOL), CYCLE).isEmpty());
        Programme published = programmes.publish(SCHOOL, CYCLE, 1, "directora.rosa");
        assertEquals("publishing keeps the draft's version", 1, published.version());
        assertEquals(Instant.parse("2019-10-25T15:00:00Z"), published.publishedAt());

        ProgrammeContent draft = new ProgrammeContent(saved.content().diagnosis(), saved.content().objectives(),
                List.of(saved.content().actions().get(0)));
        programmes.save(SCHOOL, CYCLE, ProgrammeKind.PEMC, draft, 1, "docente.ana");
        List<Programme> zone = programmes.published(List.of(SCHOOL, OTHER_SCHOOL), CYCLE);
        assertEquals(1, zone.size());
        assertEquals("the supervisor still reads the two published actions", 2, zone.get(0).content().actions()
                .size());
        assertThrows("publishing what another saved meanwhile", StaleVersionException.class,
                () -> programmes.publish(SCHOOL, CYCLE, 1, "directora.rosa"));
        assertTrue(audited.contains("programa-publicado 15EPR0101A 2019-2020: versión 1"));

        programmes.save(OTHER_SCHOOL, CYCLE, ProgrammeKind.PEMC, ProgrammeContent.empty(), 0, "director.juan");
        InvalidContentException empty = assertThrows(InvalidContentException.class,
                () -> programmes.publish(OTHER_SCHOOL, CYCLE, 1, "director.juan"));
        assertEquals("objetivos", empty.problems().get(0).field());
    }

    @Test
    public void eachSessionFollowsUpAnActionOfItsOwnSchoolYear() {
        programmes.save(SCHOOL, CYCLE, ProgrammeKind.PEMC, ProgrammeFixtures.pemc(), 0, "directora.rosa");
        FollowUp third = programmes.followUp(SCHOOL, CYCLE, "a1", SESSION, Progress.EN_PROCESO,
                "3°A pasó de 45 a 58 palabras por minuto", "", 0, "docente.ana");
        assertEquals(1, third.version());
        String fourth = "SEP:2019-2020:primaria:ordinaria-4";
        programmes.followUp(SCHOOL, CYCLE, "a1", fourth, Progress.CUMPLIDA, "", "", 0, "docente.ana");
        programmes.followUp(SCHOOL, CYCLE, "a1", SESSION, Progress.EN_PROCESO, "3°A: 58 ppm", "Sumar 3°B", 1,
                "directora.rosa");
        assertEquals(List.of(SESSION, fourth), programmes.followUps(SCHOOL, CYCLE).stream().map(FollowUp::session)
                .toList());
        assertEquals("Sumar 3°B", programmes.followUps(SCHOOL, CYCLE).get(0).adjustment());
        assertThrows(StaleVersionException.class, () -> programmes.followUp(SCHOOL, CYCLE, "a1", SESSION,
                Progress.CUMPLIDA, "", "", 1, "docente.luis"));

        InvalidContentException refused = assertThrows(InvalidContentException.class, () -> programmes.followUp(
                SCHOOL, CYCLE, "a9", "SEP:2020-2021:primaria:ordinaria-3", Progress.EN_PROCESO, "", "", 0, "x"));
        assertEquals(List.of("accion", "sesion"), refused.problems().stream()
                .map(InvalidContentException.FieldProblem::field).toList());
        assertThrows(NoSuchElementException.class, () -> programmes.followUp(OTHER_SCHOOL, CYCLE, "a1", SESSION,
                Progress.EN_PROCESO, "", "", 0, "x"));

        InvalidContentException removing = assertThrows(InvalidContentException.class, () -> programmes.save(SCHOOL,
                CYCLE, ProgrammeKind.PEMC, new ProgrammeContent(java.util.Map.of(), programmes.find(SCHOOL, CYCLE)
                        .orElseThrow().content().objectives(), List.of()), 1, "directora.rosa"));
        assertTrue(removing.getMessage(), removing.problems().get(0).message().contains("(a1) tiene seguimiento de 2"
                + " sesiones; márquela como suspendida"));
    }

    @Test
    public void theNextSchoolYearCarriesOverTheObjectivesAndTheActionsNotDone() {
        programmes.save(SCHOOL, CYCLE, ProgrammeKind.PEMC, ProgrammeFixtures.pemc(), 0, "directora.rosa");
        programmes.followUp(SCHOOL, CYCLE, "a1", "SEP:2019-2020:primaria:ordinaria-8", Progress.CUMPLIDA, "", "", 0,
                "directora.rosa");
        programmes.followUp(SCHOOL, CYCLE, "a2", "SEP:2019-2020:primaria:ordinaria-10", Progress.EN_PROCESO, "", "",
                0, "directora.rosa");
        programmes.followUp(SCHOOL, CYCLE, "a2", "SEP:2019-2020:primaria:ordinaria-2", Progress.CUMPLIDA, "", "", 0,
                "directora.rosa");

        Programme next = programmes.carryOver(SCHOOL, "2020-2021", "directora.rosa");
        assertEquals(CYCLE, next.carriedFrom());
        assertEquals("the action whose latest session (the tenth) left it in progress", List.of("a2"),
                next.content().actions().stream().map(Action::id).toList());
        assertEquals(1, next.content().objectives().size());
        assertEquals("El 45 % de los alumnos de 3° no lee con fluidez.", next.content().diagnosis().get(
                "aprovechamiento"));
        assertNull(next.published());
        assertEquals(List.of("2020-2021", CYCLE), programmes.cycles(SCHOOL));
        assertThrows("the year has one already", StaleVersionException.class, () -> programmes.carryOver(SCHOOL,
                "2020-2021", "directora.rosa"));
        assertThrows("nothing earlier", NoSuchElementException.class, () -> programmes.carryOver(SCHOOL, "2018-2019",
                "directora.rosa"));
    }
}
