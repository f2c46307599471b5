package mx.cte.benchmarks;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy as the distribution ships it ({@code etc/haproxy/cte.cfg}), with this run's port and one server line per
 * node, in the foreground as a child of the harness.
 */
final class Balancer implements AutoCloseable {

    static final Path PROGRAM = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final int port;

    private Balancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Balancer start(Path shippedConfig, Path folder, List<Distribution> nodes) throws Exception {
        int port = Distribution.freePort();
        List<String> config = new ArrayList<>();
        boolean skipping = false;
        for (String line : Files.readAllLines(shippedConfig, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# nodos: fin")) {
                skipping = false;
            }
            if (skipping) {
                continue;
            }
            config.add(trimmed.startsWith("bind ") ? "    bind 127.0.0.1:" + port : line);
            if (trimmed.startsWith("# nodos: inicio")) {
                skipping = true;
                for (int i = 0; i < nodes.size(); i++) {
                    config.add("    server nodo" + (i + 1) + " " + nodes.get(i).baseUrl().replace("http://", "")
                            .replace("localhost", "127.0.0.1") + " check");
                }
            }
        }
        Files.createDirectories(folder);
        Path file = folder.resolve("cte.cfg");
        Files.write(file, config, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(PROGRAM.toString(), "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("haproxy.log").toFile()).start();
        Balancer balancer = new Balancer(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                // Every node must have passed its health checks (rise 2, every second) before the load starts.
                Thread.sleep(3000);
                return balancer;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        balancer.close();
        throw new IllegalStateException("HAProxy did not listen on " + port + ": "
                + Files.readString(folder.resolve("haproxy.log")));
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
