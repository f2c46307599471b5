package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Clients that try to stop the server without signing in (issue 19, points 2, 5, 8 and 9), bounded in time and count
 * and on loopback only: bodies trickled a byte every few seconds, chunked bodies past the limit, bodies that are not
 * UTF-8; and the UI's headers. Health keeps answering; no answer is a 500. The burst of parallel sign-ins (point 3)
 * needs the distribution's own 256 MB heap: it is in {@link BackupRestoreIT}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class HostileClientsIT {

    @Inject
    private BootFinished bootFinished;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    private static int port() {
        return Integer.parseInt(System.getProperty(CteKaraf.HTTP_PORT_PROPERTY));
    }

    private static Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port()), 2_000);
        socket.setSoTimeout(15_000);
        return socket;
    }

    /** The status line's code of the answer on this socket. */
    private static int status(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        String[] parts = line.toString().split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }

    /** Health answered while {@code attack} runs: each answer's latency in ms, -1 for a failure. */
    private static List<Long> healthDuring(Duration duration) throws InterruptedException {
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> health = Http.CLIENT.send(HttpRequest.newBuilder(Http.api("/api/v1/health"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                latencies.add(health.statusCode() == 200 ? (System.nanoTime() - start) / 1_000_000 : -1);
            } catch (IOException e) {
                latencies.add(-1L);
            }
            Thread.sleep(250);
        }
        return latencies;
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    @Test
    public void bodiesTrickledAByteAtATimeDoNotStopHealth() throws Exception {
        int connections = 250;
        Duration attack = Duration.ofSeconds(20);
        List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        ExecutorService attacker = Executors.newSingleThreadExecutor();
        Future<?> trickle = attacker.submit(() -> {
            long end = System.nanoTime() + attack.toNanos();
            byte[] head = ("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII);
            while (System.nanoTime() < end) {
                synchronized (sockets) {
                    for (int i = 0; i < connections; i++) {
                        try {
                            if (i >= sockets.size()) {
                                Socket socket = open();
                                socket.getOutputStream().write(head);
                                sockets.add(socket);
                            } else if (sockets.get(i).getInputStream().available() > 0) {
                                // The server answered before the body was complete: it let go of this one.
                                answers.merge(status(sockets.get(i)), 1, Integer::sum);
                                sockets.get(i).close();
                                Socket socket = open();
                                socket.getOutputStream().write(head);
                                sockets.set(i, socket);
                            } else {
                                OutputStream out = sockets.get(i).getOutputStream();
                                out.write(' ');
                                out.flush();
                            }
                        } catch (IOException e) {
                            answers.merge(-1, 1, Integer::sum);
                        }
                    }
                }
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Thread.sleep(1_000);
        List<Long> latencies = healthDuring(attack.minusSeconds(2));
        trickle.get(30, TimeUnit.SECONDS);
        attacker.shutdownNow();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        System.err.println("Slow bodies: " + connections + " connections for " + attack.toSeconds() + " s, "
                + "answers to the trickled bodies " + answers + "; health answered " + latencies.size() + " times, p50 "
                + percentile(latencies, 0.5) + " ms, p99 " + percentile(latencies, 0.99) + " ms, max "
                + Collections.max(latencies) + " ms");
        assertTrue("health failed during the attack: " + latencies, latencies.stream().noneMatch(l -> l < 0));
        assertTrue("health slowed past 2 s during the attack: " + latencies, percentile(latencies, 0.99) < 2_000);
        assertTrue("the server never cut a trickling body: " + answers, answers.getOrDefault(408, 0) > 0);
        assertTrue("a trickled body got something else than a client error: " + answers,
                answers.keySet().stream().allMatch(status -> status >= 400 && status < 500));
    }

    @Test
    public void aChunkedBodyPastTheLimitIsCutWith413() throws Exception {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 48; i++) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before the whole body is sent: that is the point
            }
            assertEquals(413, status(socket));
        }
    }

    @Test
    public void aBodyThatIsNotUtf8IsRefusedNotStoredAsReplacementCharacters() throws Exception {
        byte[] latin1 = "{\"usuario\": \"docente.ana\", \"contraseña\": \"niño\"}".getBytes(
                StandardCharsets.ISO_8859_1);
        HttpResponse<String> answer = new WebSession().sendBytes("POST", "/api/v1/session", latin1,
                "application/json");
        assertEquals(answer.body(), 400, answer.statusCode());
        assertTrue(answer.body(), answer.body().contains("UTF-8"));
    }

    /** Issue 19, point 9: the UI's files keep scripts out and cannot be framed; its address redirects to a path. */
    @Test
    public void theUiIsServedWithHeadersThatKeepForeignScriptsAndFramesOut() throws Exception {
        for (String file : List.of("/ui/", "/ui/app.js", "/ui/estilos.css")) {
            HttpResponse<String> answer = Http.get(file);
            assertEquals(file, 200, answer.statusCode());
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(file + ": " + policy, policy.contains("script-src 'self'") && policy.contains(
                    "frame-ancestors 'none'"));
            assertEquals(file, "DENY", answer.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals(file, "nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        try (Socket socket = open()) {
            socket.getOutputStream().write("GET /ui HTTP/1.1\r\nHost: sitio-ajeno.example\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer, answer.startsWith("HTTP/1.1 302"));
            assertTrue("the redirect stays on this site: " + answer, answer.contains("\r\nLocation: /ui/\r\n"));
        }
    }
}
