package mx.cte.results.api;

import java.time.Instant;

/** What another educational agent observed of a group, added to the group's record. */
public record Observation(long id, int grade, String group, Agent agent, String text, String author,
        Instant createdAt) {
}
