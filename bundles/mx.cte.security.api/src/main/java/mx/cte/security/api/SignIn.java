package mx.cte.security.api;

import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Password sign-in, sessions and sign-out. */
@ProviderType
public interface SignIn {

    /**
     * Checks the password. Repeated failures slow down that account at that address, and the address, with growing
     * delays; the outcome never tells whether the username exists.
     *
     * @param clientAddress the remote address, for throttling
     */
    Outcome signIn(String username, String password, String clientAddress);

    /** The session's caller, while the session is valid; using it extends its idle timeout. */
    Optional<SessionInfo> resolve(String sessionToken);

    void signOut(String sessionToken);

    /** What a sign-in attempt gave. */
    sealed interface Outcome permits SignedIn, Refused, Throttled, Busy {
    }

    /** Signed in: the token goes into the session cookie, the CSRF token into every state-changing request. */
    record SignedIn(SessionInfo session) implements Outcome {
    }

    /** Wrong username or password, or a disabled account: the same answer for all three. */
    record Refused() implements Outcome {
    }

    /** Too many failures: try again after the delay. */
    record Throttled(Duration retryAfter) implements Outcome {
    }

    /** Too many sign-ins at once (from this address, or in all): nothing was checked; try again after the delay. */
    record Busy(Duration retryAfter) implements Outcome {
    }

    /** A valid session. {@code token} is secret: it never appears in logs or responses bodies. */
    record SessionInfo(String token, String csrfToken, Caller caller, java.time.Instant expiresAt) {
    }
}
