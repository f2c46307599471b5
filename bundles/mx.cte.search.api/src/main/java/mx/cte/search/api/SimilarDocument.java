package mx.cte.search.api;

import java.util.List;

/**
 * A document similar to another.
 *
 * @param score       cosine similarity of their weighted words, from 0 (nothing in common) to 1 (the same words)
 * @param sharedWords the words both use that weigh most (rare in the index, frequent in both), as written
 */
public record SimilarDocument(String id, double score, List<String> sharedWords) {

    public SimilarDocument {
        sharedWords = List.copyOf(sharedWords);
    }
}
