package mx.cte.exchange.api;

import java.util.List;
import mx.cte.schools.api.Cct;

/**
 * The suggestion for a zone (or a whole state): groups of schools with common problems, best first, the pairs behind
 * them, and the schools left without a match or without a published presentation.
 */
public record Matching(String scope, String session, List<ExchangeGroup> groups, List<SchoolMatch> pairs,
        List<Cct> unmatched, List<Cct> unpublished, long millis) {

    public Matching {
        groups = List.copyOf(groups);
        pairs = List.copyOf(pairs);
        unmatched = List.copyOf(unmatched);
        unpublished = List.copyOf(unpublished);
    }
}
