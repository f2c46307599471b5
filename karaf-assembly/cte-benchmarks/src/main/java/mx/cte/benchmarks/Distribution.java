package mx.cte.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The assembled distribution run as a process, as an operator runs it: unpacked, own ports, bin/start. */
final class Distribution implements AutoCloseable {

    private static final Duration BOOT = Duration.ofSeconds(180);

    private final Path home;
    private final int httpPort;

    private Distribution(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    static Distribution unpack(Path archive, Path parent) throws Exception {
        deleteRecursively(parent);
        Files.createDirectories(parent);
        run(parent, "tar", "-xzf", archive.toString());
        Path home;
        try (var entries = Files.list(parent)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Distribution distribution = new Distribution(home, freePort());
        distribution.set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(distribution.httpPort));
        distribution.set("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort()));
        distribution.set("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort()));
        distribution.set("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort()));
        return distribution;
    }

    Path home() {
        return home;
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    void set(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        List<String> lines = Files.exists(path) ? Files.readAllLines(path) : new ArrayList<>();
        Pattern setting = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*=.*$");
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (setting.matcher(lines.get(i)).matches()) {
                lines.set(i, key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(key + " = " + value);
        }
        Files.write(path, lines, StandardCharsets.UTF_8);
    }

    /**
     * {@code bin/start}, then polls until the health endpoint answers 200 (every module up) and the sign-in endpoint
     * is routed (401 without a session: the HTTP service adds servlets a moment after their services come). Returns
     * the time from the start command to then.
     */
    Duration start() throws Exception {
        long started = System.nanoTime();
        // With -Dcte.bench.nmt=true, native memory tracking for the breakdown of resident memory; it replaces Karaf's
        // default JAVA_OPTS, which only unlock diagnostic options.
        run(home, Boolean.getBoolean("cte.bench.nmt") ? Map.of("JAVA_OPTS",
                "-XX:+UnlockDiagnosticVMOptions -XX:NativeMemoryTracking=summary") : Map.of(), "bin/start");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = started + BOOT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/v1/health")).timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200 && client.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/v1/session")).timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers
                        .discarding()).statusCode() == 401) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The distribution in " + home + " did not come up within " + BOOT
                + "; see its data/log/karaf.log");
    }

    long pid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("karaf.pid")).strip());
    }

    /** Resident memory of the Karaf process, in MB, from /proc. */
    long residentMegabytes() throws IOException {
        return status("VmRSS") / 1024;
    }

    /**
     * What the resident memory is made of: the process's own memory (heap, classes, compiled code, stacks, malloc)
     * and the pages of mapped files it touched (the JDK's modules image and class-data archive, its libraries,
     * Lucene's index files), which the system can drop and read again and which other JVMs share.
     */
    String residentParts() throws IOException {
        Map<String, Long> status = status();
        return String.format("%d MB anonymous, %d MB of mapped files", status.get("RssAnon") / 1024,
                (status.get("RssFile") + status.get("RssShmem")) / 1024);
    }

    /** The number of threads of Karaf's process. */
    long threads() throws IOException {
        return status("Threads");
    }

    private long status(String field) throws IOException {
        Long value = status().get(field);
        if (value == null) {
            throw new IllegalStateException("no " + field + " for Karaf's process");
        }
        return value;
    }

    /** The numeric fields of /proc/PID/status (the memory ones in kB), read once. */
    private Map<String, Long> status() throws IOException {
        Map<String, Long> fields = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            int colon = line.indexOf(':');
            String digits = line.substring(colon + 1).replaceAll("\\D", "");
            if (colon > 0 && !digits.isEmpty() && digits.length() < 19) {
                fields.put(line.substring(0, colon), Long.parseLong(digits));
            }
        }
        return fields;
    }

    /** The demo accounts' passwords, written at the first start. */
    String demoPassword(String username) throws IOException {
        for (String line : Files.readAllLines(home.resolve("etc/cuentas-demo.txt"))) {
            String[] parts = line.split(" ");
            if (parts[0].equals(username)) {
                return parts[1];
            }
        }
        throw new IllegalStateException("no demo account " + username);
    }

    /** Runs shell commands, one per line, through one {@code bin/client} connection; returns what they printed. */
    String shell(List<String> commands) throws Exception {
        // The administrator signs in with the key the distribution made at first start (bin/setenv).
        ProcessBuilder builder = new ProcessBuilder("bin/client", "-k", "etc/admin.key", "-b", "-r", "5")
                .directory(home.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("bin/client failed: " + output);
        }
        return output;
    }

    /** SIGKILL, as a power cut or the OOM killer would: no shutdown hook runs. Waits until the process is gone. */
    void kill() throws Exception {
        ProcessHandle process = ProcessHandle.of(pid()).orElseThrow(() -> new IllegalStateException("not running"));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!Files.exists(home.resolve("karaf.pid"))) {
            return;
        }
        ProcessHandle.of(pid()).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
    }

    static String run(Path directory, String... command) throws Exception {
        return run(directory, Map.of(), command);
    }

    static String run(Path directory, Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + directory + ": " + output);
        }
        return output;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
