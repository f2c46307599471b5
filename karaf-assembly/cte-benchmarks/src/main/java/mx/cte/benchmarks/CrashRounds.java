package mx.cte.benchmarks;

import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Part 6 of issue 7, crashes: rounds of a stream of bitácora writes from 8 clients, each sent as the web UI sends it
 * (with an {@code Idempotency-Key}), a {@code kill -9} of the Karaf process at a random moment, a restart, the writes
 * whose answer the kill cut off sent again with their keys, as the UI's outbox does, and a check that every write the
 * platform acknowledged (201 with its id) is there, with its text, and that none is there twice.
 */
final class CrashRounds {

    private final Consumer<String> report;
    private final Path out;
    private final int rounds;

    CrashRounds(Consumer<String> report, Path out, int rounds) {
        this.report = report;
        this.out = out;
        this.rounds = rounds;
    }

    private record Acknowledged(long id, String text) {
    }

    /** A write sent when the kill came: its answer never arrived. */
    private record InFlight(String key, String text) {
    }

    void run(Path archive) throws Exception {
        Random random = new Random(20161125);
        List<Acknowledged> all = new ArrayList<>();
        long missing = 0;
        long changed = 0;
        long resent = 0;
        long twice = 0;
        long restartMillis = 0;
        try (Distribution karaf = Distribution.unpack(archive, out.resolve("distribution"))) {
            karaf.start();
            for (int round = 1; round <= rounds; round++) {
                ApiClient session = ApiClient.demo(karaf, "directora.rosaura");
                Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
                Queue<InFlight> cutOff = new ConcurrentLinkedQueue<>();
                AtomicBoolean writing = new AtomicBoolean(true);
                ExecutorService clients = Executors.newFixedThreadPool(8);
                int thisRound = round;
                for (int client = 0; client < 8; client++) {
                    int c = client;
                    clients.submit(() -> {
                        for (int n = 0; writing.get(); n++) {
                            String text = "Ronda " + thisRound + ", cliente " + c + ", acuerdo " + n;
                            String key = "crash-" + thisRound + "-" + c + "-" + n;
                            try {
                                HttpResponse<String> answer = session.sendKeyed("POST", DemoAgreements.PATH,
                                        DemoAgreements.body(text), key);
                                if (answer.statusCode() == 201) {
                                    acknowledged.add(new Acknowledged(JsonParser.parseString(answer.body())
                                            .getAsJsonObject().get("id").getAsLong(), text));
                                }
                            } catch (Exception killed) {
                                cutOff.add(new InFlight(key, text));
                                return;
                            }
                        }
                    });
                }
                Thread.sleep(1000 + random.nextInt(2000));
                karaf.kill();
                writing.set(false);
                clients.shutdown();
                clients.awaitTermination(30, TimeUnit.SECONDS);
                all.addAll(acknowledged);
                restartMillis += karaf.start().toMillis();
                ApiClient after = ApiClient.demo(karaf, "directora.rosaura");
                for (InFlight write : cutOff) {
                    resent++;
                    acknowledged.add(new Acknowledged(resend(after, write), write.text()));
                }
                for (Acknowledged write : acknowledged) {
                    HttpResponse<String> stored = read(after, write.id());
                    if (stored.statusCode() == 404 && stored.body().contains("no tiene el acuerdo")) {
                        missing++;
                    } else if (stored.statusCode() != 200) {
                        throw new IllegalStateException("could not read agreement " + write.id() + " back: "
                                + stored.statusCode() + " " + stored.body());
                    } else if (!JsonParser.parseString(stored.body()).getAsJsonObject().get("acuerdo").getAsString()
                            .equals(write.text())) {
                        changed++;
                    }
                }
                twice += storedTwice(after, thisRound);
            }
        }
        report.accept("");
        report.accept(String.format("6. Crashes: %d rounds of kill -9 during a stream of keyed bitácora writes from 8"
                + " clients: %d writes acknowledged (%d of them sent again after the restart, their answer cut off by"
                + " the kill), %d missing after restart, %d with other content, %d stored twice (target 0);"
                + " restart to the first 200 of health %.1f s on average", rounds, all.size(), resent, missing, changed,
                twice, restartMillis / 1000.0 / rounds));
    }

    /**
     * An agreement read back after the restart. Until the logbook's servlet is routed the answer is the API's 503 or
     * 404 for a path nobody serves, so it is asked again; only the logbook's own "no such agreement" counts as lost.
     */
    private static HttpResponse<String> read(ApiClient session, long id) throws Exception {
        HttpResponse<String> stored = null;
        for (int attempt = 0; attempt < 300; attempt++) {
            stored = session.send("GET", DemoAgreements.PATH + "/" + id, null, null);
            if (stored.statusCode() == 200 || stored.body().contains("no tiene el acuerdo")) {
                return stored;
            }
            Thread.sleep(100);
        }
        return stored;
    }

    /**
     * Sends a write again with its key until the restarted platform answers it: 201 whether it runs now or had
     * committed before the kill (then the kept answer, replayed). A 409 means its key's claim is still held (on
     * PostgreSQL, by the killed node's row, for up to 2 minutes); a 503 or 404, a module still starting.
     */
    private static long resend(ApiClient session, InFlight write) throws Exception {
        for (int attempt = 0; attempt < 1500; attempt++) {
            HttpResponse<String> answer = session.sendKeyed("POST", DemoAgreements.PATH,
                    DemoAgreements.body(write.text()), write.key());
            if (answer.statusCode() == 201) {
                return JsonParser.parseString(answer.body()).getAsJsonObject().get("id").getAsLong();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the write with key " + write.key() + " was not answered after the restart");
    }

    /** How many of this round's texts the school's logbook holds more than once. */
    private static long storedTwice(ApiClient session, int round) throws Exception {
        HttpResponse<String> all = session.send("GET", DemoAgreements.PATH + "?sesion=" + DemoAgreements.SESSION,
                null, null);
        if (all.statusCode() != 200) {
            throw new IllegalStateException("could not list the agreements: " + all.statusCode() + " " + all.body());
        }
        java.util.Map<String, Integer> times = new java.util.HashMap<>();
        JsonParser.parseString(all.body()).getAsJsonObject().getAsJsonArray("acuerdos").forEach(agreement -> {
            String text = agreement.getAsJsonObject().get("acuerdo").getAsString();
            if (text.startsWith("Ronda " + round + ",")) {
                times.merge(text, 1, Integer::sum);
            }
        });
        return times.values().stream().filter(n -> n > 1).count();
    }
}
