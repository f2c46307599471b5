package mx.cte.search.api;

import java.util.List;
import java.util.Map;

/**
 * A document as the index holds it.
 *
 * @param id       the module's id for the record, unique in the index; putting the same id replaces it
 * @param texts    text fields by name, analysed for Spanish and searched
 * @param keywords keyword fields by name, each with any number of exact values, for filters and facets
 */
public record IndexedDocument(String id, Map<String, String> texts, Map<String, List<String>> keywords) {

    public IndexedDocument {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A document needs an id");
        }
        texts = Map.copyOf(texts);
        keywords = Map.copyOf(keywords);
    }
}
