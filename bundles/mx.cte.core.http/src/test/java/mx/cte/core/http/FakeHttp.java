package mx.cte.core.http;

import java.io.InputStream;
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

    /** A request with a body; {@code length} -1 as for a chunked body. */
    public static HttpServletRequest request(String method, String uri, String contentType, InputStream body,
            long length) {
        HttpServletRequest plain = request(method, uri);
        javax.servlet.ServletInputStream stream = new javax.servlet.ServletInputStream() {
            @Override
            public int read() throws java.io.IOException {
                return body.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int count) throws java.io.IOException {
                return body.read(buffer, offset, count);
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(javax.servlet.ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getContentType" -> contentType;
                    case "getContentLengthLong" -> length;
                    case "getContentLength" -> (int) length;
                    case "getInputStream" -> stream;
                    default -> m.invoke(plain, args);
                });
    }

    /** Records what a servlet wrote. */
    public static final class Response {
        public int status = 200;
        public String contentType;
        public final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        public HttpServletResponse proxy() {
            PrintWriter writer = new PrintWriter(body);
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setContentType" -> contentType = (String) args[0];
                            case "setHeader", "addHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "getHeader" -> {
                                return headers.get((String) args[0]);
                            }
                            case "getStatus" -> {
                                return status;
                            }
                            case "getContentType" -> {
                                return contentType;
                            }
                            case "getCharacterEncoding" -> {
                                return "UTF-8";
                            }
                            case "sendError" -> status = (Integer) args[0];
                            case "setCharacterEncoding", "reset", "resetBuffer", "flushBuffer", "setContentLength",
                                    "setContentLengthLong" -> { }
                            case "getWriter" -> {
                                return writer;
                            }
                            case "getOutputStream" -> {
                                return new javax.servlet.ServletOutputStream() {
                                    @Override
                                    public void write(int b) {
                                        bytes.write(b);
                                    }

                                    @Override
                                    public boolean isReady() {
                                        return true;
                                    }

                                    @Override
                                    public void setWriteListener(javax.servlet.WriteListener listener) {
                                        throw new UnsupportedOperationException();
                                    }
                                };
                            }
                            case "isCommitted" -> {
                                return false;
                            }
                            default -> throw new UnsupportedOperationException(m.getName());
                        }
                        return null;
                    });
        }

        /** What was written, through the writer or the output stream. */
        public String body() {
            return body.toString() + bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        public com.google.gson.JsonObject json() {
            return com.google.gson.JsonParser.parseString(body()).getAsJsonObject();
        }

        /** What was written to the output stream, as bytes (a PDF, a workbook). */
        public byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    private FakeHttp() {
    }
}
