package mx.cte.pupils.api;

import java.time.Instant;
import mx.cte.schools.api.Cct;

/** A pupil of a school in one school year ({@code 2019-2020}). */
public record Pupil(long id, Cct school, String cycle, PupilDraft content, String updatedBy, Instant updatedAt,
        long version) {
}
