package mx.cte.cluster.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * This node's view of the installation: in {@code cluster} mode several identical nodes share one PostgreSQL, and
 * what an administrator or publisher does on one node (a guide installed, an edition activated) is written here as the
 * desired state, which every node applies. In the default {@code single} mode the same calls serve the one node.
 */
@ProviderType
public interface Cluster {

    /** This node's name, as the configuration and the logs give it. */
    String nodeName();

    /** True when the installation runs several nodes on one database. */
    boolean clustered();

    /**
     * Records {@code key} of {@code kind} as desired, with its value and, for an artifact every node must install, its
     * content. Committed before it returns; then every node's {@link SharedStateListener} of the kind is told (this
     * node's at once, the others through the database within seconds).
     *
     * @param value   a short text the listeners read (JSON, a version), at most 64 KB
     * @param content the artifact's bytes, or null
     */
    void put(String kind, String key, String value, byte[] content);

    /** Records that {@code key} of {@code kind} must no longer be there; kept as a removal, so a node that was down learns it. */
    void remove(String kind, String key);

    /** Every entry of the kind, removals included, without content, in the order they were last changed. */
    List<SharedEntry> entries(String kind);

    /** The content stored with the entry, when it has one and is not removed. */
    Optional<byte[]> content(String kind, String key);

    /**
     * Tells every node's {@link AnnouncementListener} of the topic, this node's included, at once: for what must
     * change everywhere within milliseconds and is kept nowhere (a session ended, so other nodes forget their copy).
     * Best effort: a node that is not listening then misses it, so what it concerns must also expire by itself.
     *
     * @param message at most {@value #MAX_ANNOUNCEMENT} characters together with the topic
     */
    void announce(String topic, String message);

    /** What a topic and its message may take together (PostgreSQL's notifications carry under 8,000 bytes). */
    int MAX_ANNOUNCEMENT = 1000;

    /**
     * Runs the task here unless another node runs the same job now: scheduled work (checking a channel, a cleanup) is
     * done once per installation, not once per node.
     *
     * @return true when it ran here, false when another node holds the job
     */
    boolean runAlone(String job, Runnable task);

    /**
     * {@link #runAlone(String, Runnable)} on {@code cluster}, or {@code task} here when there is no cluster service
     * (an optional reference left empty): what a module's demo data does, written once however many nodes start.
     */
    static boolean runAlone(Cluster cluster, String job, Runnable task) {
        if (cluster == null) {
            task.run();
            return true;
        }
        return cluster.runAlone(job, task);
    }

    /**
     * A scheduled job done once per {@code interval} for the whole installation: every node may call it on its own
     * timer, and it runs only where no other node runs it now and none ran it less than {@code interval} ago (the
     * last run is kept in the shared state, kind {@value #JOBS}).
     *
     * @return true when it ran here
     */
    boolean runOncePer(String job, java.time.Duration interval, Runnable task);

    /** The shared state's kind where {@link #runOncePer} keeps when each job last ran. */
    String JOBS = "trabajos";
}
