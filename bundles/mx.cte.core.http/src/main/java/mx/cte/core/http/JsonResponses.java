package mx.cte.core.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Writes JSON bodies and RFC 9457 problem documents. Serialises Gson trees only, so its one Gson instance never
 * caches adapters for another bundle's classes.
 */
public final class JsonResponses {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String RETRY_AFTER = "Retry-After";
    /**
     * Header of an answer the web UI's service worker must not keep on the device for offline use, and must drop if
     * it kept an earlier one (personal data of minors: a named pupils' list). Set with {@link #notKeptOnDevice}.
     */
    public static final String NOT_KEPT_ON_DEVICE = "X-Cte-No-Guardar";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private JsonResponses() {
    }

    /** Marks the answer as one the web UI never keeps on the device (see {@link #NOT_KEPT_ON_DEVICE}). */
    public static void notKeptOnDevice(HttpServletResponse response) {
        response.setHeader(NOT_KEPT_ON_DEVICE, "1");
    }

    public static String toJson(JsonElement body) {
        return GSON.toJson(body);
    }

    public static void write(HttpServletResponse response, int status, JsonElement body) throws IOException {
        write(response, status, JSON, body);
    }

    public static void write(HttpServletResponse response, int status, String contentType, JsonElement body)
            throws IOException {
        privateHeaders(response, status, contentType);
        // Straight to the response's bytes through one buffer: no intermediate string of a large body, and not the
        // container's writer, which pays its bookkeeping on each of Gson's many small writes (a profile of the
        // read-only load had it at a third of the CPU; docs/performance.md).
        java.io.Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(response.getOutputStream(),
                StandardCharsets.UTF_8), 8192);
        GSON.toJson(body, writer);
        writer.flush();
    }

    /** A private answer already encoded as UTF-8 JSON ({@link EncodedAnswers}): the headers of {@link #write}. */
    static void writeEncoded(HttpServletResponse response, byte[] json) throws IOException {
        privateHeaders(response, HttpServletResponse.SC_OK, JSON);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    private static void privateHeaders(HttpServletResponse response, int status, String contentType) {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /**
     * A public document that changes rarely (a guide, the product types): sent with an {@code ETag} and
     * {@code Cache-Control: no-cache}, so a browser keeps it and revalidates it; an {@code If-None-Match} that matches
     * gets {@code 304} without a body, which on a slow link is the difference between bytes and kilobytes.
     *
     * @param json the body, already serialized
     */
    public static void writeRevalidated(HttpServletRequest request, HttpServletResponse response, String json)
            throws IOException {
        writeRevalidated(request, response, PublicDocument.of(json));
    }

    /** As {@link #writeRevalidated(HttpServletRequest, HttpServletResponse, String)}, for a document kept encoded. */
    public static void writeRevalidated(HttpServletRequest request, HttpServletResponse response,
            PublicDocument document) throws IOException {
        response.setHeader("ETag", document.etag());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (document.matches(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(document.length());
        response.getOutputStream().write(document.bytes());
    }

    /**
     * A problem document.
     *
     * @param title    short Spanish name of the status, e.g. "No encontrado"
     * @param detail   what was wrong and where, in Spanish
     * @param instance the request path
     */
    public static JsonObject problem(int status, String title, String detail, String instance) {
        JsonObject problem = new JsonObject();
        problem.addProperty("type", "about:blank");
        problem.addProperty("title", title);
        problem.addProperty("status", status);
        problem.addProperty("detail", detail);
        problem.addProperty("instance", instance);
        return problem;
    }

    public static void writeProblem(HttpServletResponse response, int status, String title, String detail,
            String instance) throws IOException {
        write(response, status, PROBLEM_JSON, problem(status, title, detail, instance));
    }

    /**
     * A problem the client is to send again later: 503 while a module is being installed or the database is busy, 409
     * while the same keyed write is still running. {@code Retry-After} tells the web UI's outbox, and any HTTP
     * client, how many seconds to wait before it does.
     */
    public static void writeRetryLater(HttpServletResponse response, int status, int retryAfterSeconds, String title,
            String detail, String instance) throws IOException {
        response.setHeader(RETRY_AFTER, String.valueOf(retryAfterSeconds));
        writeProblem(response, status, title, detail, instance);
    }

    /** Writes a problem document the caller has completed with extra members (e.g. the field at fault). */
    public static void writeProblem(HttpServletResponse response, JsonObject problem) throws IOException {
        write(response, problem.get("status").getAsInt(), PROBLEM_JSON, problem);
    }
}
