package mx.cte.security.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import mx.cte.audit.api.AuditLog;
import mx.cte.security.api.Account;
import mx.cte.security.api.Caller;
import mx.cte.security.api.SignIn;
import mx.cte.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password sign-in with two brakes on guessing: an account locks for {@link #LOCK} after {@link #MAX_FAILURES}
 * consecutive failures (stored, so a restart does not reset it), and a client address that fails
 * {@link #MAX_ADDRESS_FAILURES} times within {@link #ADDRESS_WINDOW} is turned away for the rest of the window.
 * Sessions end after {@link #IDLE} without use or {@link #ABSOLUTE} after sign-in; only their tokens' SHA-256 is
 * stored.
 */
@Component(service = SignIn.class)
public final class SignInService implements SignIn {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    static final int MAX_ADDRESS_FAILURES = 20;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(10);
    static final Duration IDLE = Duration.ofHours(2);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final Duration EXTEND_AFTER = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordHasher hasher = new PasswordHasher();
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;
    private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();
    private final ResolvedSessions resolved;

    @Activate
    public SignInService(@Reference Database database, @Reference AuditLog audit,
            @Reference ResolvedSessions resolved) {
        this(database, audit, resolved, Clock.systemUTC());
    }

    SignInService(Database database, AuditLog audit, ResolvedSessions resolved, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.resolved = resolved;
        this.clock = clock;
        database.migrate(AccountsService.MODULE, SignInService.class.getClassLoader(), AccountsService.CHANGELOG);
        // Checked against unknown usernames, so that they take as long as known ones.
        this.dummyHash = hasher.hash(token());
        int expired = database.inTransaction(connection -> AccountStore.deleteExpiredSessions(connection,
                clock.instant()));
        if (expired > 0) {
            LOG.info("{} expired sessions removed", expired);
        }
    }

    @Override
    public Outcome signIn(String username, String password, String clientAddress) {
        Instant now = clock.instant();
        String address = clientAddress == null ? "?" : clientAddress;
        Duration addressWait = addressWait(address, now);
        if (!addressWait.isZero()) {
            LOG.warn("Sign-in from {} throttled: too many failures", address);
            audit.recordAs(AccountsService.normalize(username), "inicio-sesion-frenado", address,
                    "demasiados intentos fallidos desde esa dirección");
            return new Throttled(addressWait);
        }
        String name = AccountsService.normalize(username);
        Optional<AccountStore.Credentials> found = database.inTransaction(c -> AccountStore.credentials(c, name));
        if (found.isEmpty()) {
            hasher.verify(password == null ? "" : password, dummyHash);
            return failed(name, address, now, null);
        }
        AccountStore.Credentials credentials = found.get();
        if (credentials.lockedUntil() != null && credentials.lockedUntil().isAfter(now)) {
            recordAddressFailure(address, now);
            LOG.warn("Sign-in of '{}' from {} refused: account locked until {}", name, address,
                    credentials.lockedUntil());
            return new Throttled(Duration.between(now, credentials.lockedUntil()));
        }
        boolean matches = password != null && hasher.verify(password, credentials.passwordHash());
        if (!matches || !credentials.account().enabled()) {
            return failed(name, address, now, credentials);
        }
        String token = token();
        String csrf = token();
        Instant expires = now.plus(IDLE);
        Account account = credentials.account();
        database.inTransaction(connection -> {
            AccountStore.recordFailure(connection, name, 0, null);
            AccountStore.insertSession(connection, sha256(token), name, csrf, now, expires);
            return null;
        });
        audit.recordAs(name, "inicio-sesion", address, "");
        return new SignedIn(new SessionInfo(token, csrf, caller(account), expires));
    }

    private Outcome failed(String name, String address, Instant now, AccountStore.Credentials credentials) {
        recordAddressFailure(address, now);
        if (credentials != null) {
            int failures = credentials.failedAttempts() + 1;
            Instant lockedUntil = failures >= MAX_FAILURES ? now.plus(LOCK) : null;
            database.inTransaction(connection -> {
                AccountStore.recordFailure(connection, name, lockedUntil != null ? 0 : failures, lockedUntil);
                return null;
            });
            if (lockedUntil != null) {
                LOG.warn("Account '{}' locked until {} after {} failed sign-ins, the last from {}", name,
                        lockedUntil, failures, address);
                audit.recordAs(name, "cuenta-bloqueada", address, failures + " intentos fallidos; bloqueada hasta "
                        + lockedUntil);
                return new Throttled(LOCK);
            }
        }
        audit.recordAs(name, "inicio-sesion-fallido", address, credentials == null ? "usuario inexistente" : "");
        return new Refused();
    }

    private Duration addressWait(String address, Instant now) {
        Deque<Instant> failures = failuresByAddress.get(address);
        if (failures == null) {
            return Duration.ZERO;
        }
        synchronized (failures) {
            while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(ADDRESS_WINDOW))) {
                failures.pollFirst();
            }
            if (failures.size() < MAX_ADDRESS_FAILURES) {
                return Duration.ZERO;
            }
            return Duration.between(now, failures.peekFirst().plus(ADDRESS_WINDOW));
        }
    }

    private void recordAddressFailure(String address, Instant now) {
        Deque<Instant> failures = failuresByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (failures) {
            failures.addLast(now);
            while (failures.size() > MAX_ADDRESS_FAILURES) {
                failures.pollFirst();
            }
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
