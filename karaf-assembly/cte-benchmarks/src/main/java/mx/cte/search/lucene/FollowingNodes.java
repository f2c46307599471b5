package mx.cte.search.lucene;

import java.nio.file.Path;
import java.time.Clock;
import mx.cte.storage.api.Database;

/**
 * The benchmark harness's way to a node's indexes that follow the shared change log, outside OSGi (in the bundle's
 * package, on the harness's class path only): the bundle opens them through its cluster and database services.
 */
public final class FollowingNodes {

    private FollowingNodes() {
    }

    /** The change log's table on {@code database}, as the bundle creates it in cluster mode. */
    public static void prepare(Database database) {
        IndexChangeLog.migrate(database);
    }

    /** Node {@code name}'s indexes under {@code base}, writing to and following the log; see {@link #follow}. */
    public static LuceneTextIndexes node(Path base, Database database, String name) {
        return new LuceneTextIndexes(base, new IndexChangeLog(database, name, Clock.systemUTC()), null,
                Clock.systemUTC());
    }

    /** What the node's follower thread does every second: applies what any node logged since the last time. */
    public static void follow(LuceneTextIndexes node) {
        node.followAll();
    }
}
