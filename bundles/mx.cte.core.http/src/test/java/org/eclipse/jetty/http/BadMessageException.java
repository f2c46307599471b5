package org.eclipse.jetty.http;

/** Stands in for Jetty's exception in the unit tests: JsonServlet knows it by name, not by import. */
public class BadMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadMessageException(String message) {
        super(message);
    }
}
