package mx.cte.results.api;

/**
 * The teacher's answers for a group (activity 2) beyond the per-result assessment.
 *
 * @param workedActions    which actions worked best
 * @param failedActions    which did not
 * @param attribution      to what in their teaching the teacher attributes it
 * @param materialsToShare which materials or resources helped and are worth sharing with colleagues
 * @param version          0 while nothing has been written
 */
public record GroupReflection(String workedActions, String failedActions, String attribution,
        String materialsToShare, long version) {

    public GroupReflection {
        workedActions = strip(workedActions);
        failedActions = strip(failedActions);
        attribution = strip(attribution);
        materialsToShare = strip(materialsToShare);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    public static GroupReflection empty() {
        return new GroupReflection("", "", "", "", 0);
    }
}
