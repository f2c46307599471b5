package mx.cte.search.lucene;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one node's copy of an index up to the shared change log. Positions come from a database sequence, taken at
 * insert and committed later: a position missing below the newest read may belong to a unit of work still running,
 * so it is looked for again for {@link #WAIT_FOR_MISSING} before it is taken for a rolled-back write. Every change
 * is applied, this node's own too: the log's order, not the order writes reached each node, decides what an index
 * ends with when two nodes write the same document.
 */
final class IndexFollower {

    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);

    /** Longer than any request's unit of work takes. */
    static final Duration WAIT_FOR_MISSING = Duration.ofSeconds(60);
    /** How many missing positions one index waits for at most; the oldest are given up beyond it. */
    static final int MAX_MISSING = 1000;
    private static final int ROWS_PER_READ = 100;

    private final String name;
    private final LuceneTextIndex index;
    private final IndexChangeLog log;
    private final Clock clock;
    private long position;
    private final TreeMap<Long, Instant> missing = new TreeMap<>();

    IndexFollower(String name, LuceneTextIndex index, IndexChangeLog log, Clock clock) {
        this.name = name;
        this.index = index;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Resumes where the index's last commit left off, applying what was logged meanwhile. An index that never followed
     * the log (a new node, or one that ran alone before), fell behind what the log still keeps, or is ahead of it (the
     * database restored from a backup) is emptied, so the module sees it behind its tables and rebuilds it.
     */
    synchronized void start() {
        long purged = log.purgedUpTo();
        boolean followed = restore(index.followed());
        long last = log.last();
        // Beyond anything the log ever held: the database was restored from a backup, and new writes may reuse them.
        boolean restored = followed && position > Math.max(last, purged);
        if (!followed || position < purged || restored) {
            LOG.info("Search index {} has not followed the shared change log {}: emptied, its module rebuilds it",
                    name, !followed ? "before" : restored ? "of this database (restored to position " + last
                            + ", the index was at " + position + ")" : "since position " + position
                            + " (kept from " + purged + ")");
            index.clear();
            position = last;
            missing.clear();
            Instant until = clock.instant().plus(WAIT_FOR_MISSING);
            long from = Math.max(purged, position - MAX_MISSING);
            List<Long> present = log.present(from, position);
            for (long p = from + 1; p <= position; p++) {
                if (!present.contains(p)) {
                    missing.put(p, until);
                }
            }
            index.apply(List.of(), encode());
        }
        follow();
    }

    /** Applies what was logged since the last call; returns how many changes of this index. */
    synchronized int follow() {
        int applied = 0;
        boolean more = true;
        while (more) {
            IndexChangeLog.Batch batch = log.after(name, position, List.copyOf(missing.keySet()), ROWS_PER_READ);
            long before = position;
            int missingBefore = missing.size();
            Instant until = clock.instant().plus(WAIT_FOR_MISSING);
            for (long seen : batch.seen()) {
                if (seen > position) {
                    for (long p = Math.max(position + 1, seen - MAX_MISSING); p < seen; p++) {
                        missing.put(p, until);
                    }
                    position = seen;
                } else {
                    missing.remove(seen);
                }
            }
            Instant now = clock.instant();
            missing.values().removeIf(deadline -> deadline.isBefore(now));
            while (missing.size() > MAX_MISSING) {
                missing.pollFirstEntry();
            }
            List<IndexChange> changes = new ArrayList<>(batch.changes());
            changes.sort(Comparator.comparingLong(IndexChange::sequence));
            if (!changes.isEmpty() || position != before || missing.size() != missingBefore) {
                index.apply(changes, encode());
            }
            applied += changes.size();
            more = batch.seen().size() == ROWS_PER_READ;
        }
        return applied;
    }

    /** {@code position;missing,missing}: what a restart resumes from. */
    private String encode() {
        return position + ";" + missing.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private boolean restore(String followed) {
        if (followed.isEmpty()) {
            return false;
        }
        try {
            int cut = followed.indexOf(';');
            position = Long.parseLong(followed.substring(0, cut));
            missing.clear();
            Instant until = clock.instant().plus(WAIT_FOR_MISSING);
            for (String p : followed.substring(cut + 1).split(",")) {
                if (!p.isEmpty()) {
                    missing.put(Long.parseLong(p), until);
                }
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Search index {}: unreadable position in the change log '{}'", name, followed);
            return false;
        }
    }

    synchronized long position() {
        return position;
    }

    synchronized Map<Long, Instant> missing() {
        return Map.copyOf(missing);
    }
}
