package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.Test;

/**
 * Every acknowledged write survives a crash: a director saves her school's structure again and again while the Karaf
 * process is killed with SIGKILL; after a restart the school holds the last acknowledged save (or the one that was in
 * flight when the process died, if the database had committed it), never an older one.
 */
public class KillRestartIT {

    private static final String SCHOOL = "15EJN0101A";
    private static final String PATH = "/api/v1/schools/" + SCHOOL + "/structure";

    /** One acknowledged save: its sequence number and the version the server answered. */
    record Saved(int sequence, long version) {
    }

    private static String structure(int sequence, long version) {
        return "{\"multigrado\": false, \"grupos\": [{\"nombre\": \"V" + sequence + "\", \"grados\": [1]}],"
                + " \"version\": " + version + "}";
    }

    @Test
    public void acknowledgedWritesSurviveSigkill() throws Exception {
        try (DistributionProcess karaf = DistributionProcess.unpack("kill-restart")) {
            karaf.start();
            WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                    "directora.rosaura");
            long version = DistributionProcess.number(director.awaitOk("/api/v1/schools/" + SCHOOL).body(), "version");

            List<Saved> acknowledged = new ArrayList<>();
            CompletableFuture<Void> killer = null;
            for (int sequence = 1; sequence < 10_000; sequence++) {
                if (acknowledged.size() == 40 && killer == null) {
                    // Kill while the writer keeps going, so a write is likely in flight.
                    killer = CompletableFuture.runAsync(() -> {
                        try {
                            karaf.kill();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                HttpResponse<String> response;
                try {
                    response = director.send("PUT", PATH, structure(sequence, version), "application/json");
                } catch (IOException connectionLost) {
                    break;
                }
                assertEquals(response.body(), 200, response.statusCode());
                version = DistributionProcess.number(response.body(), "version");
                acknowledged.add(new Saved(sequence, version));
            }
            killer.get();
            Saved last = acknowledged.get(acknowledged.size() - 1);
            assertTrue("writes were acknowledged before the kill: " + acknowledged.size(), acknowledged.size() >= 40);

            karaf.start();
            WebSession again = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                    "directora.rosaura");
            JsonObject school = JsonParser.parseString(again.awaitOk("/api/v1/schools/" + SCHOOL).body())
                    .getAsJsonObject();
            long recovered = school.get("version").getAsLong();
            String group = school.getAsJsonArray("grupos").get(0).getAsJsonObject().get("nombre").getAsString();
            assertTrue("recovered version " + recovered + " after acknowledged " + last.version(),
                    recovered == last.version() || recovered == last.version() + 1);
            assertEquals("the content matches the recovered version", "V" + (last.sequence()
                    + (recovered - last.version())), group);
            karaf.stop();
        }
    }
}
