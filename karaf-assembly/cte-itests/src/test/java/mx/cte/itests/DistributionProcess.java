package mx.cte.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution as an operator runs it, outside Pax Exam: unpacked from the reactor's archive into its own folder,
 * on free ports, started with {@code bin/start}, stopped with {@code bin/stop} or killed with SIGKILL. For the tests
 * that need a real process: crashes, restarts, backups, another database.
 */
final class DistributionProcess implements AutoCloseable {

    private static final Duration BOOT = Duration.ofSeconds(120);

    private final Path home;
    private final int httpPort;

    private DistributionProcess(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks a fresh copy of the distribution under {@code target/processes/<name>}. */
    static DistributionProcess unpack(String name) throws Exception {
        Path archive = Path.of(System.getProperty("cte.distribution.archive"));
        Path parent = Path.of(System.getProperty("cte.exam.directory")).resolveSibling("processes").resolve(name);
        deleteRecursively(parent);
        Files.createDirectories(parent);
        run(parent, "tar", "-xzf", archive.toString());
        Path home;
        try (var entries = Files.list(parent)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        int http = Ports.free();
        DistributionProcess process = new DistributionProcess(home, http);
        process.setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http));
        process.setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(Ports.free()));
        process.setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(Ports.free()));
        process.setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(Ports.free()));
        // The tests' sessions are of past school years (2016-2017, 2019-2020): their pupils are kept, not anonymised.
        process.setProperty("etc/mx.cte.pupils.cfg", "retentionYears", "50");
        return process;
    }

    Path etc() {
        return home.resolve("etc");
    }

    Path home() {
        return home;
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    int httpPort() {
        return httpPort;
    }

    /** Points the distribution at a PostgreSQL database, as docs/operations.md tells an operator to. */
    void usePostgres(int port, String database) throws IOException {
        String cfg = "etc/org.ops4j.datasource-cte.cfg";
        setProperty(cfg, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        setProperty(cfg, "url", "jdbc:postgresql://localhost:" + port + "/" + database);
        setProperty(cfg, "user", "postgres");
        setProperty(cfg, "password", "postgres");
    }

    /** The demo accounts' passwords, once the first start has written them. */
    Path demoPasswords() throws InterruptedException {
        Path file = home.resolve("etc/cuentas-demo.txt");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Files.exists(file) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        return file;
    }

    /** Sets {@code key = value} in a {@code .cfg} file, replacing the line that sets it or adding one. */
    void setProperty(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        List<String> lines = Files.exists(path) ? Files.readAllLines(path) : new java.util.ArrayList<>();
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

    /** {@code bin/start}, then waits for the health endpoint and the demo accounts. */
    void start() throws Exception {
        run(home, "bin/start");
        Instant deadline = Instant.now().plus(BOOT);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/v1/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> session = client.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/v1/session")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                // 401 from the session endpoint means the security module is up, not only the web server.
                if (health.statusCode() == 200 && session.statusCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // still booting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The distribution in " + home + " did not come up within " + BOOT
                + "; see its data/log/karaf.log");
    }

    long pid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("karaf.pid")).strip());
    }

    /** SIGKILL, as a power cut or the OOM killer would: no shutdown hook runs. Waits until the process is gone. */
    void kill() throws Exception {
        ProcessHandle process = ProcessHandle.of(pid()).orElseThrow(() -> new AssertionError("Karaf is not running"));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /** {@code bin/stop}, then waits until the process is gone. */
    void stop() throws Exception {
        if (!Files.exists(home.resolve("karaf.pid"))) {
            return;
        }
        long pid = pid();
        run(home, "bin/stop");
        ProcessHandle.of(pid).ifPresent(p -> {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }

    /** Runs a shell command as the distribution's administrator, through {@code bin/client}. */
    String shell(String command) throws Exception {
        // The administrator signs in with the key the distribution made at first start (bin/setenv).
        ProcessBuilder builder = new ProcessBuilder("bin/client", "-k", "etc/admin.key", "-b", "-r", "3")
                .directory(home.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(command + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() throws Exception {
        if (Files.exists(home.resolve("karaf.pid"))) {
            try {
                kill();
            } catch (Exception | AssertionError ignored) {
                // already gone
            }
        }
    }

    static String run(Path directory, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed in " + directory + ": " + output);
        }
        return output;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static long number(String json, String member) {
        Matcher matcher = Pattern.compile("\"" + member + "\":(\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no " + member + " in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }
}
