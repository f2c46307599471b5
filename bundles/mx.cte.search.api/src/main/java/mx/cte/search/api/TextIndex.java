package mx.cte.search.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** One module's index. Writes are visible to the next search; all methods are safe from several threads. */
@ProviderType
public interface TextIndex {

    /** Adds the document, or replaces the one with its id. */
    void put(IndexedDocument document);

    /** Replaces or adds all of them, made visible together. */
    void putAll(Collection<IndexedDocument> documents);

    void delete(String id);

    /** Deletes every document whose keyword {@code field} has {@code value}, e.g. all the entries of a pack. */
    void deleteWhere(String field, String value);

    /** Empties this node's copy of the index, before rebuilding it from the module's tables. */
    void clear();

    /**
     * The same index, written on this node only. When several nodes share the database, every write to an index is
     * logged and applied by every node; a module rebuilding its index from its own tables (after {@link #clear()})
     * writes through this view instead, since every node reads the same tables. On a single node it is the index
     * itself.
     */
    default TextIndex onThisNode() {
        return this;
    }

    long count();

    /**
     * Counts the changes this node's copy has made visible to searches, its own and those it applied from other
     * nodes: what a module keeps from a search (a page answered from memory) holds while this is unchanged.
     */
    long generation();

    SearchResult search(SearchRequest request);

    /**
     * The documents most similar to one in the index, among those the filters let through (the document itself left
     * out), compared over the given text fields.
     *
     * @return best first, at most {@code limit}, only those with something in common
     */
    List<SimilarDocument> similar(String id, List<String> fields, Map<String, List<String>> filters, int limit);

    /**
     * {@link #similar} for many documents at once, sharing the work between them (word weights are read once per
     * document and term): what a zone or a whole state needs to pair its schools.
     *
     * @return for each id given that is in the index, its similar documents
     */
    Map<String, List<SimilarDocument>> similarAll(Collection<String> ids, List<String> fields,
            Map<String, List<String>> filters, int limit);
}
