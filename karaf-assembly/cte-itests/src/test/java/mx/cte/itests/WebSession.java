package mx.cte.itests;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A browser-like client: keeps the session cookie and sends the CSRF token on state-changing requests. */
final class WebSession {

    private final HttpClient client;
    private final String baseUrl;
    private String csrfToken;

    private WebSession(HttpClient client, String baseUrl, String csrfToken) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.csrfToken = csrfToken;
    }

    /** A client of the container the test runs in. */
    WebSession() {
        this(Http.api("").toString());
    }

    /** A client of a distribution at {@code baseUrl}, e.g. {@code http://localhost:8282}. */
    WebSession(String baseUrl) {
        this(HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build(),
                baseUrl, null);
    }

    /** A GET with exactly this Cookie header, bypassing the browser's cookies (a session token kept elsewhere). */
    HttpResponse<String> getWithCookie(String path, String cookie) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The browser's Cookie header for this address, e.g. {@code CTE_SESSION=...}. */
    String cookieHeader() {
        return client.cookieHandler().map(handler -> {
            try {
                return String.join("; ", handler.get(java.net.URI.create(baseUrl + "/api/v1/session"),
                        java.util.Map.of()).getOrDefault("Cookie", java.util.List.of()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).orElse("");
    }

    /** The same signed-in browser talking to another address on the same host (another node, the balancer). */
    WebSession at(String otherBaseUrl) {
        return new WebSession(client, otherBaseUrl, csrfToken);
    }

    /** Signs in as one of the demo accounts, whose passwords the distribution wrote to etc/cuentas-demo.txt. */
    static WebSession demo(String username) throws Exception {
        return demo(new WebSession(), Path.of(System.getProperty("karaf.etc"), "cuentas-demo.txt"), username);
    }

    static WebSession demo(WebSession session, Path passwords, String username) throws Exception {
        HttpResponse<String> response = session.signIn(username, demoPassword(passwords, username));
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in of " + username + ": " + response.statusCode() + " " + response.body());
        }
        return session;
    }

    static String demoPassword(String username) throws IOException {
        return demoPassword(Path.of(System.getProperty("karaf.etc"), "cuentas-demo.txt"), username);
    }

    static String demoPassword(Path passwords, String username) throws IOException {
        for (String line : Files.readAllLines(passwords)) {
            String[] parts = line.split(" ");
            if (parts[0].equals(username)) {
                return parts[1];
            }
        }
        throw new AssertionError("no demo account " + username);
    }

    HttpResponse<String> signIn(String username, String password) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("usuario", username);
        body.addProperty("contrasena", password);
        HttpResponse<String> response = send("POST", "/api/v1/session", body.toString(), "application/json");
        if (response.statusCode() == 200) {
            csrfToken = JsonParser.parseString(response.body()).getAsJsonObject().get("csrfToken").getAsString();
        }
        return response;
    }

    /**
     * GETs until the answer is 200, for a freshly started process: the modules that live on the database start when
     * its DataSource appears, which can be shortly after Karaf reports its boot finished.
     */
    HttpResponse<String> awaitOk(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> last = get(path);
        while (last.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = get(path);
        }
        return last;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    /** The body of an answer as a JSON object. */
    static com.google.gson.JsonObject json(HttpResponse<String> response) {
        return com.google.gson.JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** A request with a JSON body, or none when {@code body} is null. */
    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, body == null ? null : "application/json");
    }

    HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        return send(method, path, body, contentType, true);
    }

    /** A JSON write with an Idempotency-Key, as the web UI sends the edits it kept while offline. */
    HttpResponse<String> sendKeyed(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Idempotency-Key", key);
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose answer is a file (a PDF, a CSV), kept as bytes. */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(java.net.URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> sendBytes(String method, String path, byte[] body, String contentType) throws Exception {
        return send(method, path, HttpRequest.BodyPublishers.ofByteArray(body), contentType, true);
    }

    /** Bytes with extra headers, such as a guide jar with its signature. */
    HttpResponse<String> sendBytes(String method, String path, byte[] body, String contentType,
            java.util.Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        headers.forEach(request::header);
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A file as the body, streamed from disk. */
    HttpResponse<String> sendFile(String method, String path, Path body, String contentType) throws Exception {
        return send(method, path, HttpRequest.BodyPublishers.ofFile(body), contentType, true);
    }

    HttpResponse<String> send(String method, String path, String body, String contentType, boolean withCsrf)
            throws IOException, InterruptedException {
        return send(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), contentType, withCsrf);
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body,
            String contentType, boolean withCsrf) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (withCsrf && csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
