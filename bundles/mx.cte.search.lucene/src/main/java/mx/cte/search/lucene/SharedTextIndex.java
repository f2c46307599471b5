package mx.cte.search.lucene;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import mx.cte.search.api.IndexedDocument;
import mx.cte.search.api.SearchRequest;
import mx.cte.search.api.SearchResult;
import mx.cte.search.api.SimilarDocument;
import mx.cte.search.api.TextIndex;

/**
 * An index when several nodes share the database: each write is logged (in the caller's unit of work) and applied to
 * this node's copy at once, so the writer's next search finds it; the other nodes apply it within about a second.
 * Reads and {@link #onThisNode()} writes touch only this node's copy.
 */
final class SharedTextIndex implements TextIndex {

    private final String name;
    private final LuceneTextIndex local;
    private final IndexChangeLog log;

    SharedTextIndex(String name, LuceneTextIndex local, IndexChangeLog log) {
        this.name = name;
        this.local = local;
        this.log = log;
    }

    @Override
    public void put(IndexedDocument document) {
        log.append(IndexChange.put(name, List.of(document)));
        local.put(document);
    }

    @Override
    public void putAll(Collection<IndexedDocument> documents) {
        List<IndexedDocument> all = new ArrayList<>(documents);
        for (int from = 0; from < all.size(); from += IndexChangeLog.DOCUMENTS_PER_CHANGE) {
            log.append(IndexChange.put(name, all.subList(from,
                    Math.min(all.size(), from + IndexChangeLog.DOCUMENTS_PER_CHANGE))));
        }
        local.putAll(all);
    }

    @Override
    public void delete(String id) {
        log.append(IndexChange.delete(name, id));
        local.delete(id);
    }

    @Override
    public void deleteWhere(String field, String value) {
        log.append(IndexChange.deleteWhere(name, field, value));
        local.deleteWhere(field, value);
    }

    /** This node's copy only: a rebuild reads the same tables on every node. */
    @Override
    public void clear() {
        local.clear();
    }

    @Override
    public TextIndex onThisNode() {
        return local;
    }

    @Override
    public long count() {
        return local.count();
    }

    @Override
    public long generation() {
        return local.generation();
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return local.search(request);
    }

    @Override
    public List<SimilarDocument> similar(String id, List<String> fields, Map<String, List<String>> filters,
            int limit) {
        return local.similar(id, fields, filters, limit);
    }

    @Override
    public Map<String, List<SimilarDocument>> similarAll(Collection<String> ids, List<String> fields,
            Map<String, List<String>> filters, int limit) {
        return local.similarAll(ids, fields, filters, limit);
    }
}
