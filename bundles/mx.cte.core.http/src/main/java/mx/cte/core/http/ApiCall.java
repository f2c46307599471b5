package mx.cte.core.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * One request as a route's handler sees it: its path parameters and query parameters, typed, each refusal a 400 that
 * names the parameter; its JSON body, as a tree or bound to a record; and the ways to answer.
 */
public final class ApiCall {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Map<String, String> pathParameters;
    private JsonObject body;

    public ApiCall(HttpServletRequest request, HttpServletResponse response, Map<String, String> pathParameters) {
        this.request = request;
        this.response = response;
        this.pathParameters = pathParameters;
    }

    public HttpServletRequest request() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }

    public String uri() {
        return request.getRequestURI();
    }

    /** A path parameter as the route took it. */
    public String path(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("The route has no parameter {" + name + "}");
        }
        return value;
    }

    /**
     * A path parameter read by {@code parser}; the parser's {@link IllegalArgumentException} becomes a 400 with its
     * message (which should say what a valid value looks like) naming the parameter.
     */
    public <T> T path(String name, Function<String, T> parser) {
        return parsed(name, path(name), parser);
    }

    /** A {@code {name:int}} parameter. */
    public long pathNumber(String name) {
        return Long.parseLong(path(name));
    }

    /** A query parameter, empty when absent or blank. */
    public Optional<String> query(String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** A query parameter read by {@code parser}, empty when absent or blank; a refusal is a 400 naming it. */
    public <T> Optional<T> query(String name, Function<String, T> parser) {
        return query(name).map(value -> parsed(name, value, parser));
    }

    /** A whole-number query parameter within {@code min..max}, {@code absent} when missing. */
    public int queryNumber(String name, int absent, int min, int max) {
        Optional<String> text = query(name);
        if (text.isEmpty()) {
            return absent;
        }
        String value = text.get();
        if (value.length() > 10 || !value.matches("-?\\d+") || Long.parseLong(value) < min
                || Long.parseLong(value) > max) {
            throw ProblemException.badField(name, "El parámetro '" + name + "' debe ser un número entero entre "
                    + min + " y " + max + "; llegó '" + shortened(value) + "'.");
        }
        return Integer.parseInt(value);
    }

    /**
     * A value read by {@code parser}, for a path segment, a query parameter or a body member named {@code name}: the
     * parser's {@link IllegalArgumentException} becomes a 400 whose {@code campo} is the name and whose detail starts
     * with it ("escuela: …").
     */
    public static <T> T parsed(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (ProblemException problem) {
            throw problem.field().isPresent() ? problem : problem.at(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, name + ": " + e.getMessage());
        }
    }

    /** The body as a JSON object (read once; a second call gives the same object). */
    public JsonObject body() throws IOException {
        if (body == null) {
            body = JsonRequests.object(request);
        }
        return body;
    }

    /** The body bound to a record by {@link JsonBinding}: a missing or mistyped member is a 400 naming it. */
    public <R extends Record> R body(Class<R> type) throws IOException {
        return JsonBinding.bind(body(), type);
    }

    public void ok(JsonElement answer) throws IOException {
        JsonResponses.write(response, HttpServletResponse.SC_OK, answer);
    }

    /** 201 with a {@code Location} for what was created. */
    public void created(String location, JsonElement answer) throws IOException {
        response.setHeader("Location", location);
        JsonResponses.write(response, HttpServletResponse.SC_CREATED, answer);
    }

    public void noContent() {
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    public void answer(int status, JsonElement answer) throws IOException {
        JsonResponses.write(response, status, answer);
    }

    /** Values echoed in messages are cut, so a hostile parameter does not fill a log line or a problem. */
    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
