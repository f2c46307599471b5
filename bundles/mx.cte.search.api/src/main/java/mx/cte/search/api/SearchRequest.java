package mx.cte.search.api;

import java.util.List;
import java.util.Map;

/**
 * What to look for.
 *
 * @param text    what the user typed: every word must match in some text field (in any form: "lecturas" finds
 *                "lectura", "matematico" finds "Matemático"); empty to list everything the filters let through
 * @param boosts  the text fields to search and their weights, e.g. {@code {titulo: 3, descripcion: 1}}
 * @param filters per keyword field, the values allowed (any of them); every field given must match
 * @param facets  the keyword fields to count values of, over all the matches
 * @param offset  how many matches to skip
 * @param limit   how many matches to return
 */
public record SearchRequest(String text, Map<String, Float> boosts, Map<String, List<String>> filters,
        List<String> facets, int offset, int limit) {

    public SearchRequest {
        text = text == null ? "" : text.strip();
        boosts = Map.copyOf(boosts);
        filters = Map.copyOf(filters);
        facets = List.copyOf(facets);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit cannot be negative");
        }
    }
}
