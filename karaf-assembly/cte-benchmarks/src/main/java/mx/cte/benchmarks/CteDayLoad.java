package mx.cte.benchmarks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.cte.trust.openpgp.OpenPgp;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

/**
 * Part 1 and 3 of the harness: the assembled distribution started as a process, a state's schools imported, the
 * directors of some of them signed in with a third session of work each, then wrk at 16, 64 and 256 connections with
 * a read-only and a mixed (30 % writes) workload, and the same wrk against a bare Jetty servlet in the same run.
 * Reports boot time and resident memory too.
 */
final class CteDayLoad {

    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";
    private static final int[] CONNECTIONS = {16, 64, 256};
    private static final int WARM_UP = Integer.getInteger("cte.bench.warmup", 20);
    private static final Pattern RESULT = Pattern.compile("(\\w+)=(\\d+)");

    private final Consumer<String> report;
    private final Path out;
    private final int schools;
    private final int writers;
    private final int seconds;
    /** The seeded directors' passwords, by user name: what the sign-in burst signs in with. */
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Path stateGuide = System.getProperty("cte.bench.stateGuide") == null ? null
            : Path.of(System.getProperty("cte.bench.stateGuide"));

    CteDayLoad(Consumer<String> report, Path out, int schools, int writers, int seconds) {
        this.report = report;
        this.out = out;
        this.schools = schools;
        this.writers = Math.min(writers, schools);
        this.seconds = seconds;
    }

    /** A signed-in director of one school, and what the workload refers to. */
    record Writer(String cct, String username, String cookie, String csrf, long cardId) {
    }

    void run(Path archive) throws Exception {
        run(archive, null);
    }

    /**
     * Part 5: the write-heavy workload (mixed, 30 % durable writes) with the platform on PostgreSQL instead of its
     * embedded H2, as a state deploys it. The server is PostgreSQL from Maven (the tests' embedded binaries) with the
     * durability settings of a production server: {@code fsync} and {@code synchronous_commit} on.
     */
    void runOnPostgres(Path archive) throws Exception {
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres = io.zonky.test.db.postgres.embedded
                .EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100").start()) {
            try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
                    java.sql.Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE cte");
            }
            run(archive, postgres.getPort());
        }
    }

    /**
     * Part 7: the same workloads through HAProxy (the shipped {@code etc/haproxy/cte.cfg}) in front of 1, 2, then 3
     * nodes in cluster mode on one PostgreSQL (fsync on). The nodes, PostgreSQL, HAProxy and wrk all share this
     * machine's cores, so the figures are the cost of a request per node, not a cluster's capacity: the capacity model
     * in docs/performance.md starts from them.
     */
    void runCluster(Path archive, int maxNodes) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/wrk")) || !Files.isExecutable(Balancer.PROGRAM)) {
            report.accept("Several nodes: skipped, wrk or HAProxy is not installed (apt-get install wrk haproxy)");
            return;
        }
        Path scripts = copyScripts();
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres = io.zonky.test.db.postgres.embedded
                .EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100").start()) {
            try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
                    java.sql.Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE cte");
            }
            List<Distribution> nodes = new ArrayList<>();
            try {
                Distribution first = clusterNode(archive, postgres.getPort(), 1);
                nodes.add(first);
                Duration boot = first.start();
                report.accept(String.format("Node 1 up in %.1f s (creates the tables and the demo data)",
                        boot.toMillis() / 1000.0));
                Path sessions = writeSessions(seed(first));
                String deadline = LocalDate.now().plusMonths(1).toString();
                Map<String, Double> single = new LinkedHashMap<>();
                for (int count = 1; count <= maxNodes; count++) {
                    if (count > 1) {
                        Distribution node = clusterNode(archive, postgres.getPort(), count);
                        nodes.add(node);
                        report.accept(String.format("Node %d up in %.1f s (tables there; caught up with the shared"
                                + " state before health said up)", count, node.start().toMillis() / 1000.0));
                    }
                    try (Balancer balancer = Balancer.start(first.home().resolve("etc/haproxy/cte.cfg"),
                            out.resolve("haproxy-" + count), nodes)) {
                        wrk(scripts.resolve("cte-day.lua"), balancer.baseUrl(), 64, WARM_UP, "mixed",
                                sessions.toString(), deadline);
                        for (String mode : List.of("read", "mixed")) {
                            Map<String, Long> result = wrk(scripts.resolve("cte-day.lua"), balancer.baseUrl(), 64,
                                    seconds, mode, sessions.toString(), deadline);
                            double rate = rate(result);
                            single.putIfAbsent(mode, rate);
                            report.accept(line(count + (count == 1 ? " node, " : " nodes, ") + (mode.equals("read")
                                    ? "read-only" : "mixed, 30 % durable writes") + ", through HAProxy", 64, result, 0)
                                    + String.format("  %.0f req/s per node, %.2f × one node", rate / count,
                                            rate / single.get(mode)));
                        }
                        report.accept(signInBurst(balancer.baseUrl(), nodes, 400, 8));
                    }
                }
                StringBuilder memory = new StringBuilder("Resident memory after the load:");
                for (int i = 0; i < nodes.size(); i++) {
                    memory.append(String.format(" node %d %d MB;", i + 1, nodes.get(i).residentMegabytes()));
                }
                report.accept(memory.toString());
            } finally {
                for (Distribution node : nodes) {
                    node.close();
                }
            }
        }
    }

    /**
     * Staff arriving at the start of the session: {@code count} sign-ins through the balancer, {@code parallel} at a
     * time, each a password check (Argon2id) and a new session row. Reports the rate, the latency, the answers
     * {@code 503} (a node's limit of concurrent checks, retried after its Retry-After) and the nodes' CPU time per
     * sign-in, which is what the capacity model needs.
     */
    private String signInBurst(String base, List<Distribution> nodes, int count, int parallel) throws Exception {
        List<Map.Entry<String, String>> accounts = new ArrayList<>(passwords.entrySet());
        java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
        Duration cpuBefore = cpu(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Long>> latencies = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Map.Entry<String, String> account = accounts.get(i % accounts.size());
            latencies.add(pool.submit(() -> {
                long begun = System.nanoTime();
                JsonObject body = new JsonObject();
                body.addProperty("usuario", account.getKey());
                body.addProperty("contrasena", account.getValue());
                for (int attempt = 0; attempt < 30; attempt++) {
                    HttpResponse<String> answer = new ApiClient(base).send("POST", "/api/v1/session",
                            body.toString(), "application/json");
                    if (answer.statusCode() == 200) {
                        return System.nanoTime() - begun;
                    }
                    if (answer.statusCode() != 503) {
                        throw new IllegalStateException("sign-in of " + account.getKey() + ": "
                                + answer.statusCode() + " " + answer.body());
                    }
                    busy.incrementAndGet();
                    Thread.sleep(1000L * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
                }
                throw new IllegalStateException("sign-in of " + account.getKey() + ": busy 30 times");
            }));
        }
        List<Long> sorted = new ArrayList<>();
        for (Future<Long> latency : latencies) {
            sorted.add(latency.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Duration cpuUsed = cpu(nodes).minus(cpuBefore);
        Collections.sort(sorted);
        return String.format("  %d sign-ins, %d at a time, through HAProxy: %.0f/s, p50 %.0f ms, p99 %.0f ms, %d"
                + " answered 503 and retried; the nodes' CPU %.1f ms per sign-in", count, parallel, count / elapsed,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6, busy.get(),
                cpuUsed.toNanos() / 1e6 / count);
    }

    /** The CPU time the nodes' processes used so far (user and system, all threads). */
    private static Duration cpu(List<Distribution> nodes) throws IOException {
        Duration total = Duration.ZERO;
        for (Distribution node : nodes) {
            total = total.plus(ProcessHandle.of(node.pid()).flatMap(p -> p.info().totalCpuDuration())
                    .orElse(Duration.ZERO));
        }
        return total;
    }

    private Distribution clusterNode(Path archive, int postgresPort, int number) throws Exception {
        Distribution node = Distribution.unpack(archive, out.resolve("nodo" + number));
        usePostgres(node, postgresPort);
        node.set("etc/mx.cte.cluster.cfg", "mode", "cluster");
        node.set("etc/mx.cte.cluster.cfg", "node", "nodo" + number);
        return node;
    }

    private static void usePostgres(Distribution karaf, int postgresPort) throws IOException {
        String cfg = "etc/org.ops4j.datasource-cte.cfg";
        karaf.set(cfg, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        karaf.set(cfg, "url", "jdbc:postgresql://localhost:" + postgresPort + "/cte");
        karaf.set(cfg, "user", "postgres");
        karaf.set(cfg, "password", "postgres");
    }

    private Path copyScripts() throws IOException {
        Path scripts = Files.createDirectories(out.resolve("wrk"));
        for (String script : List.of("cte-day.lua", "bare.lua")) {
            try (InputStream in = CteDayLoad.class.getResourceAsStream("/wrk/" + script)) {
                Files.copy(in, scripts.resolve(script), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return scripts;
    }

    /** The signed-in directors, one line each, for wrk's script. */
    private Path writeSessions(List<Writer> staff) throws IOException {
        Path sessions = out.resolve("sessions.txt");
        List<String> lines = new ArrayList<>();
        for (Writer w : staff) {
            lines.add(String.join("|", w.cct(), w.cookie(), w.csrf(), w.username(), String.valueOf(w.cardId())));
        }
        Files.write(sessions, lines);
        return sessions;
    }

    private void run(Path archive, Integer postgresPort) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/wrk"))) {
            report.accept("CTE-day load: skipped, wrk is not installed (apt-get install wrk)");
            return;
        }
        Path scripts = copyScripts();
        try (Distribution karaf = Distribution.unpack(archive, out.resolve("distribution"))) {
            if (postgresPort != null) {
                usePostgres(karaf, postgresPort);
                report.accept("Database: PostgreSQL on port " + postgresPort + " (fsync and synchronous_commit on)");
            }
            Duration boot = karaf.start();
            report.accept(String.format("Boot: %.1f s from bin/start to the first 200 of /api/v1/health with sign-in"
                    + " routed (target < 8 s);"
                    + " resident memory after boot %d MB (target < 400 MB)", boot.toMillis() / 1000.0,
                    karaf.residentMegabytes()));
            List<Writer> staff = seed(karaf);
            Path sessions = writeSessions(staff);
            String deadline = LocalDate.now().plusMonths(1).toString();

            // Both servers first run unmeasured, so the figures are of compiled code, as on a Friday at noon.
            wrk(scripts.resolve("cte-day.lua"), karaf.baseUrl(), 64, WARM_UP, "mixed", sessions.toString(), deadline);
            Map<Integer, double[]> ceiling = new LinkedHashMap<>();
            try (BareJetty bare = BareJetty.start()) {
                wrk(scripts.resolve("bare.lua"), bare.url(), 64, WARM_UP);
                for (int connections : CONNECTIONS) {
                    Map<String, Long> result = wrk(scripts.resolve("bare.lua"), bare.url(), connections, seconds);
                    ceiling.put(connections, new double[] {rate(result)});
                    report.accept(line("bare Jetty 9.4 servlet, fixed JSON", connections, result, 0));
                }
            }
            for (String mode : List.of("read", "mixed")) {
                for (int connections : CONNECTIONS) {
                    // -Dcte.bench.profile=true: a JFR recording of each workload at 64 connections, for
                    // docs/performance.md's profile (jfr print --events jdk.ExecutionSample <file>).
                    boolean profiled = Boolean.getBoolean("cte.bench.profile") && connections == 64;
                    if (profiled) {
                        jcmd(karaf, "JFR.start", "name=" + mode, "settings=profile",
                                "filename=" + out.resolve(mode + "-64.jfr").toAbsolutePath());
                    }
                    Map<String, Long> result = wrk(scripts.resolve("cte-day.lua"), karaf.baseUrl(), connections,
                            seconds, mode, sessions.toString(), deadline);
                    if (profiled) {
                        jcmd(karaf, "JFR.stop", "name=" + mode);
                    }
                    report.accept(line(mode.equals("read") ? "read-only (guide, results table, catalogue search)"
                            : "mixed, 30 % durable writes (bitácora, observations, card comments)", connections, result,
                            ceiling.get(connections)[0]));
                }
            }
            report.accept(String.format("Resident memory after the load: %d MB (target < 400 MB; %s), %d threads",
                    karaf.residentMegabytes(), karaf.residentParts(), karaf.threads()));
            reportNativeMemory(karaf);
            if (postgresPort != null) {
                return;
            }
            // Each durable write adds a chunk to H2's file; what the file keeps is what the upkeep reclaims.
            Path databaseFile = karaf.home().resolve("data/cte/cte.mv.db");
            if (Files.exists(databaseFile)) {
                report.accept(String.format("Database file after the load: %d MB", Files.size(databaseFile) >> 20));
            }
            if (stateGuide != null && Files.exists(stateGuide)) {
                hotSwap(karaf, scripts.resolve("cte-day.lua"), sessions, deadline, staff.get(0));
            } else {
                report.accept("Hot-swap under load: skipped, no state guide bundle at " + stateGuide);
            }
        }
    }

    private static double rate(Map<String, Long> result) {
        return result.get("requests") / (result.get("duration_us") / 1e6);
    }

    private static String line(String what, int connections, Map<String, Long> result, double ceiling) {
        double rate = rate(result);
        long errors = result.get("status_errors") + result.get("connect_errors") + result.get("read_errors")
                + result.get("write_errors") + result.get("timeouts");
        return String.format("  %-70s %3d conn: %8.0f req/s%s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  errors %d"
                + " (non-2xx %d, timeouts %d)", what, connections, rate,
                ceiling > 0 ? String.format(" (%4.1f %% of bare Jetty)", 100 * rate / ceiling) : "",
                result.get("p50_us") / 1000.0, result.get("p95_us") / 1000.0, result.get("p99_us") / 1000.0, errors,
                result.get("status_errors"), result.get("timeouts"));
    }

    private Map<String, Long> wrk(Path script, String url, int connections, int duration, String... args)
            throws Exception {
        String output = finish(launchWrk(script, url, connections, duration, args));
        String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result: " + output));
        Map<String, Long> values = new LinkedHashMap<>();
        Matcher matcher = RESULT.matcher(result);
        while (matcher.find()) {
            values.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return values;
    }

    /** Starts wrk in the background (the command goes to wrk.log); {@link #finish} waits for it. */
    private Process launchWrk(Path script, String url, int connections, int duration, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration + "s",
                "--timeout", "5s", "-s", script.toString(), url));
        if (args.length > 0) {
            command.add("--");
            Collections.addAll(command, args);
        }
        appendToLog(String.join(" ", command));
        return new ProcessBuilder(command).directory(out.toFile()).redirectErrorStream(true).start();
    }

    /** Waits for a wrk started by {@link #launchWrk}, keeps what it printed in wrk.log and returns it. */
    private String finish(Process wrk) throws Exception {
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(300, java.util.concurrent.TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        appendToLog(output);
        return output;
    }

    private void appendToLog(String text) throws IOException {
        Files.writeString(out.resolve("wrk.log"), text + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    // ---- part 2: hot-swap under load

    private static final String STATE_GUIDE = "15:2016-2017:preescolar:ordinaria-4";
    private static final int EDITIONS = 20;

    /**
     * During a mixed run at 64 connections that reads the state's fourth-session guide: installs 20 successive editions
     * of it through the publishing API, timing each until the API serves it, then updates the logbook's web bundle
     * (a module hot-swap) and times its absence. wrk counts every answer by status.
     */
    private void hotSwap(Distribution karaf, Path script, Path sessions, String deadline, Writer writer)
            throws Exception {
        ApiClient publisher = ApiClient.demo(karaf, "publicador.edomex");
        byte[] original = Files.readAllBytes(stateGuide);
        // Signed as the state's IT team signs each edition, with the repository's demonstration key of entidad 15,
        // which the distribution trusts.
        PGPSecretKeyRing stateKey = OpenPgp.readSecretRing(Files.readAllBytes(Path.of(System.getProperty(
                "cte.bench.demoKeys")).resolve("15-edomex.clave.asc")));
        byte[] firstEdition = edition(original, "1.0.0");
        HttpResponse<String> first = publisher.sendSignedJar("/api/v1/guide-bundles", firstEdition, OpenPgp.sign(
                stateKey, null, firstEdition, Instant.now()));
        if (first.statusCode() != 201) {
            throw new IllegalStateException("the state guide was not installed: " + first.body());
        }
        int duration = EDITIONS * 3 / 2 + 8;
        Process guideLoad = startWrk(script, karaf, sessions, deadline, duration);
        Thread.sleep(3000);
        List<Long> delays = new ArrayList<>();
        for (int i = 1; i <= EDITIONS; i++) {
            String version = "1.0." + i;
            byte[] jar = edition(original, version);
            long started = System.nanoTime();
            HttpResponse<String> installed = publisher.sendSignedJar("/api/v1/guide-bundles", jar, OpenPgp.sign(
                    stateKey, null, jar, Instant.now()));
            if (installed.statusCode() != 201) {
                throw new IllegalStateException("edition " + version + " refused: " + installed.body());
            }
            // A new edition waits beside the one in use until the publisher activates it, as the guide tells them.
            HttpResponse<String> activated = publisher.send("POST", "/api/v1/guide-activations", "{\"clave\": \""
                    + STATE_GUIDE + "\", \"edicion\": \"" + version + "\"}", "application/json");
            if (activated.statusCode() != 200) {
                throw new IllegalStateException("edition " + version + " not activated: " + activated.body());
            }
            while (!served(publisher, version)) {
                if (System.nanoTime() - started > 30_000_000_000L) {
                    throw new IllegalStateException("edition " + version + " not served after 30 s");
                }
                Thread.sleep(5);
            }
            delays.add((System.nanoTime() - started) / 1_000_000);
            Thread.sleep(1000);
        }
        String guideStatuses = statuses(guideLoad);

        Process moduleLoad = startWrk(script, karaf, sessions, deadline, 15);
        Thread.sleep(3000);
        ApiClient director = ApiClient.demo(karaf, "directora.rosaura");
        // A reader polls the module all along, so the window it was away is measured, not bin/client's start-up.
        java.util.concurrent.atomic.AtomicLong firstMiss = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong lastMiss = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            while (polling.get()) {
                try {
                    if (director.send("GET", "/api/v1/logbook/15EJN0101A/staff", null, null).statusCode() != 200) {
                        long now = System.nanoTime();
                        firstMiss.compareAndSet(0, now);
                        lastMiss.set(now);
                    }
                    Thread.sleep(2);
                } catch (Exception e) {
                    return;
                }
            }
        });
        poller.start();
        OutboxWriter outbox = new OutboxWriter(director);
        Thread outboxThread = new Thread(outbox);
        outboxThread.start();
        Thread.sleep(500);
        karaf.shell(List.of("bundle:update mx.cte.logbook.web"));
        Thread.sleep(3000);
        polling.set(false);
        poller.join();
        outbox.stop();
        outboxThread.join(60_000);
        OutboxWriter.Count count = outbox.count();
        long moduleAway = firstMiss.get() == 0 ? 0 : (lastMiss.get() - firstMiss.get()) / 1_000_000;
        String moduleStatuses = statuses(moduleLoad);

        List<Long> sorted = delays.stream().sorted().toList();
        report.accept("");
        report.accept("2. Hot-swap under load (wrk -t2 -c64, mixed with 30 % writes, reading the guide being replaced)");
        report.accept(String.format("  %d editions of %s installed through POST /api/v1/guide-bundles and activated"
                + " during %d s: until served p50 %d ms, max %d ms (target < 1 s)", EDITIONS, STATE_GUIDE, duration,
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1)));
        report.accept("    answers during those editions, by status: " + guideStatuses + " (target: all 2xx)");
        report.accept(String.format("  bundle:update mx.cte.logbook.web during a 15 s run: the logbook was away for"
                + " %d ms (first to last refused poll, every 2 ms)", moduleAway));
        report.accept("    answers during that run, by status: " + moduleStatuses + " (target: no 5xx but 503 while the"
                + " module is away)");
        report.accept(String.format("    writes sent as the UI's outbox does (Idempotency-Key, sent again after a 503):"
                + " %d acknowledged after %d answers of 503 or none; stored: %d missing, %d twice or more (target 0)",
                count.acknowledged(), count.refused(), count.missing(), count.duplicated()));
    }

    /** A background mixed run at 64 connections that reads the guide whose editions are being installed. */
    private Process startWrk(Path script, Distribution karaf, Path sessions, String deadline, int duration)
            throws IOException {
        return launchWrk(script, karaf.baseUrl(), 64, duration, "swap", sessions.toString(), deadline,
                "/api/v1/guides/" + STATE_GUIDE);
    }

    /** Waits for a background wrk and returns its answers by status. */
    private String statuses(Process load) throws Exception {
        return finish(load).lines().filter(l -> l.startsWith("STATUSES ")).findFirst().orElse("STATUSES ?")
                .substring("STATUSES ".length());
    }

    private static boolean served(ApiClient client, String version) throws Exception {
        HttpResponse<String> answer = client.send("GET", "/api/v1/guides/" + STATE_GUIDE, null, null);
        return answer.statusCode() == 200
                && JsonParser.parseString(answer.body()).getAsJsonObject().get("version").getAsString().equals(version);
    }

    /** The state guide bundle as another edition: its Bundle-Version and the descriptor's version. */
    private static byte[] edition(byte[] original, String version) throws IOException {
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(
                new java.io.ByteArrayInputStream(original))) {
            java.util.jar.Manifest manifest = in.getManifest();
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(bytes, manifest)) {
                for (java.util.jar.JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    jar.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals("guide/guide.json")) {
                        content = new String(content, StandardCharsets.UTF_8)
                                .replaceFirst("\"version\": \"1\\.0\\.0\"", "\"version\": \"" + version + "\"")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    jar.write(content);
                    jar.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
    }

    // ---- the data: a state's schools, directors, a third session of work per director's school

    private List<Writer> seed(Distribution karaf) throws Exception {
        long started = System.nanoTime();
        ApiClient admin = ApiClient.demo(karaf, "admin.plataforma");
        StringBuilder csv = new StringBuilder("CCT,NOMBRE,ENTIDAD,MUNICIPIO,ZONA,NIVEL,TURNO\n");
        String[] municipalities = {"Toluca", "Metepec", "Ecatepec", "Naucalpan", "Texcoco", "Zinacantepec"};
        for (int i = 0; i < schools; i++) {
            csv.append(cct(i)).append(",Jardín de Niños ").append(i).append(",15,")
                    .append(municipalities[i % municipalities.length]).append(',').append(100 + i / 20)
                    .append(",PREESCOLAR,MATUTINO\n");
        }
        HttpResponse<String> accepted = admin.send("POST", "/api/v1/school-catalogue?archivo=carga.csv",
                csv.toString(), "text/csv");
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("import refused: " + accepted.body());
        }
        String job = accepted.headers().firstValue("Location").orElseThrow();
        for (int i = 0; i < 600; i++) {
            JsonObject state = JsonParser.parseString(admin.send("GET", job, null, null).body()).getAsJsonObject();
            String status = state.get("estado").getAsString();
            if (status.equals("importada")) {
                break;
            }
            if (!status.equals("en-curso")) {
                throw new IllegalStateException("import " + status + ": " + state);
            }
            Thread.sleep(200);
        }
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            commands.add("cte:account-create --generar dir." + cct(i).toLowerCase() + " \"Dirección " + cct(i)
                    + "\" director@" + cct(i));
        }
        String created = karaf.shell(commands);
        Matcher account = Pattern.compile("Cuenta (\\S+) creada[^\\n]*\\n\\s*Contraseña: (\\S+)").matcher(created);
        while (account.find()) {
            passwords.put(account.group(1), account.group(2));
        }
        if (passwords.size() != writers) {
            throw new IllegalStateException("created " + passwords.size() + " of " + writers + " accounts: " + created);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Writer>> futures = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String cct = cct(i);
            String username = "dir." + cct.toLowerCase();
            futures.add(pool.submit(() -> thirdSession(karaf.baseUrl(), cct, username, passwords.get(username))));
        }
        List<Writer> staff = new ArrayList<>();
        for (Future<Writer> future : futures) {
            staff.add(future.get());
        }
        pool.shutdown();
        report.accept(String.format("Data: %d schools imported in state 15 (%d zones); %d directors signed in, each"
                + " school with its groups, 4 expected results rated, 2 concentrate lines, 1 card, 2 agreements"
                + " (%.0f s to load)", schools, (schools + 19) / 20, writers, (System.nanoTime() - started) / 1e9));
        return staff;
    }

    private static String cct(int i) {
        return String.format("15EJN%04dK", 3000 + i);
    }

    private static Writer thirdSession(String base, String cct, String username, String password) throws Exception {
        ApiClient director = ApiClient.signIn(base, username, password);
        String school = "/api/v1/schools/" + cct;
        long version = director.json("GET", school, null).get("version").getAsLong();
        director.expect(200, "PUT", school + "/structure", "{\"multigrado\": false, \"grupos\": [{\"nombre\": \"A\","
                + " \"grados\": [2]}, {\"nombre\": \"B\", \"grados\": [3]}], \"version\": " + version + "}");
        String results = "/api/v1/results/" + cct;
        String[][] expected = {{"2", "A", "Lenguaje oral", "Narran sucesos en orden"},
            {"2", "A", "Pensamiento matemático", "Cuentan colecciones de hasta 20"},
            {"3", "B", "Lenguaje escrito", "Escriben su nombre"},
            {"3", "B", "Exploración del mundo", "Describen lo que observan"}};
        String[] progress = {"logrado", "en-proceso", "sin-avance", "en-proceso"};
        long challenge = 0;
        for (int i = 0; i < expected.length; i++) {
            long id = director.json("POST", results + "/expected", "{\"periodo\": \"2016-11\", \"grado\": "
                    + expected[i][0] + ", \"area\": \"" + expected[i][2] + "\", \"resultado\": \"" + expected[i][3]
                    + "\", \"objetivo\": \"Mejorar los aprendizajes\", \"meta\": \"80 % lo logra\"}").get("id")
                    .getAsLong();
            director.expect(200, "PUT", results + "/ratings/" + id + "/" + expected[i][1], "{\"avance\": \""
                    + progress[i] + "\", \"dificil\": " + (i == 2) + ", \"porque\": \"Falta práctica\","
                    + " \"version\": 0}");
        }
        director.expect(201, "POST", results + "/concentrate", "{\"periodo\": \"2016-11\", \"tipo\": \"logro\","
                + " \"area\": \"Lenguaje oral\", \"grados\": [2], \"texto\": \"Narran sucesos en orden\"}");
        challenge = director.json("POST", results + "/concentrate", "{\"periodo\": \"2016-11\", \"tipo\": \"desafio\","
                + " \"area\": \"Lenguaje escrito\", \"grados\": [3], \"texto\": \"Escribir su nombre\"}").get("id")
                .getAsLong();
        long card = director.json("POST", "/api/v1/cards/" + cct, "{\"periodo\": \"2016-11\", \"sesion\": \""
                + SESSION + "\", \"desafios\": [" + challenge + "], \"titulo\": \"Mi nombre en todas partes\","
                + " \"accionesAula\": \"Tarjetas con nombres\", \"materiales\": [\"Tarjetas\"], \"adecuaciones\":"
                + " \"Apoyo visual\", \"instrumentos\": \"Lista de cotejo\", \"grados\": [3], \"grupos\": [\"B\"],"
                + " \"semanas\": 4, \"responsables\": [\"" + username + "\"]}").get("id").getAsLong();
        String deadline = LocalDate.now().plusMonths(1).toString();
        for (int activity : new int[] {13, 21}) {
            director.expect(201, "POST", "/api/v1/logbook/" + cct + "/agreements", "{\"sesion\": \"" + SESSION
                    + "\", \"actividad\": " + activity + ", \"acuerdo\": \"Aplicar la ficha en el grupo B\","
                    + " \"responsables\": [\"" + username + "\"], \"fechaLimite\": \"" + deadline + "\"}");
        }
        return new Writer(cct, username, director.cookie(), director.csrf(), card);
    }

    /**
     * Where the resident memory is, by the JVM's own account, when the harness runs with {@code -Dcte.bench.nmt=true}
     * (native memory tracking): one line of the committed megabytes of each area, the whole summary in
     * {@code nmt-after-load.txt}.
     */
    private void reportNativeMemory(Distribution karaf) throws Exception {
        if (!Boolean.getBoolean("cte.bench.nmt")) {
            return;
        }
        String summary = jcmd(karaf, "VM.native_memory", "summary");
        Files.writeString(out.resolve("nmt-after-load.txt"), summary);
        java.util.regex.Matcher area = java.util.regex.Pattern.compile(
                "(?m)^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)").matcher(summary);
        List<String> areas = new ArrayList<>();
        while (area.find()) {
            long megabytes = Long.parseLong(area.group(2)) / 1024;
            if (megabytes > 0) {
                areas.add(area.group(1).strip() + " " + megabytes);
            }
        }
        report.accept("Committed by area after the load (MB, native memory tracking): " + String.join(", ", areas));
        // The live set: what the heap holds once a full collection has run, against what it was allowed to grow to.
        jcmd(karaf, "GC.run");
        String heap = jcmd(karaf, "GC.heap_info");
        Files.writeString(out.resolve("heap-after-full-gc.txt"), heap);
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(heap);
        long total = 0;
        long live = 0;
        while (used.find()) {
            total += Long.parseLong(used.group(1));
            live += Long.parseLong(used.group(2));
        }
        report.accept(String.format("Heap after a full collection: %d MB used of %d MB committed; resident then %d MB",
                live / 1024, total / 1024, karaf.residentMegabytes()));
    }

    /** A diagnostic command to the platform's JVM, with the JDK that runs the harness; what it printed. */
    private static String jcmd(Distribution karaf, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(karaf.pid())));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
        return output;
    }
}
