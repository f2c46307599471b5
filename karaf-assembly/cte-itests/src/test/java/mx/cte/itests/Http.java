package mx.cte.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** HTTP calls from inside the container to its own web server, waiting for an endpoint to come up. */
public final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static URI api(String path) {
        return URI.create("http://localhost:" + System.getProperty(CteKaraf.HTTP_PORT_PROPERTY) + path);
    }

    public static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(10)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} until it answers {@code status} or the timeout passes; returns the last answer. */
    public static HttpResponse<String> awaitStatus(String path, int status, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpResponse<String> last = null;
        Exception lastError = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get(path);
                if (last.statusCode() == status) {
                    return last;
                }
            } catch (IOException e) {
                lastError = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " did not answer " + status + " within " + timeout + "; last: "
                + (last != null ? last.statusCode() + " " + last.body() : String.valueOf(lastError)));
    }
}
