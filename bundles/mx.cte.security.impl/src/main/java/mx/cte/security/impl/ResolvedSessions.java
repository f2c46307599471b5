package mx.cte.security.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import mx.cte.security.api.SignIn.SessionInfo;
import mx.cte.cluster.api.AnnouncementListener;
import mx.cte.cluster.api.Cluster;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Sessions resolved in the last {@link #TTL}, so that a busy client is not looked up in the database on every
 * request (the session and account reads were the ceiling of every authenticated endpoint, docs/performance.md).
 * Every change that ends sessions forgets them at once on this node and announces it ({@value #TOPIC}) to the other
 * nodes sharing the database, which forget them as soon as they hear it; a node that misses the announcement stops
 * honouring them within {@link #TTL} all the same.
 */
@Component(service = {ResolvedSessions.class, AnnouncementListener.class},
        property = AnnouncementListener.TOPIC + "=" + ResolvedSessions.TOPIC)
public final class ResolvedSessions implements AnnouncementListener {

    static final String TOPIC = "sesiones";
    private static final String TOKEN = "token:";
    private static final String USER = "usuario:";

    static final Duration TTL = Duration.ofSeconds(5);
    static final int MAX_ENTRIES = 50_000;

    private record Entry(String username, SessionInfo session, Instant resolvedAt) {
    }

    private final Map<String, Entry> byTokenHash = new ConcurrentHashMap<>();
    // Bumped by every forget: a lookup that started before it must not put back what was just forgotten.
    private final AtomicLong forgets = new AtomicLong();

    /** The session resolved less than {@link #TTL} ago and not expired at {@code now}. */
    Optional<SessionInfo> recent(String tokenHash, Instant now) {
        Entry entry = byTokenHash.get(tokenHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.resolvedAt().plus(TTL).isAfter(now) || !entry.session().expiresAt().isAfter(now)) {
            byTokenHash.remove(tokenHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.session());
    }

    /** Taken before a database lookup and given back to {@link #remember}. */
    long stamp() {
        return forgets.get();
    }

    void remember(String tokenHash, String username, SessionInfo session, Instant now, long stamp) {
        if (byTokenHash.size() >= MAX_ENTRIES) {
            byTokenHash.clear();
        }
        byTokenHash.put(tokenHash, new Entry(username, session, now));
        if (forgets.get() != stamp) {
            // Something ended sessions while this one was being read: it may be one of them.
            byTokenHash.remove(tokenHash);
        }
    }

    /** Optional: without it (a test, the cluster bundle being replaced) only this node forgets at once. */
    private volatile Cluster cluster;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCluster(Cluster cluster) {
        this.cluster = cluster;
    }

    void unsetCluster(Cluster cluster) {
        if (this.cluster == cluster) {
            this.cluster = null;
        }
    }

    void forget(String tokenHash) {
        forgetHere(tokenHash);
        tell(TOKEN + tokenHash);
    }

    void forgetUser(String username) {
        forgetUserHere(username);
        tell(USER + username);
    }

    private void forgetHere(String tokenHash) {
        forgets.incrementAndGet();
        byTokenHash.remove(tokenHash);
    }

    private void forgetUserHere(String username) {
        forgets.incrementAndGet();
        byTokenHash.values().removeIf(entry -> entry.username().equals(username));
    }

    private void tell(String message) {
        Cluster nodes = cluster;
        if (nodes != null) {
            nodes.announce(TOPIC, message);
        }
    }

    /** Another node (or this one, heard back) ended sessions. */
    @Override
    public void announced(String message) {
        if (message.startsWith(TOKEN)) {
            forgetHere(message.substring(TOKEN.length()));
        } else if (message.startsWith(USER)) {
            forgetUserHere(message.substring(USER.length()));
        }
    }
}
