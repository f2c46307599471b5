package mx.cte.results.api;

/**
 * A group's assessment of one expected result (activity 2).
 *
 * @param hardest whether the teacher counts it among the results hardest to achieve in the group
 * @param reason  why it is hard, or what made it advance
 */
public record Rating(long expectedResultId, String group, Progress progress, boolean hardest, String reason,
        String updatedBy, long version) {

    public Rating {
        reason = reason == null ? "" : reason.strip();
    }
}
