package mx.cte.security.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import mx.cte.core.http.FakeHttp;
import mx.cte.security.api.SignIn;
import org.junit.Test;

public class SessionFilterTest {

    private static HttpServletRequest request(String method, String rawUri, String servletPath, String pathInfo) {
        return (HttpServletRequest) Proxy.newProxyInstance(SessionFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> rawUri;
                    case "getContextPath" -> "";
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getCookies" -> null;
                    case "getHeader" -> null;
                    case "setAttribute" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    public void aPathThatClimbsOutOfThePublicGuidesNeedsASession() throws Exception {
        SignIn noSessions = (SignIn) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SignIn.class},
                (proxy, m, args) -> m.getName().equals("resolve") ? Optional.empty() : null);
        SessionFilter filter = new SessionFilter(noSessions);
        boolean[] passed = {false};
        FakeHttp.Response response = new FakeHttp.Response();
        filter.doFilter(request("GET", "/api/v1/guides/../logbook/15EJN0101A/agreements", "/api/v1/logbook",
                "/15EJN0101A/agreements"), response.proxy(), (req, res) -> passed[0] = true);
        assertFalse("the request reached the logbook without a session", passed[0]);
        assertEquals(401, response.status);

        FakeHttp.Response guide = new FakeHttp.Response();
        filter.doFilter(request("GET", "/api/v1/guides/SEP%3A2016-2017%3Apreescolar%3Aordinaria-3", "/api/v1/guides",
                "/SEP:2016-2017:preescolar:ordinaria-3"), guide.proxy(), (req, res) -> passed[0] = true);
        assertTrue("a guide is public, its key encoded or not", passed[0]);
    }

    @Test
    public void publicOnlyWhenTheRawPathSaysPlainlyWhatWasResolved() {
        assertTrue(SessionFilter.isPublic("GET", "/api/v1/health", "/api/v1/health"));
        assertFalse(SessionFilter.isPublic("GET", "/api/v1/guides/%2e%2e/logbook", "/api/v1/logbook"));
        assertFalse(SessionFilter.isPublic("GET", "/api/v1/guides/./x", "/api/v1/guides/x"));
        assertFalse(SessionFilter.isPublic("GET", "/api/v1/health;x=1", "/api/v1/health"));
        assertFalse(SessionFilter.isPublic("POST", "/api/v1/guides", "/api/v1/guides"));
    }
}
