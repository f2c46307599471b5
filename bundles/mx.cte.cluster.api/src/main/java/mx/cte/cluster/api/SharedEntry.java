package mx.cte.cluster.api;

import java.time.Instant;

/**
 * One entry of the desired state.
 *
 * @param revision  the installation-wide revision of its last change: a later change has a higher one
 * @param removed   true when the entry must no longer be there
 * @param node      the node where the change was made
 */
public record SharedEntry(String kind, String key, String value, boolean removed, long revision, Instant changedAt,
        String node) {
}
