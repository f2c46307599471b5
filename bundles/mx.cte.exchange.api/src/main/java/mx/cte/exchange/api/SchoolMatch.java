package mx.cte.exchange.api;

import java.util.List;
import mx.cte.schools.api.Cct;

/**
 * How much two schools' problems have in common, and why.
 *
 * @param score        from 0 to 1: the similarity of their problems, causes, actions and results (Spanish text),
 *                     with their shared indicator areas and grades
 * @param textScore    the text similarity alone
 * @param sharedWords  the words both presentations use that weigh most
 * @param sharedAreas  the indicator areas both concern
 * @param sharedGrades the grades both concern
 * @param reasons      the match explained in Spanish, for the supervisor
 */
public record SchoolMatch(Cct first, Cct second, double score, double textScore, List<String> sharedWords,
        List<String> sharedAreas, List<Integer> sharedGrades, List<String> reasons) {

    public SchoolMatch {
        sharedWords = List.copyOf(sharedWords);
        sharedAreas = List.copyOf(sharedAreas);
        sharedGrades = List.copyOf(sharedGrades);
        reasons = List.copyOf(reasons);
    }
}
