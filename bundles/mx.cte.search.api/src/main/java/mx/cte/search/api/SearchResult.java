package mx.cte.search.api;

import java.util.List;
import java.util.Map;

/**
 * The matches, best first.
 *
 * @param total  how many documents match
 * @param hits   the requested page of them
 * @param facets per requested keyword field, how many matches carry each value, most frequent first
 */
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetCount>> facets) {

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    public record Hit(String id, float score) {
    }

    public record FacetCount(String value, int count) {
    }
}
