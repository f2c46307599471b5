package mx.cte.itests;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Reads the guide API the way a client does, waiting where the platform changes asynchronously. */
final class GuideApi {

    static final Duration WAIT = Duration.ofSeconds(20);

    private GuideApi() {
    }

    static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** The guide's entry in {@code GET /api/v1/guides}, or null when it is not listed. */
    static JsonObject listed(String key) throws Exception {
        for (JsonElement guide : json(Http.get("/api/v1/guides")).getAsJsonArray("guides")) {
            if (guide.getAsJsonObject().get("key").getAsString().equals(key)) {
                return guide.getAsJsonObject();
            }
        }
        return null;
    }

    /** Polls the guide list until the guide is listed and satisfies the condition. */
    static JsonObject awaitGuide(String key, Predicate<JsonObject> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = listed(key);
            if (last != null && condition.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("guide " + key + " did not reach the expected state; last: " + last);
    }

    /**
     * Uninstalls a published guide bundle through the API and checks it went. While a module the API needs is being
     * swapped it answers 503: asked again, as a person would. A 404 is a failure (it once hid a guide undone by the
     * shared desired state read before the publish had committed).
     */
    static void removeGuideBundle(WebSession publisher, long bundle) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> answer = publisher.send("DELETE", "/api/v1/guide-bundles/" + bundle, null, null);
        while (answer.statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = publisher.send("DELETE", "/api/v1/guide-bundles/" + bundle, null, null);
        }
        if (answer.statusCode() != 204) {
            throw new AssertionError("guide bundle " + bundle + " was not removed: " + answer.statusCode() + " "
                    + answer.body());
        }
    }

    static Predicate<JsonObject> status(String status) {
        return guide -> status.equals(guide.get("status").getAsString());
    }

    static String activeVersion(JsonObject guide) {
        return guide.get("activeVersion").isJsonNull() ? null : guide.get("activeVersion").getAsString();
    }

    /** Whether the audit log holds an event of the action whose text contains {@code detail}. */
    static boolean audited(WebSession admin, String action, String detail) throws Exception {
        HttpResponse<String> response = admin.get("/api/v1/audit?accion=" + action + "&limite=200");
        if (response.statusCode() != 200) {
            throw new AssertionError("the audit log answered " + response.statusCode() + ": " + response.body());
        }
        for (JsonElement event : json(response).getAsJsonArray("eventos")) {
            if (event.toString().contains(detail)) {
                return true;
            }
        }
        return false;
    }

    /** The versions of the guide's installed editions, as listed. */
    static List<String> editionVersions(JsonObject guide) {
        return strings(guide.getAsJsonArray("editions"), "version");
    }

    /** The array's strings, or each element's {@code member} when it is not null. */
    static List<String> strings(JsonArray array, String member) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(e -> member == null ? e.getAsString() : e.getAsJsonObject().get(member).getAsString())
                .collect(Collectors.toList());
    }
}
