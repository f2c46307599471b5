package mx.cte.security.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import mx.cte.security.api.SignIn.SessionInfo;
import org.osgi.service.component.annotations.Component;

/**
 * Sessions resolved in the last {@link #TTL}, so that a busy client is not looked up in the database on every
 * request (the session and account reads were the ceiling of every authenticated endpoint, docs/performance.md).
 * Every change that ends sessions in this process forgets them at once; another node sharing the database sees a
 * sign-out or role change within {@link #TTL}.
 */
@Component(service = ResolvedSessions.class)
public final class ResolvedSessions {

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

    void forget(String tokenHash) {
        forgets.incrementAndGet();
        byTokenHash.remove(tokenHash);
    }

    void forgetUser(String username) {
        forgets.incrementAndGet();
        byTokenHash.values().removeIf(entry -> entry.username().equals(username));
    }
}
