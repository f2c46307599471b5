package mx.cte.results.api;

import java.util.List;

/**
 * A group's record for a period (activity 2): every expected result that applies to it (the grade's and the group's
 * own) with its assessment if made, the teacher's reflection and the other agents' observations.
 */
public record GroupAssessment(int grade, String group, List<AssessedResult> results, GroupReflection reflection,
        List<Observation> observations) {

    public GroupAssessment {
        results = List.copyOf(results);
        observations = List.copyOf(observations);
    }

    /** @param rating null while the group has not assessed it */
    public record AssessedResult(ExpectedResult result, Rating rating) {
    }
}
