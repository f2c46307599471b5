package mx.cte.search.lucene;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import mx.cte.search.api.IndexedDocument;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;

/**
 * The indexes' writes in the shared database (table {@code search_change}), so every node's copy of an index follows
 * what any node wrote. A write joins the caller's unit of work when there is one: the change is logged if and only if
 * the module's own rows commit.
 */
final class IndexChangeLog {

    /** How many documents one logged change carries: a module's rebuild of thousands is split into rows of this. */
    static final int DOCUMENTS_PER_CHANGE = 200;

    private static final Type DOCUMENTS = new TypeToken<List<IndexedDocument>>() { }.getType();
    private static final Gson GSON = new Gson();

    private final Database database;
    private final String node;
    private final Clock clock;

    IndexChangeLog(Database database, String node, Clock clock) {
        this.database = database;
        this.node = node;
        this.clock = clock;
    }

    static void migrate(Database database) {
        database.migrate("search", IndexChangeLog.class.getClassLoader(), "mx/cte/search/lucene/db/changelog.xml");
    }

    void append(IndexChange change) {
        String payload = switch (change.operation()) {
            case PUT -> GSON.toJson(change.documents(), DOCUMENTS);
            case DELETE -> change.id();
            case DELETE_WHERE -> change.field() + "\n" + change.value();
        };
        database.inTransaction(connection -> Sql.insert(connection, "INSERT INTO search_change (index_name,"
                + " operation, payload, node, created_at) VALUES (?, ?, ?, ?, ?)", change.index(),
                change.operation().name(), payload, node, clock.instant()));
    }

    /**
     * What followed {@code position}, and the changes that were missing below it and have committed since.
     *
     * @param seen    every position read, of any index, in order: what is not among them may still be uncommitted
     * @param changes those of the index, in order
     */
    record Batch(List<Long> seen, List<IndexChange> changes) {
    }

    Batch after(String index, long position, Collection<Long> missing, int limit) {
        String orMissing = missing.isEmpty() ? "" : " OR seq IN (" + missing.stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + ")";
        List<Long> seen = new ArrayList<>();
        List<IndexChange> changes = new ArrayList<>();
        database.inTransaction(connection -> Sql.query(connection, "SELECT seq, index_name, operation,"
                + " CASE WHEN index_name = ? THEN payload END FROM search_change WHERE seq > ?" + orMissing
                + " ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY", row -> {
                    long sequence = row.getLong(1);
                    seen.add(sequence);
                    if (index.equals(row.getString(2))) {
                        changes.add(read(sequence, index, IndexChange.Operation.valueOf(row.getString(3)),
                                row.getString(4)));
                    }
                    return sequence;
                }, index, position));
        return new Batch(seen, changes);
    }

    private static IndexChange read(long sequence, String index, IndexChange.Operation operation, String payload) {
        IndexChange change = switch (operation) {
            case PUT -> IndexChange.put(index, GSON.fromJson(payload, DOCUMENTS));
            case DELETE -> IndexChange.delete(index, payload);
            case DELETE_WHERE -> {
                int cut = payload.indexOf('\n');
                yield IndexChange.deleteWhere(index, payload.substring(0, cut), payload.substring(cut + 1));
            }
        };
        return change.at(sequence);
    }

    /** The newest position written, 0 when none. */
    long last() {
        return database.inTransaction(connection -> Sql.first(connection, "SELECT MAX(seq) FROM search_change",
                row -> row.getLong(1)).orElse(0L));
    }

    /** The positions present in {@code (from, to]}. */
    List<Long> present(long from, long to) {
        return database.inTransaction(connection -> Sql.query(connection, "SELECT seq FROM search_change"
                + " WHERE seq > ? AND seq <= ? ORDER BY seq", row -> row.getLong(1), from, to));
    }

    /** Up to where old changes were deleted: an index that followed less than this must be rebuilt. */
    long purgedUpTo() {
        return database.inTransaction(connection -> Sql.first(connection,
                "SELECT purged_up_to FROM search_change_purge WHERE id = 1", row -> row.getLong(1)).orElse(0L));
    }

    /** Deletes the changes written before {@code before}; returns how many. */
    int purge(Instant before) {
        return database.inTransaction(connection -> {
            long upTo = Sql.first(connection, "SELECT MAX(seq) FROM search_change WHERE created_at < ?",
                    row -> row.getLong(1), before).orElse(0L);
            if (upTo == 0) {
                return 0;
            }
            int deleted = Sql.update(connection, "DELETE FROM search_change WHERE seq <= ?", upTo);
            Sql.update(connection, "UPDATE search_change_purge SET purged_up_to = ? WHERE id = 1"
                    + " AND purged_up_to < ?", upTo, upTo);
            return deleted;
        });
    }
}
