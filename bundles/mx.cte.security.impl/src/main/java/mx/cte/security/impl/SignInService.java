package mx.cte.security.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mx.cte.audit.api.AuditLog;
import mx.cte.cluster.api.Chore;
import mx.cte.cluster.api.Cluster;
import mx.cte.core.api.text.LogText;
import mx.cte.security.api.Account;
import mx.cte.security.api.Caller;
import mx.cte.security.api.SignIn;
import mx.cte.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password sign-in with brakes on guessing that never lock the owner out: failures are counted per account at an
 * address and per address, and after the free attempts each key waits a delay that doubles with every further failure
 * (up to {@link #MAX_DELAY}). An attacker guessing from one address slows only himself; the owner signs in from hers.
 * Unknown and existing usernames go through the very same counting, so neither the answer nor its timing tells which
 * exist. Argon2id needs {@link PasswordHasher#MEMORY_KIB} KiB per check: at most {@link #hashPermits} checks run at
 * once (sized to the heap) and at most {@link #MAX_IN_FLIGHT_PER_ADDRESS} per address; the rest are answered "busy"
 * at once, before any hashing. Sessions end after {@link #IDLE} without use (less at most {@link #EXTEND_AFTER}) or
 * {@link #ABSOLUTE} after sign-in; only their tokens' SHA-256 is stored.
 */
@Component(service = SignIn.class)
public final class SignInService implements SignIn {

    /** Failures of one account at one address before its delays begin. */
    static final int FREE_ATTEMPTS = 5;
    /** Failures of one address, whatever the accounts, before its delays begin. */
    static final int FREE_ADDRESS_ATTEMPTS = 20;
    static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int MAX_IN_FLIGHT_PER_ADDRESS = 4;
    /** How long a sign-in waits for a free hashing permit before it is answered busy. */
    static final Duration PERMIT_WAIT = Duration.ofSeconds(2);
    static final Duration IDLE = Duration.ofHours(2);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    /**
     * A session in use is extended (a write) at most this often: on H2 every such write is a commit of its own, and
     * once a minute per signed-in user made reads write (docs/performance.md). A session thus ends between
     * {@code IDLE - EXTEND_AFTER} and {@code IDLE} without use.
     */
    private static final Duration EXTEND_AFTER = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordHasher hasher = new PasswordHasher();
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;
    private final FailureThrottle accountAtAddress;
    private final FailureThrottle byAddress;
    /** Once an hour for the installation, the failures nobody repeated for {@link #FORGET_AFTER} are deleted. */
    private final Chore forgetOldFailures = new Chore("limpieza-intentos-fallidos", Duration.ofHours(1),
            this::purgeOldFailures);
    private final Chore forgetEndedSessions = new Chore("limpieza-sesiones", Duration.ofHours(1),
            this::deleteEndedSessions);
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Semaphore hashPermits;
    private final ResolvedSessions resolved;

    @Activate
    public SignInService(@Reference Database database, @Reference AuditLog audit,
            @Reference ResolvedSessions resolved) {
        this(database, audit, resolved, Clock.systemUTC(), hashPermitsFor(Runtime.getRuntime().maxMemory()));
    }

    SignInService(Database database, AuditLog audit, ResolvedSessions resolved, Clock clock, int hashPermits) {
        this.database = database;
        this.audit = audit;
        this.resolved = resolved;
        this.clock = clock;
        this.hashPermits = new Semaphore(hashPermits, true);
        database.migrate(AccountsService.MODULE, SignInService.class.getClassLoader(), AccountsService.CHANGELOG);
        this.accountAtAddress = new FailureThrottle(database, "cuenta", FREE_ATTEMPTS, FIRST_DELAY, MAX_DELAY,
                FORGET_AFTER);
        this.byAddress = new FailureThrottle(database, "direccion", FREE_ADDRESS_ATTEMPTS, FIRST_DELAY, MAX_DELAY,
                FORGET_AFTER);
        // Checked against unknown usernames, so that they take as long as known ones.
        this.dummyHash = hasher.hash(token());
        deleteEndedSessions();
        LOG.info("At most {} password checks at once ({} MB of heap)", hashPermits,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /**
     * Concurrent Argon2id checks the heap affords: a quarter of it for their memory, at least 1, and never more than
     * twice the processors (more would only queue on the CPU).
     */
    static int hashPermitsFor(long maxHeapBytes) {
        long byMemory = maxHeapBytes / 4 / (PasswordHasher.MEMORY_KIB * 1024L);
        long byCpu = 2L * Runtime.getRuntime().availableProcessors();
        return (int) Math.max(1, Math.min(byMemory, byCpu));
    }

    @Override
    public Outcome signIn(String username, String password, String clientAddress) {
        Instant now = clock.instant();
        String address = clientAddress == null ? "?" : clientAddress;
        String name = AccountsService.normalize(username);
        String pair = name + "\n" + address;
        Duration wait = longer(byAddress.wait(address, now), accountAtAddress.wait(pair, now));
        if (!wait.isZero()) {
            LOG.info("Sign-in of '{}' from {} held back {} s after repeated failures", LogText.of(name),
                    LogText.of(address), wait.toSeconds());
            return new Throttled(wait);
        }
        AtomicInteger running = inFlight.computeIfAbsent(address, a -> new AtomicInteger());
        try {
            if (running.incrementAndGet() > MAX_IN_FLIGHT_PER_ADDRESS) {
                return new Busy(PERMIT_WAIT);
            }
            boolean permitted;
            try {
                permitted = hashPermits.tryAcquire(PERMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                permitted = false;
            }
            if (!permitted) {
                LOG.warn("Sign-in from {} answered busy: every password check in use", LogText.of(address));
                return new Busy(PERMIT_WAIT);
            }
            try {
                return check(name, password, address, pair, now);
            } finally {
                hashPermits.release();
            }
        } finally {
            release(address, running);
        }
    }

    private void release(String address, AtomicInteger running) {
        if (running.decrementAndGet() <= 0) {
            inFlight.remove(address, running);
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Outcome check(String name, String password, String address, String pair, Instant now) {
        Optional<AccountStore.Credentials> found = database.inTransaction(c -> AccountStore.credentials(c, name));
        boolean matches = hasher.verify(password == null ? "" : password,
                found.map(AccountStore.Credentials::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || !matches || !found.get().account().enabled()) {
            forgetOldFailures.maybeRun(now, () -> cluster);
            byAddress.failed(address, now);
            Duration delay = accountAtAddress.failed(pair, now);
            audit.recordAs(name, "inicio-sesion-fallido", address, found.isEmpty() ? "usuario inexistente" : "");
            if (delay.isZero()) {
                return new Refused();
            }
            audit.recordAs(name, "inicio-sesion-frenado", address, accountAtAddress.count(pair) + " intentos"
                    + " fallidos desde esa dirección; el siguiente espera " + delay.toSeconds() + " s");
            return new Throttled(delay);
        }
        accountAtAddress.succeeded(pair);
        String token = token();
        String csrf = token();
        Instant expires = now.plus(IDLE);
        Account account = found.get().account();
        database.inTransaction(connection -> {
            // Clears a lock written by an earlier version, which locked the account itself.
            if (found.get().failedAttempts() != 0 || found.get().lockedUntil() != null) {
                AccountStore.recordFailure(connection, name, 0, null);
            }
            AccountStore.insertSession(connection, sha256(token), name, csrf, now, expires);
            return null;
        });
        audit.recordAs(name, "inicio-sesion", address, "");
        forgetEndedSessions.maybeRun(now, () -> cluster);
        return new SignedIn(new SessionInfo(token, csrf, caller(account), expires));
    }

    /**
     * Sessions nobody presented again after they ended (a closed browser, a lost tablet) are deleted at start and
     * then once an hour for the installation, asked for by sign-ins: a node running for weeks keeps only live ones.
     */
    private void deleteEndedSessions() {
        int ended = database.inTransaction(connection -> AccountStore.deleteExpiredSessions(connection,
                clock.instant()));
        if (ended > 0) {
            LOG.info("{} expired sessions removed", ended);
        }
    }

    private void purgeOldFailures() {
        Instant now = clock.instant();
        accountAtAddress.purge(now);
        byAddress.purge(now);
    }

    /** Optional: without it (a test, the cluster bundle being replaced) this node cleans up on its own. */
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

    @Override
    public Optional<SessionInfo> resolve(String sessionToken) {
        if (sessionToken == null || sessionToken.isEmpty() || sessionToken.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = sha256(sessionToken);
        Optional<SessionInfo> recent = resolved.recent(hash, now);
        if (recent.isPresent()) {
            return recent;
        }
        long stamp = resolved.stamp();
        Optional<SessionInfo> found = database.inTransaction(connection -> {
            Optional<AccountStore.StoredSession> stored = AccountStore.session(connection, hash);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            AccountStore.StoredSession session = stored.get();
            Instant hardEnd = session.createdAt().plus(ABSOLUTE);
            if (!session.expiresAt().isAfter(now) || !hardEnd.isAfter(now)) {
                AccountStore.deleteSession(connection, hash);
                return Optional.empty();
            }
            Optional<AccountStore.Credentials> credentials = AccountStore.credentials(connection, session.username());
            if (credentials.isEmpty() || !credentials.get().account().enabled()) {
                AccountStore.deleteSession(connection, hash);
                return Optional.empty();
            }
            Instant expires = session.expiresAt();
            if (session.lastSeenAt().plus(EXTEND_AFTER).isBefore(now)) {
                expires = min(now.plus(IDLE), hardEnd);
                AccountStore.extendSession(connection, hash, now, expires);
            }
            return Optional.of(new SessionInfo(sessionToken, session.csrfToken(),
                    caller(credentials.get().account()), expires));
        });
        found.ifPresent(session -> resolved.remember(hash, session.caller().username(), session, now, stamp));
        return found;
    }

    @Override
    public void signOut(String sessionToken) {
        if (sessionToken != null) {
            String hash = sha256(sessionToken);
            database.inTransaction(connection -> {
                AccountStore.deleteSession(connection, hash);
                return null;
            });
            resolved.forget(hash);
        }
    }

    private static Caller caller(Account account) {
        return new Caller(account.username(), account.displayName(), account.grants());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
