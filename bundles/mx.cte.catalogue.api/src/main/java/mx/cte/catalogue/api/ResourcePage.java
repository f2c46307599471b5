package mx.cte.catalogue.api;

import java.util.List;
import java.util.Map;

/**
 * A page of a search and the counts of all its matches by facet.
 *
 * @param facets per facet ({@code tipo}, {@code grado}, {@code area}, {@code criterio}), each value with its count;
 *               criteria as {@code session#key}
 * @param micros how long the search took, in microseconds
 */
public record ResourcePage(long total, List<Resource> resources, Map<String, List<FacetValue>> facets, long micros) {

    public ResourcePage {
        resources = List.copyOf(resources);
        facets = Map.copyOf(facets);
    }

    public record FacetValue(String value, String label, int count) {
    }
}
