package mx.cte.results.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import mx.cte.results.api.ConcentrateItem;
import mx.cte.results.api.ExpectedResult;
import mx.cte.results.api.ExpectedResultDraft;
import mx.cte.results.api.GradeCoincidences.Convergence;
import mx.cte.results.api.Period;
import mx.cte.results.api.Progress;
import mx.cte.results.api.Rating;
import mx.cte.results.api.Tally;
import mx.cte.results.impl.Aggregation.Count;
import mx.cte.schools.api.Cct;
import org.junit.Test;

public class AggregationTest {

    private static final Cct SCHOOL = Cct.parse("15EJN0101A");
    private static final Period NOVEMBER = new Period("2016-11");

    private static ExpectedResult result(long id, int grade, String group, String area, String text) {
        return new ExpectedResult(id, SCHOOL, NOVEMBER, new ExpectedResultDraft(grade, group, area, text,
                "Objetivo " + id, "Meta " + id), 1);
    }

    private static Rating rating(long id, String group, Progress progress, boolean hardest) {
        return new Rating(id, group, progress, hardest, "", "docente", 1);
    }

    @Test
    public void aGradesResultAppliesToEveryGroupAndAGroupsOwnOnlyToIt() {
        ExpectedResult wholeGrade = result(1, 2, null, "Convivencia", "Dialogan");
        ExpectedResult onlyB = result(2, 2, "B", "Lenguaje oral", "Narran");
        assertTrue(Aggregation.appliesTo(wholeGrade, 2, "A"));
        assertTrue(Aggregation.appliesTo(onlyB, 2, "b"));
        assertFalse(Aggregation.appliesTo(onlyB, 2, "A"));
        assertFalse(Aggregation.appliesTo(wholeGrade, 1, "A"));
    }

    @Test
    public void coincidencesCountEachGroupsProgressAndNameTheHardestAndTheUnrated() {
        List<ExpectedResult> results = List.of(result(1, 2, null, "Convivencia", "Resuelven conflictos dialogando"),
                result(2, 2, null, "Lenguaje oral", "Narran sucesos en orden"),
                result(3, 2, "C", "Pensamiento matemático", "Cuentan hasta 20"),
                result(4, 1, null, "Convivencia", "Es de primero"));
        List<Rating> ratings = List.of(rating(1, "A", Progress.LOGRADO, false), rating(1, "B", Progress.LOGRADO, false),
                rating(1, "C", Progress.LOGRADO, false), rating(2, "A", Progress.SIN_AVANCE, true),
                rating(2, "B", Progress.EN_PROCESO, true), rating(3, "C", Progress.EN_PROCESO, false));

        List<Convergence> convergences = Aggregation.convergences(2, List.of("A", "B", "C"), results, ratings);

        assertEquals("only the second grade's results", 3, convergences.size());
        Convergence dialogue = convergences.get(0);
        assertTrue(dialogue.shared());
        assertEquals(Integer.valueOf(3), dialogue.counts().get(Progress.LOGRADO));
        Convergence narrate = convergences.get(1);
        assertFalse(narrate.shared());
        assertEquals(List.of("A", "B"), narrate.hardestIn());
        assertEquals(List.of("C"), narrate.unrated());
        assertEquals(Map.of(Progress.LOGRADO, 0, Progress.EN_PROCESO, 1, Progress.SIN_AVANCE, 1), narrate.counts());
        Convergence count = convergences.get(2);
        assertTrue("group C's own result concerns only C", count.shared());

        assertEquals("Todos los grupos lo valoran como logrado: «Resuelven conflictos dialogando».\n"
                + "Representa mayor dificultad en A, B: «Narran sucesos en orden».",
                Aggregation.suggestedCoincidences(List.of("A", "B", "C"), convergences));
    }

    @Test
    public void theProposalMakesAchievementsOfMajoritiesAndChallengesOfWhatDoesNotAdvance() {
        List<ExpectedResult> results = List.of(result(1, 1, null, "Convivencia", "Dialogan"),
                result(2, 2, null, "Convivencia", "Dialogan."),
                result(3, 2, null, "Lenguaje oral", "Narran"),
                result(4, 2, null, "Pensamiento matemático", "Cuentan"),
                result(5, 2, null, "Lenguaje escrito", "Escriben su nombre"),
                result(6, 2, null, "Participación en clase", "Sin valorar"));
        List<Rating> ratings = List.of(rating(1, "A", Progress.LOGRADO, false),
                rating(2, "A", Progress.LOGRADO, false), rating(2, "B", Progress.LOGRADO, false),
                rating(2, "C", Progress.EN_PROCESO, false),
                rating(3, "A", Progress.EN_PROCESO, false), rating(3, "B", Progress.SIN_AVANCE, false),
                rating(4, "A", Progress.EN_PROCESO, false), rating(4, "B", Progress.EN_PROCESO, true),
                rating(5, "A", Progress.EN_PROCESO, false), rating(5, "B", Progress.LOGRADO, false));

        List<ConcentrateItem> proposal = Aggregation.proposal(results, ratings);

        assertEquals(List.of("logro Dialogan [1, 2]", "desafio Narran [2]", "desafio Cuentan [2]"),
                proposal.stream().map(i -> i.kind().wireName() + " " + i.text() + " " + i.grades()).toList());
        assertEquals("the Ruta de Mejora link comes from the expected result", "Objetivo 3",
                proposal.get(1).rmeObjective());
    }

    @Test
    public void aCollectiveCountsTheSameResultOfSeveralSchoolsTogether() {
        ExpectedResult here = result(1, 1, null, "Lenguaje oral", "Narran");
        ExpectedResult there = new ExpectedResult(7, Cct.parse("15EJN0105E"), NOVEMBER,
                new ExpectedResultDraft(1, null, "Lenguaje oral", "narran ", "", ""), 1);
        List<ConcentrateItem> alone = Aggregation.proposal(List.of(here), List.of(rating(1, "A", Progress.LOGRADO,
                false)));
        assertEquals(ConcentrateItem.Kind.LOGRO, alone.get(0).kind());
        List<ConcentrateItem> together = Aggregation.proposal(List.of(here, there), List.of(
                rating(1, "A", Progress.LOGRADO, false), rating(7, "Multigrado", Progress.SIN_AVANCE, false)));
        assertEquals("one logrado of two is not a majority, and one group made no progress",
                List.of(ConcentrateItem.Kind.DESAFIO), together.stream().map(ConcentrateItem::kind).toList());
    }

    @Test
    public void rollUpTalliesAddUpByAreaGradeAndOverall() {
        List<Count> counts = List.of(new Count("15EJN0101A", 1, "Convivencia", Progress.LOGRADO, 3),
                new Count("15EJN0101A", 2, "Convivencia", Progress.SIN_AVANCE, 2),
                new Count("15EJN0102B", 2, "Lenguaje oral", Progress.EN_PROCESO, 4));
        assertEquals(Map.of("Convivencia", new Tally(3, 0, 2), "Lenguaje oral", new Tally(0, 4, 0)),
                Aggregation.byArea(counts));
        assertEquals(Map.of(1, new Tally(3, 0, 0), 2, new Tally(0, 4, 2)), Aggregation.byGrade(counts));
        assertEquals(new Tally(3, 4, 2), Aggregation.total(counts));
    }
}
