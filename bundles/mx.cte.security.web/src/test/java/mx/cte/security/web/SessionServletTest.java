package mx.cte.security.web;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.junit.Test;

public class SessionServletTest {

    private static SessionServlet servlet(boolean trust) {
        return new SessionServlet(null, new SessionServlet.Config() {
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

    private static HttpServletRequest request(String remote, String forwardedFor) {
        Map<String, Object> answers = new java.util.HashMap<>();
        answers.put("getRemoteAddr", remote);
        return (HttpServletRequest) Proxy.newProxyInstance(SessionServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> method.getName().equals("getHeader")
                        ? ("X-Forwarded-For".equals(args[0]) ? forwardedFor : null) : answers.get(method.getName()));
    }

    @Test
    public void countsFailuresAgainstTheProxysClientOnlyWhenToldToTrustIt() {
        HttpServletRequest behindProxy = request("10.0.0.2", "203.0.113.7, 10.0.0.2");
        assertEquals("a forged header is ignored by default", "10.0.0.2", servlet(false).clientAddress(behindProxy));
        assertEquals("203.0.113.7", servlet(true).clientAddress(behindProxy));
        assertEquals("10.0.0.9", servlet(true).clientAddress(request("10.0.0.9", null)));
    }
}
