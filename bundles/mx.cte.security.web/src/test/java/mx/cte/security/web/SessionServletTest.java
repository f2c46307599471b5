package mx.cte.security.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.security.api.Caller;
import mx.cte.security.api.RoleGrant;
import mx.cte.security.api.SignIn;
import org.junit.Test;

public class SessionServletTest {

    private static final SignIn.SessionInfo SESSION = new SignIn.SessionInfo("token-1", "csrf-1",
            new Caller("directora", "Directora", List.of(RoleGrant.parse("director@15EJN0101A"))),
            Instant.now().plus(Duration.ofHours(8)));

    private static SessionServlet servlet(boolean trust) {
        return servlet(trust, null);
    }

    private static SessionServlet servlet(boolean trust, SignIn signIn) {
        return new SessionServlet(signIn, new SessionServlet.Config() {
            @Override
            public boolean trustForwardedFor() {
                return trust;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SessionServlet.Config.class;
            }
        });
    }

    /** A request from {@code remote} with one X-Forwarded-For header per value given. */
    private static HttpServletRequest request(String remote, String... forwardedFor) {
        Map<String, Object> answers = new java.util.HashMap<>();
        answers.put("getRemoteAddr", remote);
        return (HttpServletRequest) Proxy.newProxyInstance(SessionServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> java.util.Collections.enumeration("X-Forwarded-For".equals(args[0])
                            ? java.util.List.of(forwardedFor) : java.util.List.<String>of());
                    case "getHeader" -> "X-Forwarded-For".equals(args[0]) && forwardedFor.length > 0
                            ? forwardedFor[0] : null;
                    default -> answers.get(method.getName());
                });
    }

    @Test
    public void countsFailuresAgainstTheProxysClientOnlyWhenToldToTrustIt() {
        HttpServletRequest behindProxy = request("10.0.0.2", "203.0.113.7");
        assertEquals("a forged header is ignored by default", "10.0.0.2", servlet(false).clientAddress(behindProxy));
        assertEquals("203.0.113.7", servlet(true).clientAddress(behindProxy));
        assertEquals("10.0.0.9", servlet(true).clientAddress(request("10.0.0.9")));
    }

    @Test
    public void anAddressTheClientWroteItselfIsNotTheOneCounted() {
        // The client sent "X-Forwarded-For: 198.51.100.1"; the proxy appended the address it saw, in the same header
        // or in one of its own (HAProxy's option forwardfor).
        assertEquals("203.0.113.7", servlet(true).clientAddress(request("10.0.0.2", "198.51.100.1, 203.0.113.7")));
        assertEquals("203.0.113.7", servlet(true).clientAddress(request("10.0.0.2", "198.51.100.1",
                "203.0.113.7")));
    }

    /** Answers by password: "bien" signs in, "lento" is throttled, "ocupado" is busy, anything else is refused. */
    private final List<String> signedOut = new ArrayList<>();
    private final SignIn signIn = new SignIn() {
        @Override
        public Outcome signIn(String username, String password, String clientAddress) {
            return switch (password) {
                case "bien" -> new SignedIn(SESSION);
                case "lento" -> new Throttled(Duration.ofMillis(2500));
                case "ocupado" -> new Busy(Duration.ofSeconds(1));
                default -> new Refused();
            };
        }

        @Override
        public Optional<SessionInfo> resolve(String sessionToken) {
            return Optional.empty();
        }

        @Override
        public void signOut(String sessionToken) {
            signedOut.add(sessionToken);
        }
    };

    private FakeHttp.Response send(FakeRequest request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        servlet(false, signIn).service(request.build(), response.proxy());
        return response;
    }

    private static FakeRequest signIn(String password) {
        return FakeRequest.of("POST", "/api/v1/session", null)
                .json("{\"usuario\":\"directora\",\"contraseña\":\"" + password + "\"}");
    }

    @Test
    public void aSignInSetsTheCookieAndAnswersWhoSignedIn() throws Exception {
        FakeHttp.Response signedIn = send(signIn("bien"));
        assertEquals(signedIn.body(), 200, signedIn.status);
        assertTrue(signedIn.headers.get("Set-Cookie"), signedIn.headers.get("Set-Cookie")
                .startsWith("CTE_SESSION=token-1; Path=/; Max-Age="));
        assertTrue(signedIn.headers.get("Set-Cookie").endsWith("; HttpOnly; SameSite=Strict"));
        assertEquals("csrf-1", signedIn.json().get("csrfToken").getAsString());
        assertEquals("director", signedIn.json().getAsJsonArray("roles").get(0).getAsJsonObject().get("rol")
                .getAsString());
    }

    @Test
    public void refusedThrottledAndBusySignInsSayWhatToDo() throws Exception {
        assertEquals(401, send(signIn("mal")).status);
        FakeHttp.Response throttled = send(signIn("lento"));
        assertEquals(429, throttled.status);
        assertEquals("3", throttled.headers.get("Retry-After"));
        assertTrue(throttled.body(), throttled.json().get("detail").getAsString().contains("3 segundos"));
        FakeHttp.Response busy = send(signIn("ocupado"));
        assertEquals(503, busy.status);
        assertEquals("1", busy.headers.get("Retry-After"));
        FakeHttp.Response noUser = send(FakeRequest.of("POST", "/api/v1/session", null)
                .json("{\"contrasena\":\"bien\"}"));
        assertEquals(400, noUser.status);
        assertEquals("usuario", noUser.json().get("campo").getAsString());
    }

    @Test
    public void theSessionIsReadAndClosedOnlyWithItsCsrfToken() throws Exception {
        assertEquals(401, send(FakeRequest.of("GET", "/api/v1/session", null)).status);
        FakeHttp.Response current = send(FakeRequest.of("GET", "/api/v1/session", null)
                .attribute(SessionFilter.SESSION_ATTRIBUTE, SESSION));
        assertEquals("directora", current.json().get("usuario").getAsString());

        assertEquals(403, send(FakeRequest.of("DELETE", "/api/v1/session", null)
                .attribute(SessionFilter.SESSION_ATTRIBUTE, SESSION)).status);
        assertEquals(List.of(), signedOut);
        FakeHttp.Response closed = send(FakeRequest.of("DELETE", "/api/v1/session", null)
                .attribute(SessionFilter.SESSION_ATTRIBUTE, SESSION).header("X-CSRF-Token", "csrf-1"));
        assertEquals(204, closed.status);
        assertEquals(List.of("token-1"), signedOut);
        assertTrue(closed.headers.get("Set-Cookie").startsWith("CTE_SESSION=; Path=/; Max-Age=0"));
        assertEquals("DELETE, GET, HEAD, POST", send(FakeRequest.of("PUT", "/api/v1/session", null))
                .headers.get("Allow"));
    }
}
