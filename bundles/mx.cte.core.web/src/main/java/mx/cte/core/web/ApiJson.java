package mx.cte.core.web;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletResponse;

/** Writes JSON bodies and RFC 9457 problem documents. One Gson per bundle, never shared across bundles. */
final class ApiJson {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private ApiJson() {
    }

    static String toJson(JsonObject body) {
        return GSON.toJson(body);
    }

    static void write(HttpServletResponse response, int status, String contentType, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(toJson(body));
    }

    /**
     * A problem document: {@code title} is the short Spanish name of the status, {@code detail} says what was wrong
     * and where, {@code instance} is the request path.
     */
    static JsonObject problem(int status, String title, String detail, String instance) {
        JsonObject problem = new JsonObject();
        problem.addProperty("type", "about:blank");
        problem.addProperty("title", title);
        problem.addProperty("status", status);
        problem.addProperty("detail", detail);
        problem.addProperty("instance", instance);
        return problem;
    }

    static void writeProblem(HttpServletResponse response, int status, String title, String detail, String instance)
            throws IOException {
        write(response, status, PROBLEM_JSON, problem(status, title, detail, instance));
    }
}
