package mx.cte.search.lucene;

import java.util.List;
import mx.cte.search.api.IndexedDocument;

/**
 * One write to an index as the shared change log keeps it, for the other nodes to apply to their copies.
 *
 * @param sequence  its place in the log (the database's sequence: increasing, with gaps)
 * @param index     the index's name
 * @param documents for {@link Operation#PUT}, the documents put
 * @param id        for {@link Operation#DELETE}, the document deleted
 * @param field     for {@link Operation#DELETE_WHERE}, the keyword field
 * @param value     for {@link Operation#DELETE_WHERE}, its value
 */
record IndexChange(long sequence, String index, Operation operation, List<IndexedDocument> documents, String id,
        String field, String value) {

    enum Operation {
        PUT, DELETE, DELETE_WHERE
    }

    IndexChange {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    static IndexChange put(String index, List<IndexedDocument> documents) {
        return new IndexChange(0, index, Operation.PUT, documents, null, null, null);
    }

    static IndexChange delete(String index, String id) {
        return new IndexChange(0, index, Operation.DELETE, null, id, null, null);
    }

    static IndexChange deleteWhere(String index, String field, String value) {
        return new IndexChange(0, index, Operation.DELETE_WHERE, null, null, field, value);
    }

    IndexChange at(long position) {
        return new IndexChange(position, index, operation, documents, id, field, value);
    }
}
