package mx.cte.results.api;

import java.util.List;
import java.util.Map;

/**
 * Activity 3 for one grade: for each expected result of the grade, how its groups assessed it, computed from their
 * ratings, and the team's own text.
 *
 * @param groups    the school's groups of the grade
 * @param suggested the coincidences written out from the ratings, offered while the team has written none
 */
public record GradeCoincidences(int grade, List<String> groups, List<Convergence> results, String suggested,
        GradeTeamWork teamWork) {

    public GradeCoincidences {
        groups = List.copyOf(groups);
        results = List.copyOf(results);
    }

    /**
     * @param counts    how many groups gave each progress
     * @param hardestIn the groups that count it among their hardest
     * @param unrated   the groups that have not assessed it yet
     * @param shared    every group of the grade gave it the same progress
     */
    public record Convergence(ExpectedResult result, Map<Progress, Integer> counts, List<String> hardestIn,
            List<String> unrated, boolean shared) {

        public Convergence {
            counts = Map.copyOf(counts);
            hardestIn = List.copyOf(hardestIn);
            unrated = List.copyOf(unrated);
        }
    }
}
