package mx.cte.programme.api;

import java.time.Instant;

/**
 * What a CTE session recorded of one action of the programme: where it stands, what was seen (the evidence) and what
 * the collective adjusts.
 *
 * @param session the session's key, {@code SEP:2019-2020:primaria:ordinaria-3}
 */
public record FollowUp(String action, String session, Progress progress, String comment, String adjustment,
        String updatedBy, Instant updatedAt, long version) {
}
