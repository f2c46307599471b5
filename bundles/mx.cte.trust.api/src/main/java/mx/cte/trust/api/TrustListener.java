package mx.cte.trust.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when the trusted keys changed (a publisher key added, renewed, revoked or removed, the root replaced): whoever
 * activated content on its signature holds it to its signature again. Registered as an OSGi service (whiteboard); the
 * trust service looks at its key files every few seconds and calls every listener once per change, on its own thread.
 */
@ConsumerType
@FunctionalInterface
public interface TrustListener {

    void trustChanged();
}
