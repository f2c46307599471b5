package mx.cte.programme.api;

import java.time.Instant;
import mx.cte.schools.api.Cct;

/**
 * A school's programme of one school year.
 *
 * @param cycle       the school year, {@code 2019-2020}
 * @param carriedFrom the school year it was carried over from; null when written anew
 * @param published   what supervisors read: the content as the school last published it; null until then
 */
public record Programme(Cct school, String cycle, ProgrammeKind kind, ProgrammeContent content, String carriedFrom,
        String updatedBy, Instant updatedAt, long version, ProgrammeContent published, String publishedBy,
        Instant publishedAt) {

    /** The programme as its supervisors see it: the published content in place of the draft. */
    public Programme asPublished() {
        return new Programme(school, cycle, kind, published, carriedFrom, publishedBy, publishedAt, version,
                published, publishedBy, publishedAt);
    }
}
