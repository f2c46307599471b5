package mx.cte.exchange.api;

import java.util.List;
import mx.cte.schools.api.Cct;

/**
 * The suggestion for a zone (or a whole state): groups of schools with common problems, best first, the pairs behind
 * them, the schools left without a match (and why each was) or without a published presentation.
 */
public record Matching(String scope, String session, List<ExchangeGroup> groups, List<SchoolMatch> pairs,
        List<Cct> unmatched, List<Cct> unpublished, long millis, List<Unpaired> whyUnmatched) {

    public Matching {
        groups = List.copyOf(groups);
        pairs = List.copyOf(pairs);
        unmatched = List.copyOf(unmatched);
        unpublished = List.copyOf(unpublished);
        whyUnmatched = List.copyOf(whyUnmatched);
    }

    /** A suggestion that does not say why a school was left without a match (exchange.api 2.0). */
    public Matching(String scope, String session, List<ExchangeGroup> groups, List<SchoolMatch> pairs,
            List<Cct> unmatched, List<Cct> unpublished, long millis) {
        this(scope, session, groups, pairs, unmatched, unpublished, millis, List.of());
    }
}
