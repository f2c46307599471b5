package mx.cte.core.http;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;

/**
 * A request to a servlet mapped at {@code servletPath/*}, for unit tests of a module's routes: query parameters,
 * request attributes (the signed-in caller), headers and a JSON body.
 */
public final class FakeRequest {

    private final String method;
    private final String servletPath;
    private final String pathInfo;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private byte[] body;
    private String contentType;

    private FakeRequest(String method, String servletPath, String pathInfo) {
        this.method = method;
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
    }

    /** @param pathInfo the part after the servlet's mapping, {@code /15EJN0101A/agreements} */
    public static FakeRequest of(String method, String servletPath, String pathInfo) {
        return new FakeRequest(method, servletPath, pathInfo);
    }

    public FakeRequest query(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    public FakeRequest attribute(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    public FakeRequest header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    public FakeRequest json(String text) {
        return body("application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    public FakeRequest body(String type, byte[] bytes) {
        this.contentType = type;
        this.body = bytes.clone();
        return this;
    }

    public HttpServletRequest build() {
        ByteArrayInputStream in = new ByteArrayInputStream(body == null ? new byte[0] : body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                return in.read(buffer, offset, count);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        String uri = servletPath + (pathInfo == null ? "" : pathInfo);
        return (HttpServletRequest) Proxy.newProxyInstance(FakeRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getRemoteAddr" -> "192.0.2.10";
                    case "isSecure" -> false;
                    case "getCookies" -> null;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getQueryString" -> parameters.isEmpty() ? null : String.join("&", parameters.entrySet()
                            .stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
                    case "getParameterMap" -> Collections.unmodifiableMap(parameters);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getHeader" -> headers.get(((String) args[0]).toLowerCase(java.util.Locale.ROOT));
                    case "getDateHeader" -> -1L;
                    case "getContentType" -> contentType;
                    case "getContentLengthLong" -> body == null ? -1L : (long) body.length;
                    case "getContentLength" -> body == null ? -1 : body.length;
                    case "getCharacterEncoding" -> null;
                    case "getInputStream" -> stream;
                    case "toString" -> method + " " + uri;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
