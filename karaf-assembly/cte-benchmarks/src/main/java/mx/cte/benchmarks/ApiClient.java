package mx.cte.benchmarks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One signed-in person of the harness, as a browser is: the session cookie kept, the CSRF token sent on every
 * request. The cookie and the token are also handed to wrk.
 */
final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String cookie;
    private String csrf;

    /** A client that has not signed in. */
    ApiClient(String base) {
        this.base = base;
    }

    static ApiClient signIn(String base, String username, String password) throws Exception {
        ApiClient client = new ApiClient(base);
        JsonObject body = new JsonObject();
        body.addProperty("usuario", username);
        body.addProperty("contrasena", password);
        HttpResponse<String> answer = client.sendAgainWhenAsked("POST", "/api/v1/session", body.toString(),
                "application/json");
        // As a browser would: a busy server (503) or too many sign-ins from this address at once say when to retry.
        for (int attempt = 0; attempt < 20 && answer.headers().firstValue("Retry-After").isPresent()
                && (answer.statusCode() == 503 || answer.statusCode() == 429); attempt++) {
            Thread.sleep(1000L * Long.parseLong(answer.headers().firstValue("Retry-After").get()));
            answer = client.sendAgainWhenAsked("POST", "/api/v1/session", body.toString(), "application/json");
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + username + ": " + answer.body());
        }
        client.csrf = JsonParser.parseString(answer.body()).getAsJsonObject().get("csrfToken").getAsString();
        client.cookie = answer.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        return client;
    }

    /** One of the demo accounts the distribution wrote at its first start. */
    static ApiClient demo(Distribution karaf, String username) throws Exception {
        return signIn(karaf.baseUrl(), username, karaf.demoPassword(username));
    }

    String cookie() {
        return cookie;
    }

    String csrf() {
        return csrf;
    }

    HttpResponse<String> send(String method, String path, String body, String type) throws IOException,
            InterruptedException {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), type, csrf);
    }

    /** A body sent chunked, without a length the server could check beforehand. */
    HttpResponse<String> sendChunked(String method, String path, byte[] body, String type)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .header("Content-Type", type);
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON write as the web UI's outbox sends it: with its own idempotency key, the same on every resend. */
    HttpResponse<String> sendKeyed(String method, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        return send(method, path, body.getBytes(StandardCharsets.UTF_8), "application/json", csrf,
                idempotencyKey);
    }

    /** Any request, with the CSRF token given (a forged one, for the hostile-input corpus). */
    HttpResponse<String> send(String method, String path, byte[] body, String type, String csrfToken)
            throws IOException, InterruptedException {
        return send(method, path, body, type, csrfToken, null);
    }

    private HttpResponse<String> send(String method, String path, byte[] body, String type, String csrfToken,
            String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A guide jar to the publishing API with its publisher's detached signature (header {@code CTE-Firma}). */
    HttpResponse<String> sendSignedJar(String path, byte[] jar, byte[] signature) throws IOException,
            InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(jar)).header("Content-Type", "application/java-archive")
                .header("X-CSRF-Token", csrf).header("CTE-Firma", java.util.Base64.getEncoder()
                        .encodeToString(signature)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends as the web UI's outbox does when the server asks for it: again after a 408 (the body arrived too slowly,
     * as it can while the harness's own threads share the two cores with the platform) or a 503, up to five times.
     * For the seeding, whose data the measured runs need; the measured runs and the hostile corpus send once.
     */
    private HttpResponse<String> sendAgainWhenAsked(String method, String path, String body, String type)
            throws Exception {
        HttpResponse<String> answer = send(method, path, body, type);
        for (int attempt = 2; attempt <= 5 && (answer.statusCode() == 408 || answer.statusCode() == 503); attempt++) {
            Thread.sleep(1000);
            answer = send(method, path, body, type);
        }
        return answer;
    }

    JsonObject json(String method, String path, String body) throws Exception {
        HttpResponse<String> answer = sendAgainWhenAsked(method, path, body, body == null ? null : "application/json");
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    void expect(int status, String method, String path, String body) throws Exception {
        HttpResponse<String> answer = status == 408 || status == 503 ? send(method, path, body, "application/json")
                : sendAgainWhenAsked(method, path, body, "application/json");
        if (answer.statusCode() != status) {
            throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
        }
    }
}
