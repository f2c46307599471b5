package mx.cte.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes bitácora agreements one after another the way the web UI's outbox does: each with its own Idempotency-Key,
 * sent again with the same key after a 503 until it is acknowledged. Run during a module update, it counts the
 * writes the update lost or stored twice.
 */
final class OutboxWriter implements Runnable {

    private static final String MARK = "Escrito durante la actualización " + UUID.randomUUID();

    record Count(long acknowledged, long refused, long missing, long duplicated) {
    }

    private final ApiClient client;
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile Exception failure;

    OutboxWriter(ApiClient client) {
        this.client = client;
    }

    @Override
    public void run() {
        try {
            for (int n = 0; writing.get(); n++) {
                String text = MARK + ", acuerdo " + n;
                String key = UUID.randomUUID().toString();
                String body = DemoAgreements.body(text);
                while (true) {
                    HttpResponse<String> answer;
                    try {
                        answer = client.sendKeyed("POST", DemoAgreements.PATH, body, key);
                    } catch (java.io.IOException lost) {
                        // No answer: the outbox sends it again with the same key, and so does this.
                        refused.incrementAndGet();
                        continue;
                    }
                    if (answer.statusCode() == 201) {
                        acknowledged.add(text);
                        break;
                    }
                    if (answer.statusCode() != 503) {
                        throw new IllegalStateException("agreement refused with " + answer.statusCode() + ": "
                                + answer.body());
                    }
                    refused.incrementAndGet();
                    Thread.sleep(20);
                }
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    /** Ends the stream once the write in hand is acknowledged. */
    void stop() {
        writing.set(false);
    }

    /** Reads the session's agreements back and compares them with what was acknowledged. */
    Count count() throws Exception {
        if (failure != null) {
            throw new IllegalStateException("the outbox writer failed", failure);
        }
        JsonArray stored = JsonParser.parseString(client.send("GET", DemoAgreements.PATH
                + "?sesion=" + DemoAgreements.SESSION, null, null).body()).getAsJsonObject().getAsJsonArray("acuerdos");
        Map<String, Integer> copies = new HashMap<>();
        for (JsonElement agreement : stored) {
            String text = agreement.getAsJsonObject().get("acuerdo").getAsString();
            if (text.startsWith(MARK)) {
                copies.merge(text, 1, Integer::sum);
            }
        }
        long missing = acknowledged.stream().filter(text -> !copies.containsKey(text)).count();
        long duplicated = copies.values().stream().filter(n -> n > 1).count();
        return new Count(acknowledged.size(), refused.get(), missing, duplicated);
    }
}
