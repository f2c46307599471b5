package mx.cte.security.web;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The session cookie: HttpOnly, SameSite=Strict, and Secure whenever the client reached us over HTTPS. */
final class SessionCookie {

    static final String NAME = "CTE_SESSION";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookie() {
    }

    static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NAME.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** Behind a TLS-terminating proxy the request arrives over HTTP with {@code X-Forwarded-Proto: https}. */
    static boolean overTls(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    static void set(HttpServletRequest request, HttpServletResponse response, String token, long maxAgeSeconds) {
        // Servlet 4's Cookie cannot say SameSite, so the header is written whole.
        response.addHeader("Set-Cookie", NAME + "=" + token + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (overTls(request) ? "; Secure" : ""));
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        set(request, response, "", 0);
    }
}
