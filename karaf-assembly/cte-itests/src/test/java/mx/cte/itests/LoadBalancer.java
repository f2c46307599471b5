package mx.cte.itests;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy in front of the nodes, with the configuration the distribution ships ({@code etc/haproxy/cte.cfg}): only its
 * listening address and its server lines are the test's. Runs in the foreground as a child of the test.
 */
final class LoadBalancer implements AutoCloseable {

    static final String PROGRAM = "/usr/sbin/haproxy";

    private final Process process;
    private final int port;

    private LoadBalancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(PROGRAM));
    }

    /** Starts HAProxy on a free port in front of {@code nodes}, from the shipped file in {@code distributionEtc}. */
    static LoadBalancer start(Path distributionEtc, Path folder, List<DistributionProcess> nodes) throws Exception {
        int port = Ports.free();
        List<String> lines = new ArrayList<>();
        boolean inNodes = false;
        for (String line : Files.readAllLines(distributionEtc.resolve("haproxy/cte.cfg"), StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# nodos: inicio")) {
                inNodes = true;
                lines.add(line);
                for (int i = 0; i < nodes.size(); i++) {
                    lines.add("    server nodo" + (i + 1) + " 127.0.0.1:" + nodes.get(i).httpPort() + " check");
                }
                continue;
            }
            if (trimmed.startsWith("# nodos: fin")) {
                inNodes = false;
            }
            if (inNodes) {
                continue;
            }
            lines.add(trimmed.startsWith("bind ") ? "    bind 127.0.0.1:" + port : line);
        }
        Files.createDirectories(folder);
        Path config = folder.resolve("cte.cfg");
        Files.write(config, lines, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(PROGRAM, "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("haproxy.log").toFile()).start();
        LoadBalancer balancer = new LoadBalancer(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("HAProxy stopped: " + Files.readString(folder.resolve("haproxy.log")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return balancer;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        balancer.close();
        throw new AssertionError("HAProxy did not listen on " + port + " within 20 s");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
