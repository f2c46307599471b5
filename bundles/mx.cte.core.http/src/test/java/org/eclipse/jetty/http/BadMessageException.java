package org.eclipse.jetty.http;

/** Stands in for Jetty's exception in the unit tests: JsonServlet knows it by name, not by import. */
public class BadMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    public BadMessageException(String message) {
        this(400, message);
    }

    public BadMessageException(int code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** As Jetty's: the HTTP status the container means. */
    public int getCode() {
        return code;
    }
}
