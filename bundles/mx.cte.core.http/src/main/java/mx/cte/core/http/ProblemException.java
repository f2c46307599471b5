package mx.cte.core.http;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A client's request cannot be served as asked: thrown anywhere below a {@link JsonServlet}, it becomes an
 * {@code application/problem+json} answer with this status, title and detail (in Spanish, for the user), and is
 * logged without a stack trace.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient Map<String, JsonElement> extensions = new LinkedHashMap<>();
    private int retryAfterSeconds;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /**
     * Adds a member to the problem beyond status, title and detail, such as {@code actual} (the current record) on a
     * 409, so that the client can show it without asking again.
     */
    public ProblemException with(String member, JsonElement value) {
        extensions.put(member, value);
        return this;
    }

    /**
     * Names the member of the request at fault ({@code campo}: a JSON member such as {@code fechaLimite}, a path
     * segment or a query parameter), so that a form can mark it; one shape for every module.
     */
    public ProblemException at(String field) {
        return with("campo", new com.google.gson.JsonPrimitive(field));
    }

    /** The member at fault, if {@link #at} named one. */
    public java.util.Optional<String> field() {
        JsonElement field = extensions.get("campo");
        return field == null ? java.util.Optional.empty() : java.util.Optional.of(field.getAsString());
    }

    /**
     * Asks the client to send the request again after this many seconds ({@code Retry-After}): for a refusal that
     * passes, such as a module being updated.
     */
    public ProblemException retryAfter(int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("Retry-After must be at least 1 s: " + seconds);
        }
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** The seconds {@link #retryAfter} asked the client to wait, if it did. */
    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds == 0 ? OptionalInt.empty() : OptionalInt.of(retryAfterSeconds);
    }

    public Map<String, JsonElement> extensions() {
        return Map.copyOf(extensions);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Solicitud no válida", detail);
    }

    /** A 400 for one member of the request, named in {@code campo}. */
    public static ProblemException badField(String field, String detail) {
        return badRequest(detail).at(field);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "No encontrado", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Sin permiso", detail);
    }
}
