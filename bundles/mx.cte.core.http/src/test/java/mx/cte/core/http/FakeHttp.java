package mx.cte.core.http;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Minimal servlet request and response doubles, enough to run a servlet's service method in a unit test. */
public final class FakeHttp {

    public static HttpServletRequest request(String method, String uri) {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getContextPath", "getServletPath" -> "";
                    case "getPathInfo" -> uri;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getHeader", "getDateHeader" -> m.getReturnType() == long.class ? -1L : null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** Records what a servlet wrote. */
    public static final class Response {
        public int status = 200;
        public String contentType;
        public final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();

        public HttpServletResponse proxy() {
            PrintWriter writer = new PrintWriter(body);
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setContentType" -> contentType = (String) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "setCharacterEncoding", "reset", "flushBuffer" -> { }
                            case "getWriter" -> {
                                return writer;
                            }
                            case "isCommitted" -> {
                                return false;
                            }
                            default -> throw new UnsupportedOperationException(m.getName());
                        }
                        return null;
                    });
        }

        public String body() {
            return body.toString();
        }
    }

    private FakeHttp() {
    }
}
