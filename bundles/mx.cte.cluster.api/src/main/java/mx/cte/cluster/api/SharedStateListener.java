package mx.cte.cluster.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Follows the desired state of one kind; registered as an OSGi service (whiteboard) with the property
 * {@value #KIND} naming the kind. Called on one thread of the cluster service: once when registered (this node
 * catches up; the node reports ready only after that), then after every change of the kind on any node, with the
 * whole state of the kind, so that a lost notification or a node that was down converges all the same.
 */
@ConsumerType
@FunctionalInterface
public interface SharedStateListener {

    /** Service property: the kind the listener follows. */
    String KIND = "cte.shared.kind";

    /**
     * Brings this node to {@code entries}; an entry it cannot apply now is tried again at the next call. Throws when
     * something that may pass kept it from applying an entry: while the node catches up it stays out of the balancer
     * and the call comes again at the next look (a refusal that will not pass is logged, not thrown).
     */
    void reconcile(List<SharedEntry> entries);
}
