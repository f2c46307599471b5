package mx.cte.cluster.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears the {@link Cluster#announce announcements} of one topic from every node; registered as an OSGi service
 * (whiteboard) with the property {@value #TOPIC}. Called on the cluster service's thread: return quickly.
 */
@ConsumerType
@FunctionalInterface
public interface AnnouncementListener {

    /** Service property: the topic the listener hears. */
    String TOPIC = "cte.announcement.topic";

    void announced(String message);
}
