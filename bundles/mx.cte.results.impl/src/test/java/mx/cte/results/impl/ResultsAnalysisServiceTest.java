package mx.cte.results.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.results.api.Agent;
import mx.cte.results.api.Concentrate;
import mx.cte.results.api.ConcentrateItem;
import mx.cte.results.api.ExpectedResult;
import mx.cte.results.api.ExpectedResultDraft;
import mx.cte.results.api.GradeCoincidences;
import mx.cte.results.api.GradeTeamWork;
import mx.cte.results.api.GroupAssessment;
import mx.cte.results.api.GroupReflection;
import mx.cte.results.api.Period;
import mx.cte.results.api.Progress;
import mx.cte.results.api.Rating;
import mx.cte.results.api.Rollup;
import mx.cte.results.api.StrategyAction;
import mx.cte.results.api.SynthesisFrame;
import mx.cte.results.api.Tally;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.State;
import mx.cte.schools.api.Zone;
import mx.cte.schools.api.ZoneId;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.StaleVersionException;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Activities 2 to 7 and the roll-ups on H2 and PostgreSQL. */
@RunWith(Parameterized.class)
public class ResultsAnalysisServiceTest {

    private static final ZoneId ZONE = ZoneId.parse("15-preescolar-015");
    private static final Cct JARDIN = Cct.parse("15EJN0101A");
    private static final Cct RURAL_1 = Cct.parse("15EJN0104D");
    private static final Cct RURAL_2 = Cct.parse("15EJN0105E");
    private static final Period NOVEMBER = new Period("2016-11");

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final ExpectedResultsService expected;
    private final ResultsAnalysisService analysis;

    public ResultsAnalysisServiceTest(DatabaseKind kind) {
        List<School> schools = List.of(
                new School(JARDIN, "Jardín de Niños Sor Juana", "Toluca", Level.PREESCOLAR, ZONE, Shift.MATUTINO,
                        false, List.of(SchoolGroup.of(1, "A"), SchoolGroup.of(2, "A"), SchoolGroup.of(2, "B")), 1),
                new School(RURAL_1, "Jardín Rural Uno", "Zinacantepec", Level.PREESCOLAR, ZONE, Shift.MATUTINO,
                        true, List.of(new SchoolGroup("Multigrado", List.of(1, 2, 3))), 1),
                new School(RURAL_2, "Jardín Rural Dos", "Zinacantepec", Level.PREESCOLAR, ZONE, Shift.MATUTINO,
                        true, List.of(new SchoolGroup("Multigrado", List.of(1, 2, 3))), 1));
        SchoolDirectory directory = (SchoolDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SchoolDirectory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "school" -> schools.stream().filter(s -> s.cct().equals(args[0])).findFirst();
                    case "schools" -> schools;
                    case "zones" -> List.of(new Zone(ZONE, schools.size()));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        AuditLog audit = (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AuditLog.class}, (proxy, method, args) -> null);
        Database database = TestDatabases.fresh(kind);
        expected = new ExpectedResultsService(database, directory, audit, Clock.systemUTC());
        analysis = new ResultsAnalysisService(database, directory, expected, audit, Clock.systemUTC());
    }

    private ExpectedResult add(Cct school, int grade, String group, String area, String text) {
        return expected.add(school, NOVEMBER, new ExpectedResultDraft(grade, group, area, text,
                "Mejorar la expresión oral", "80 % narra en orden"), "directora");
    }

    @Test
    public void aGroupRatesItsResultsReflectsAndReceivesOtherAgentsObservations() {
        ExpectedResult narrate = add(JARDIN, 2, null, "Lenguaje oral", "Narran sucesos en orden");
        ExpectedResult onlyB = add(JARDIN, 2, "B", "Pensamiento matemático", "Cuentan hasta 20");
        add(JARDIN, 1, null, "Convivencia", "Es de primero");

        Rating rating = analysis.rate(JARDIN, narrate.id(), "a", Progress.SIN_AVANCE, true,
                "Les cuesta ordenar los hechos", 0, "docente.ana");
        assertEquals("the school's spelling of the group", "A", rating.group());
        Rating again = analysis.rate(JARDIN, narrate.id(), "A", Progress.EN_PROCESO, true, "Mejoran con imágenes",
                rating.version(), "docente.ana");
        assertEquals(2, again.version());
        assertThrows("a stale edit", StaleVersionException.class, () -> analysis.rate(JARDIN, narrate.id(), "A",
                Progress.LOGRADO, false, "", 1, "docente.beto"));
        IllegalArgumentException notTheirs = assertThrows(IllegalArgumentException.class, () -> analysis.rate(JARDIN,
                onlyB.id(), "A", Progress.LOGRADO, false, "", 0, "docente.ana"));
        assertTrue(notTheirs.getMessage(), notTheirs.getMessage().startsWith("grupo: el resultado esperado"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> analysis.rate(JARDIN,
                narrate.id(), "Z", Progress.LOGRADO, false, "", 0, "docente.ana"));
        assertEquals("grupo: la escuela no tiene el grupo Z en 2°", unknown.getMessage());
        assertThrows(NoSuchElementException.class, () -> analysis.rate(JARDIN, 9999, "A", Progress.LOGRADO, false,
                "", 0, "docente.ana"));

        GroupReflection reflection = analysis.reflect(JARDIN, NOVEMBER, 2, "A", new GroupReflection(
                "Asamblea diaria", "Fichas de trabajo", "Poca escucha de mi parte", "Cuentos de la biblioteca", 0),
                0, "docente.ana");
        assertEquals(1, reflection.version());
        assertThrows(StaleVersionException.class, () -> analysis.reflect(JARDIN, NOVEMBER, 2, "A",
                GroupReflection.empty(), 0, "docente.beto"));
        analysis.observe(JARDIN, NOVEMBER, 2, "A", Agent.EDUCACION_FISICA, "Siguen instrucciones de dos pasos",
                "profe.fisica");
        assertThrows(IllegalArgumentException.class, () -> analysis.observe(JARDIN, NOVEMBER, 2, "A", Agent.USAER,
                "  ", "usaer"));

        GroupAssessment groupA = analysis.assessment(JARDIN, NOVEMBER, 2, "A");
        assertEquals("the grade's result only; B's own and first grade's are not A's", List.of(narrate.id()),
                groupA.results().stream().map(r -> r.result().id()).toList());
        assertEquals(Progress.EN_PROCESO, groupA.results().get(0).rating().progress());
        assertEquals("Asamblea diaria", groupA.reflection().workedActions());
        assertEquals(List.of(Agent.EDUCACION_FISICA), groupA.observations().stream().map(o -> o.agent()).toList());
        GroupAssessment groupB = analysis.assessment(JARDIN, NOVEMBER, 2, "B");
        assertEquals(2, groupB.results().size());
        assertNull("not rated yet", groupB.results().get(0).rating());
        assertEquals(0, groupB.reflection().version());

        expected.remove(JARDIN, narrate.id(), narrate.version(), "directora");
        assertTrue("a removed result takes its ratings with it",
                analysis.assessment(JARDIN, NOVEMBER, 2, "A").results().isEmpty());
    }

    @Test
    public void gradeTeamsSeeTheirCoincidencesAndWriteTheirSynthesis() {
        ExpectedResult dialogue = add(JARDIN, 2, null, "Convivencia", "Resuelven conflictos dialogando");
        ExpectedResult narrate = add(JARDIN, 2, null, "Lenguaje oral", "Narran sucesos en orden");
        analysis.rate(JARDIN, dialogue.id(), "A", Progress.LOGRADO, false, "", 0, "docente.ana");
        analysis.rate(JARDIN, dialogue.id(), "B", Progress.LOGRADO, false, "", 0, "docente.beto");
        analysis.rate(JARDIN, narrate.id(), "A", Progress.SIN_AVANCE, true, "", 0, "docente.ana");
        analysis.rate(JARDIN, narrate.id(), "B", Progress.EN_PROCESO, true, "", 0, "docente.beto");

        GradeCoincidences second = analysis.coincidences(JARDIN, NOVEMBER).get(0);
        assertEquals(2, second.grade());
        assertEquals(List.of("A", "B"), second.groups());
        assertTrue(second.results().get(0).shared());
        assertTrue(second.suggested(), second.suggested().contains("mayor dificultad en A, B"));
        assertEquals(0, second.teamWork().version());

        GradeTeamWork saved = analysis.saveTeamWork(JARDIN, NOVEMBER, 2, "Narrar es lo más difícil",
                Map.of(SynthesisFrame.FUNCIONARON, "la asamblea diaria porque todos hablan"), 0, "docente.ana");
        assertEquals(1, saved.version());
        assertEquals("", saved.synthesis().get(SynthesisFrame.ESPERADOS));
        GradeTeamWork reread = analysis.coincidences(JARDIN, NOVEMBER).get(0).teamWork();
        assertEquals("la asamblea diaria porque todos hablan", reread.synthesis().get(SynthesisFrame.FUNCIONARON));
        assertThrows(StaleVersionException.class, () -> analysis.saveTeamWork(JARDIN, NOVEMBER, 2, "otra", Map.of(),
                0, "docente.beto"));
        assertThrows(IllegalArgumentException.class, () -> analysis.saveTeamWork(JARDIN, NOVEMBER, 4, "", Map.of(),
                0, "docente.beto"));
    }

    @Test
    public void theEstrategiaGlobalIsValuedActionByAction() {
        StrategyAction reading = analysis.saveStrategyAction(JARDIN, NOVEMBER, 0, "Lectura en voz alta a la entrada",
                "En la escuela", true, "Amplía el vocabulario", 0, "directora");
        analysis.saveStrategyAction(JARDIN, NOVEMBER, 0, "Cuaderno viajero", "Con los padres de familia", false,
                "Pocas familias lo devuelven", 0, "directora");
        StrategyAction changed = analysis.saveStrategyAction(JARDIN, NOVEMBER, reading.id(), reading.action(),
                reading.ambit(), false, "Se interrumpe con los avisos", reading.version(), "docente.ana");
        assertEquals(2, changed.version());
        assertThrows(StaleVersionException.class, () -> analysis.removeStrategyAction(JARDIN, reading.id(), 1,
                "docente.beto"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> analysis.saveStrategyAction(JARDIN, NOVEMBER, 0, " ", "", true, "", 0, "directora"));
        assertEquals("accion: no puede quedar vacío", empty.getMessage());
        assertEquals(List.of(false, false), analysis.strategy(JARDIN, NOVEMBER).stream()
                .map(StrategyAction::contributes).toList());
        analysis.removeStrategyAction(JARDIN, reading.id(), 2, "directora");
        assertEquals(1, analysis.strategy(JARDIN, NOVEMBER).size());
    }

    @Test
    public void theConcentrateStartsFromTheRatingsAndIsTheCollectivesToEdit() {
        ExpectedResult dialogue = add(JARDIN, 2, null, "Convivencia", "Resuelven conflictos dialogando");
        ExpectedResult narrate = add(JARDIN, 2, null, "Lenguaje oral", "Narran sucesos en orden");
        analysis.rate(JARDIN, dialogue.id(), "A", Progress.LOGRADO, false, "", 0, "docente.ana");
        analysis.rate(JARDIN, dialogue.id(), "B", Progress.LOGRADO, false, "", 0, "docente.beto");
        analysis.rate(JARDIN, narrate.id(), "A", Progress.SIN_AVANCE, true, "", 0, "docente.ana");

        Concentrate before = analysis.concentrate(JARDIN, NOVEMBER);
        assertTrue(before.items().isEmpty());
        assertEquals(List.of(ConcentrateItem.Kind.LOGRO, ConcentrateItem.Kind.DESAFIO),
                before.proposal().stream().map(ConcentrateItem::kind).toList());

        assertEquals(2, analysis.prefillConcentrate(JARDIN, NOVEMBER, List.of(), "directora"));
        assertEquals("pre-filling twice adds nothing", 0,
                analysis.prefillConcentrate(JARDIN, NOVEMBER, List.of(), "directora"));
        Concentrate after = analysis.concentrate(JARDIN, NOVEMBER);
        assertTrue(after.proposal().isEmpty());
        ConcentrateItem challenge = after.items().get(1);
        assertEquals("Mejorar la expresión oral", challenge.rmeObjective());

        ConcentrateItem linked = analysis.saveConcentrateItem(JARDIN, NOVEMBER, new ConcentrateItem(challenge.id(),
                challenge.kind(), challenge.area(), challenge.grades(), challenge.text(), challenge.rmeObjective(),
                challenge.rmeGoal(), "Narrar en orden es la base de la meta de expresión oral", challenge.version()),
                "directora");
        assertEquals(2, linked.version());
        assertThrows(StaleVersionException.class, () -> analysis.saveConcentrateItem(JARDIN, NOVEMBER, challenge,
                "docente.ana"));
        IllegalArgumentException badGrade = assertThrows(IllegalArgumentException.class, () -> analysis
                .saveConcentrateItem(JARDIN, NOVEMBER, new ConcentrateItem(0, ConcentrateItem.Kind.DESAFIO, "Otra",
                        List.of(5), "Algo", "", "", "", 0), "directora"));
        assertTrue(badGrade.getMessage(), badGrade.getMessage().startsWith("grados: 5 no existe"));
        analysis.saveConcentrateItem(JARDIN, NOVEMBER, new ConcentrateItem(0, ConcentrateItem.Kind.DESAFIO,
                "Convivencia", List.of(1, 2), "Respetar turnos al hablar", "", "", "", 0), "directora");
        assertEquals(3, analysis.concentrate(JARDIN, NOVEMBER).items().size());
    }

    @Test
    public void aMultigradeCollectiveAnalysesItsSchoolsTogether() {
        ExpectedResult one = add(RURAL_1, 1, null, "Lenguaje oral", "Narran sucesos en orden");
        ExpectedResult two = add(RURAL_2, 1, null, "Lenguaje oral", "Narran sucesos en orden");
        analysis.rate(RURAL_1, one.id(), "Multigrado", Progress.LOGRADO, false, "", 0, "docente.rural1");
        analysis.rate(RURAL_2, two.id(), "Multigrado", Progress.LOGRADO, false, "", 0, "docente.rural2");

        List<ConcentrateItem> together = analysis.collectiveProposal(List.of(RURAL_1, RURAL_2), NOVEMBER);
        assertEquals(1, together.size());
        assertEquals(ConcentrateItem.Kind.LOGRO, together.get(0).kind());
        IllegalArgumentException notAgreed = assertThrows(IllegalArgumentException.class,
                () -> analysis.prefillConcentrate(RURAL_1, NOVEMBER, List.of(RURAL_1, RURAL_2), "docente.rural1"));
        assertEquals("colectivo: aún falta que lo acuerde la dirección de " + RURAL_1 + ", " + RURAL_2,
                notAgreed.getMessage());
        assertEquals(List.of(RURAL_2), analysis.agreeToCollective(List.of(RURAL_2, RURAL_1), RURAL_1, "directora1"));
        assertEquals(List.of(), analysis.agreeToCollective(List.of(RURAL_1, RURAL_2), RURAL_2, "directora2"));
        assertEquals(1, analysis.prefillConcentrate(RURAL_1, NOVEMBER, List.of(RURAL_1, RURAL_2), "docente.rural1"));
        analysis.leaveCollective(List.of(RURAL_1, RURAL_2), RURAL_2, "directora2");
        assertEquals(List.of(RURAL_2), analysis.collectivePending(List.of(RURAL_1, RURAL_2)));
        assertEquals(1, analysis.concentrate(RURAL_1, NOVEMBER).items().size());
        assertTrue("the other school's concentrate is its own",
                analysis.concentrate(RURAL_2, NOVEMBER).items().isEmpty());
    }

    @Test
    public void rollUpsCountOnlyWhatSchoolsPublished() {
        ExpectedResult narrate = add(JARDIN, 2, null, "Lenguaje oral", "Narran sucesos en orden");
        analysis.rate(JARDIN, narrate.id(), "A", Progress.SIN_AVANCE, true, "", 0, "docente.ana");
        analysis.rate(JARDIN, narrate.id(), "B", Progress.LOGRADO, false, "", 0, "docente.beto");
        ExpectedResult rural = add(RURAL_1, 3, null, "Convivencia", "Comparten materiales");
        analysis.rate(RURAL_1, rural.id(), "Multigrado", Progress.EN_PROCESO, false, "", 0, "docente.rural1");

        Rollup nothingYet = analysis.zoneRollup(ZONE, NOVEMBER);
        assertEquals(Tally.ZERO, nothingYet.total());
        assertEquals(3, nothingYet.units().size());

        analysis.publish(JARDIN, NOVEMBER, true, "directora");
        Rollup zone = analysis.zoneRollup(ZONE, NOVEMBER);
        assertEquals(new Tally(1, 0, 1), zone.total());
        assertEquals(Map.of("Lenguaje oral", new Tally(1, 0, 1)), zone.byArea());
        assertEquals(Map.of(2, new Tally(1, 0, 1)), zone.byGrade());
        Rollup.Unit jardin = zone.units().stream().filter(u -> u.key().equals("15EJN0101A")).findFirst().orElseThrow();
        assertEquals(1, jardin.published());
        Rollup.Unit unpublished = zone.units().stream().filter(u -> u.key().equals("15EJN0104D")).findFirst()
                .orElseThrow();
        assertEquals("its drafts stay its own", Tally.ZERO, unpublished.total());

        analysis.publish(RURAL_1, NOVEMBER, true, "docente.rural1");
        Rollup state = analysis.stateRollup(State.byCode("15").orElseThrow(), NOVEMBER);
        assertEquals(1, state.units().size());
        assertEquals(2, state.units().get(0).published());
        assertEquals(new Tally(1, 1, 1), state.total());

        analysis.publish(JARDIN, NOVEMBER, false, "directora");
        assertEquals(new Tally(0, 1, 0), analysis.zoneRollup(ZONE, NOVEMBER).total());
        assertEquals("another period counts nothing", Tally.ZERO,
                analysis.zoneRollup(ZONE, new Period("2016-12")).total());
        assertEquals(Optional.empty(), Optional.ofNullable(analysis.concentrate(JARDIN, NOVEMBER).publishedAt()));
    }
}
