package mx.cte.exchange.impl;

import static org.junit.Assert.assertEquals;

import java.util.List;
import mx.cte.exchange.api.ExchangeGroup;
import mx.cte.exchange.api.Presentation;
import mx.cte.exchange.api.SchoolMatch;
import mx.cte.schools.api.Cct;
import org.junit.Test;

public class GroupingTest {

    private static Presentation presentation(String cct, List<String> areas, List<Integer> grades) {
        return new Presentation(Cct.parse(cct), "SEP:2016-2017:preescolar:ordinaria-3", "p", "", "", "", "", areas,
                grades, null, 1);
    }

    @Test
    public void aMatchWeighsTextAreasAndGradesAndSaysWhy() {
        SchoolMatch match = Grouping.match(presentation("15EJN0102B", List.of("Lenguaje oral", "Convivencia"),
                List.of(2)), presentation("15EJN0101A", List.of("lenguaje oral"), List.of(2, 3)), 0.5,
                List.of("narrar", "orden"));
        assertEquals("ordered by CCT", Cct.parse("15EJN0101A"), match.first());
        assertEquals(0.7 * 0.5 + 0.2 * 0.5 + 0.1 * 0.5, match.score(), 0.001);
        assertEquals(List.of("Problemáticas parecidas (50 %): comparten «narrar», «orden»",
                "Misma área: Lenguaje oral", "Mismo grado: 2°"), match.reasons());
    }

    private static SchoolMatch pair(String a, String b, double score) {
        return new SchoolMatch(Cct.parse(a), Cct.parse(b), score, score, List.of(), List.of(), List.of(),
                List.of(a + "-" + b));
    }

    @Test
    public void groupsTakeTheStrongestPairsFirstAndGrowOnlyWithSchoolsCloseToEveryMember() {
        List<ExchangeGroup> groups = Grouping.groups(List.of(pair("15EJN0101A", "15EJN0102B", 0.9),
                pair("15EJN0101A", "15EJN0103C", 0.5), pair("15EJN0102B", "15EJN0103C", 0.4),
                pair("15EJN0104D", "15EJN0105E", 0.3), pair("15EJN0101A", "15EJN0104D", 0.2),
                pair("15EJN0106F", "15EJN0107G", 0.1)), 3);
        assertEquals(List.of(List.of("15EJN0101A", "15EJN0102B", "15EJN0103C"), List.of("15EJN0104D", "15EJN0105E")),
                groups.stream().map(g -> g.schools().stream().map(Cct::value).toList()).toList());
        assertEquals("below the minimum nothing is suggested", 2, groups.size());
        assertEquals((0.9 + 0.5 + 0.4) / 3, groups.get(0).score(), 0.001);
        assertEquals(List.of(List.of("15EJN0101A", "15EJN0102B")), Grouping.groups(List.of(
                pair("15EJN0101A", "15EJN0102B", 0.9), pair("15EJN0101A", "15EJN0103C", 0.8)), 2).stream()
                .map(g -> g.schools().stream().map(Cct::value).toList()).toList());
    }
    @Test
    public void aSchoolLeftAloneTakesItsClosestMatchOutOfAGroupOfThreeIntoAPair() {
        List<SchoolMatch> same = List.of(pair("15EJN0101A", "15EJN0102B", 1), pair("15EJN0101A", "15EJN0103C", 1),
                pair("15EJN0102B", "15EJN0103C", 1), pair("15EJN0101A", "15EJN0104D", 0.9),
                pair("15EJN0102B", "15EJN0104D", 0.9), pair("15EJN0103C", "15EJN0104D", 0.9));
        List<ExchangeGroup> groups = Grouping.groups(same, 3);
        assertEquals(List.of(List.of("15EJN0102B", "15EJN0103C"), List.of("15EJN0101A", "15EJN0104D")),
                groups.stream().map(g -> g.schools().stream().map(Cct::value).toList()).toList());

        List<mx.cte.exchange.api.Unpaired> why = Grouping.whyUnpaired(List.of(Cct.parse("15EJN0103C")), 3,
                List.of(pair("15EJN0101A", "15EJN0102B", 0.9), pair("15EJN0101A", "15EJN0103C", 0.8)),
                Grouping.groups(List.of(pair("15EJN0101A", "15EJN0102B", 0.9)), 2), 2, c -> "Jardín " + c.value());
        assertEquals("Lo más parecido es la presentación de Jardín 15EJN0101A (80 % en común), que ya está en un grupo"
                + " completo de 2 escuelas; con grupos más grandes se uniría a él.", why.get(0).reason());
    }
}
