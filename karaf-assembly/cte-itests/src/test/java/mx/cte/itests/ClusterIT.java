package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Three nodes of the distribution on one PostgreSQL behind HAProxy, configured as docs/operations.md says: each node's
 * {@code etc/mx.cte.cluster.cfg} in cluster mode, the datasource on the shared database, the balancer from the shipped
 * {@code etc/haproxy/cte.cfg}. Any node serves any signed-in user, what a publisher installs on one node every node
 * serves within 5 s (what a channel installs on one node, every node installs from its own subscription), what is
 * saved on one is found by every node's search within 5 s, and neither a node killed nor a module updated node by
 * node under a stream of writes loses an acknowledged write or stores one twice.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ClusterIT {

    private static final String SCHOOL = "15EJN0101A";
    private static final String AGREEMENTS = "/api/v1/logbook/" + SCHOOL + "/agreements";
    /** What the issue asks: served identically by every node within this time. */
    private static final Duration CONVERGED = Duration.ofSeconds(5);

    private static EmbeddedPostgres postgres;
    /** The SEP's channel, a folder served over HTTP, to which both nodes subscribe. */
    private static Path channel;
    private static HttpServer channelServer;
    private static DistributionProcess nodeA;
    private static DistributionProcess nodeB;
    private static DistributionProcess nodeC;
    private static LoadBalancer balancer;

    @BeforeClass
    public static void startThreeNodesBehindTheBalancer() throws Exception {
        Assume.assumeTrue("HAProxy is not installed (.ci/run installs it with apt-get)", LoadBalancer.installed());
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE cte");
        }
        channel = Files.createTempDirectory("canal-nodos-");
        channelServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        channelServer.createContext("/", exchange -> {
            Path file = channel.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(channel) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, Files.size(file));
                try (var body = exchange.getResponseBody()) {
                    Files.copy(file, body);
                }
            }
            exchange.close();
        });
        channelServer.start();
        nodeA = node("cluster-a", "a");
        nodeB = node("cluster-b", "b");
        nodeC = node("cluster-c", "c");
        // The first node creates the tables and the demo data; the others find them, starting side by side.
        nodeA.start();
        CompletableFuture<Void> startingC = CompletableFuture.runAsync(() -> {
            try {
                nodeC.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        nodeB.start();
        startingC.get(5, TimeUnit.MINUTES);
        balancer = LoadBalancer.start(nodeA.etc(), nodeA.home().resolveSibling("haproxy"),
                List.of(nodeA, nodeB, nodeC));
    }

    private static DistributionProcess node(String folder, String name) throws Exception {
        DistributionProcess node = DistributionProcess.unpack(folder);
        node.usePostgres(postgres.getPort(), "cte");
        node.setProperty("etc/mx.cte.cluster.cfg", "mode", "cluster");
        node.setProperty("etc/mx.cte.cluster.cfg", "node", name);
        node.setProperty("etc/mx.cte.channel-sep.cfg", "name", "sep");
        node.setProperty("etc/mx.cte.channel-sep.cfg", "url", "http://127.0.0.1:" + channelServer.getAddress().getPort()
                + "/");
        node.setProperty("etc/mx.cte.channel-sep.cfg", "publisher", "SEP");
        node.setProperty("etc/mx.cte.channel-sep.cfg", "installation", "manual");
        return node;
    }

    @AfterClass
    public static void stopAll() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {balancer, nodeC, nodeB, nodeA, postgres}) {
            if (part != null) {
                part.close();
            }
        }
        if (channelServer != null) {
            channelServer.stop(0);
        }
    }

    private static WebSession signIn(String baseUrl, String username) throws Exception {
        return WebSession.demo(new WebSession(baseUrl), nodeA.demoPasswords(), username);
    }

    /** The balancer by host name, so that the browser's cookie (set by "localhost") goes along. */
    private static String throughBalancer() {
        return balancer.baseUrl().replace("127.0.0.1", "localhost");
    }

    @Test
    public void a_aSessionOpenedThroughOneNodeServesOnTheOtherAndThroughTheBalancer() throws Exception {
        WebSession onA = signIn(nodeA.baseUrl(), "directora.rosaura");
        WebSession onB = onA.at(nodeB.baseUrl());
        assertEquals(200, onB.get("/api/v1/schools/" + SCHOOL).statusCode());
        assertEquals(200, onA.at(nodeC.baseUrl()).get("/api/v1/schools/" + SCHOOL).statusCode());
        long before = DistributionProcess.number(onA.get("/api/v1/schools/" + SCHOOL).body(), "version");
        HttpResponse<String> written = onB.send("PUT", "/api/v1/schools/" + SCHOOL + "/structure", structure(onB),
                "application/json");
        assertEquals("the CSRF token issued by A is accepted by B: " + written.body(), 200, written.statusCode());
        // A read the school moments ago and would keep it 5 s; B's change is announced, so A reads it afresh.
        long changedOnB = System.nanoTime();
        long seenOnA = before;
        while (seenOnA == before && System.nanoTime() - changedOnB < Duration.ofSeconds(5).toNanos()) {
            seenOnA = DistributionProcess.number(onA.get("/api/v1/schools/" + SCHOOL).body(), "version");
        }
        long changeMillis = (System.nanoTime() - changedOnB) / 1_000_000;
        assertEquals("A serves B's change", before + 1, seenOnA);
        assertTrue("within 1 s, not when A's 5 s copy expired: " + changeMillis + " ms", changeMillis < 1000);
        WebSession balanced = onA.at(throughBalancer());
        for (int i = 0; i < 10; i++) {
            assertEquals("request " + i + " through the balancer", 200, balanced.get("/api/v1/schools/" + SCHOOL)
                    .statusCode());
        }
        // A has just resolved the session and would keep it for 5 s; the sign-out on B is announced to it at once.
        String cookie = onA.cookieHeader();
        assertEquals(200, onA.getWithCookie("/api/v1/schools/" + SCHOOL, cookie).statusCode());
        assertEquals(204, onB.send("DELETE", "/api/v1/session", null, null).statusCode());
        long signedOut = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - signedOut < Duration.ofSeconds(5).toNanos()) {
            status = onA.getWithCookie("/api/v1/schools/" + SCHOOL, cookie).statusCode();
        }
        long millis = (System.nanoTime() - signedOut) / 1_000_000;
        assertEquals("signed out on B, the session is refused on A", 401, status);
        assertTrue("refused on A within 1 s, not when A's 5 s copy expired: " + millis + " ms", millis < 1000);
    }

    private static String structure(WebSession session) throws Exception {
        long version = DistributionProcess.number(session.get("/api/v1/schools/" + SCHOOL).body(), "version");
        return "{\"multigrado\": false, \"grupos\": [{\"nombre\": \"Nodos\", \"grados\": [1]}], \"version\": "
                + version + "}";
    }

    @Test
    public void b_aGuideInstalledAndActivatedOnOneNodeIsServedByTheOtherWithinFiveSeconds() throws Exception {
        WebSession publisher = signIn(nodeA.baseUrl(), "publicador.sep");
        String key = "SEP:2099-2100:preescolar:en-varios-nodos";
        HttpResponse<String> installed = Signing.publish(publisher, guide("en-varios-nodos", "1.0.0"), nodeA.etc());
        assertEquals(installed.body(), 201, installed.statusCode());
        WebSession onB = publisher.at(nodeB.baseUrl());
        assertEquals("1.0.0", awaitActiveEdition(onB, key, "1.0.0"));

        assertEquals(201, Signing.publish(publisher, guide("en-varios-nodos", "1.1.0"), nodeA.etc()).statusCode());
        HttpResponse<String> activated = publisher.send("POST", "/api/v1/guide-activations", "{\"clave\": \"" + key
                + "\", \"edicion\": \"1.1.0\"}", "application/json");
        assertEquals(activated.body(), 200, activated.statusCode());
        assertEquals("B serves the edition activated on A", "1.1.0", awaitActiveEdition(onB, key, "1.1.0"));

        long bundleOnB = bundleOf(onB, key, "1.1.0");
        assertEquals("a removal through B", 204, onB.send("DELETE", "/api/v1/guide-bundles/" + bundleOnB, null, null)
                .statusCode());
        assertEquals("A falls back to the edition that is left", "1.0.0", awaitActiveEdition(publisher, key,
                "1.0.0"));
        assertEquals("and so does C", "1.0.0", awaitActiveEdition(publisher.at(nodeC.baseUrl()), key, "1.0.0"));
    }

    private static byte[] guide(String session, String version) throws IOException {
        try (InputStream jar = GuideBundles.bundle("it.cluster." + session, version, GuideBundles.descriptor(session,
                version, "texto-libre").replace("\"09\"", "\"SEP\""))) {
            return jar.readAllBytes();
        }
    }

    /** Polls the node until the guide's active edition is {@code expected}; fails after {@link #CONVERGED}. */
    private static String awaitActiveEdition(WebSession node, String key, String expected) throws Exception {
        return awaitActiveEdition(node, key, expected, CONVERGED);
    }

    private static String awaitActiveEdition(WebSession node, String key, String expected, Duration within)
            throws Exception {
        long started = System.nanoTime();
        String active = null;
        while (System.nanoTime() - started < within.toNanos()) {
            active = activeEdition(node, key);
            if (expected.equals(active)) {
                return active;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("after " + within.toSeconds() + " s the node serves " + key + " " + active
                + ", not " + expected);
    }

    private static JsonObject guideEntry(WebSession node, String key) throws Exception {
        HttpResponse<String> catalog = node.get("/api/v1/guides");
        assertEquals(catalog.body(), 200, catalog.statusCode());
        for (JsonElement guide : JsonParser.parseString(catalog.body()).getAsJsonObject().getAsJsonArray("guides")) {
            if (key.equals(guide.getAsJsonObject().get("key").getAsString())) {
                return guide.getAsJsonObject();
            }
        }
        return null;
    }

    private static String activeEdition(WebSession node, String key) throws Exception {
        JsonObject guide = guideEntry(node, key);
        return guide == null || guide.get("activeVersion").isJsonNull() ? null
                : guide.get("activeVersion").getAsString();
    }

    private static long bundleOf(WebSession node, String key, String version) throws Exception {
        for (JsonElement edition : guideEntry(node, key).getAsJsonArray("editions")) {
            if (version.equals(edition.getAsJsonObject().get("version").getAsString())) {
                return edition.getAsJsonObject().getAsJsonObject("bundle").get("id").getAsLong();
            }
        }
        throw new AssertionError("no edition " + version + " of " + key);
    }

    @Test
    public void b_aSignedGuideCopiedIntoOneNodesDeployFolderIsServedByEveryNodeAndLeavesWithIt() throws Exception {
        WebSession publisher = signIn(nodeA.baseUrl(), "publicador.sep");
        String key = "SEP:2099-2100:preescolar:desde-deploy";
        Path staged = Files.createDirectories(nodeA.home().resolve("preparados")).resolve("guia-desde-deploy.jar");
        Files.write(staged, guide("desde-deploy", "1.0.0"));
        Path signature = Signing.signBeside(staged, nodeA.etc());
        Path deploy = nodeA.home().resolve("deploy");
        Files.copy(signature, deploy.resolve(signature.getFileName()));
        // The jar last and whole, as an administrator moves it in: the deployer must not see half a file.
        Files.move(staged, deploy.resolve(staged.getFileName()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertEquals("the deployer installed it on A", "1.0.0", awaitActiveEdition(publisher, key, "1.0.0",
                Duration.ofSeconds(30)));
        for (DistributionProcess other : List.of(nodeB, nodeC)) {
            assertEquals("served by " + other.baseUrl(), "1.0.0", awaitActiveEdition(publisher.at(other.baseUrl()),
                    key, "1.0.0"));
        }

        Files.delete(deploy.resolve(staged.getFileName()));
        Files.delete(deploy.resolve(signature.getFileName()));
        for (DistributionProcess node : List.of(nodeA, nodeB, nodeC)) {
            WebSession on = publisher.at(node.baseUrl());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (guideEntry(on, key) != null && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals("gone from " + node.baseUrl() + " with the file", null, guideEntry(on, key));
        }
    }

    @Test
    public void b_whatAChannelInstallsOnOneNodeEveryNodeInstallsFromItsOwnSubscription() throws Exception {
        Path jar = Files.createTempDirectory("guia-").resolve("guia-por-canal-1.0.0.jar");
        Files.write(jar, guide("por-canal", "1.0.0"));
        publishToChannel(jar);
        WebSession admin = signIn(nodeA.baseUrl(), "admin.plataforma");
        assertEquals(200, admin.send("POST", "/api/v1/channels/check", "{}", "application/json").statusCode());
        HttpResponse<String> installed = admin.send("POST", "/api/v1/channels/install", "{\"canal\": \"sep\","
                + " \"ruta\": \"artefactos/guia-por-canal-1.0.0.jar\"}", "application/json");
        assertEquals(installed.body(), 200, installed.statusCode());
        assertEquals("B checked the channel and installed the same guide, verified by B",
                "1.0.0", awaitActiveEdition(admin.at(nodeB.baseUrl()), "SEP:2099-2100:preescolar:por-canal", "1.0.0"));
    }

    @Test
    public void b_whatAnOfflineKitOfOneNodeInstallsAtItsScheduledTimeEveryNodeInstalls() throws Exception {
        Path jar = Files.createTempDirectory("guia-").resolve("guia-por-kit-1.0.0.jar");
        Files.write(jar, guide("por-kit", "1.0.0"));
        publishToChannel(jar);
        Path kit = Files.createTempDirectory("kit-").resolve("kit-sep.zip");
        zipFolder(channel, kit);
        // Imported on A only, as a USB stick is plugged into one machine; B and C never see the kit.
        WebSession admin = signIn(nodeA.baseUrl(), "admin.plataforma");
        HttpResponse<String> imported = admin.sendBytes("POST", "/api/v1/channels/kits?archivo=kit-sep.zip",
                Files.readAllBytes(kit), "application/zip");
        assertEquals(imported.body(), 200, imported.statusCode());
        HttpResponse<String> scheduled = admin.send("POST", "/api/v1/channels/schedule", "{\"canal\": \"kit-sep\","
                + " \"ruta\": \"artefactos/guia-por-kit-1.0.0.jar\", \"fecha\": \""
                + java.time.Instant.now().plusSeconds(3) + "\"}", "application/json");
        assertEquals(scheduled.body(), 200, scheduled.statusCode());
        // Each node looks for due installations every 30 s; the one that finds it first installs and shares.
        for (DistributionProcess node : List.of(nodeA, nodeB, nodeC)) {
            assertEquals("installed from the kit on " + node.baseUrl(), "1.0.0", awaitActiveEdition(admin.at(
                    node.baseUrl()), "SEP:2099-2100:preescolar:por-kit", "1.0.0", Duration.ofSeconds(45)));
        }
    }

    private static void zipFolder(Path folder, Path zip) throws IOException {
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
                var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }

    /** {@code cte-publicador publicar} with the SEP's demo key, as the SEP runs it. */
    private static void publishToChannel(Path jar) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty(ChannelIT.TOOL_PROPERTY), "publicar", "--canal", channel.toString(),
                "--publicador", "SEP", "--clave", Signing.demoKeys().resolve("sep-publicacion.clave.asc").toString(),
                jar.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue("the publisher tool finished", process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(output, 0, process.exitValue());
    }

    @Test
    public void b_aResourceSavedThroughOneNodeIsFoundThroughTheOtherWithinFiveSeconds() throws Exception {
        WebSession onA = signIn(nodeA.baseUrl(), "docente.ana");
        WebSession onB = onA.at(nodeB.baseUrl());
        String resources = "/api/v1/catalogue/" + SCHOOL + "/resources";
        HttpResponse<String> saved = onA.send("POST", resources, "{\"titulo\": \"Dominó de figuras en varios nodos\","
                + " \"tipo\": \"material-didactico\", \"autor\": \"Colectivo docente\", \"ubicacion\": \"Aula 2\","
                + " \"grados\": [2], \"areas\": [\"Pensamiento matemático\"]}", "application/json");
        assertEquals(saved.body(), 201, saved.statusCode());
        JsonObject resource = JsonParser.parseString(saved.body()).getAsJsonObject();
        awaitFound(onB, resources + "?q=domino", "Dominó de figuras en varios nodos", true);
        awaitFound(onA.at(nodeC.baseUrl()), resources + "?q=domino", "Dominó de figuras en varios nodos", true);

        HttpResponse<String> removed = onB.send("DELETE", resources + "/" + resource.get("id").getAsLong()
                + "?version=" + resource.get("version").getAsLong(), null, null);
        assertEquals(removed.body(), 204, removed.statusCode());
        awaitFound(onA, resources + "?q=domino", "Dominó de figuras en varios nodos", false);
        awaitFound(onA.at(nodeC.baseUrl()), resources + "?q=domino", "Dominó de figuras en varios nodos", false);
    }

    private static void awaitFound(WebSession node, String search, String title, boolean expected) throws Exception {
        long start = System.nanoTime();
        boolean found = !expected;
        while (found != expected && System.nanoTime() - start < CONVERGED.toNanos()) {
            HttpResponse<String> answer = node.get(search);
            assertEquals(answer.body(), 200, answer.statusCode());
            found = answer.body().contains(title);
            if (found != expected) {
                Thread.sleep(100);
            }
        }
        assertEquals((expected ? "found" : "gone") + " through the other node's search within 5 s", expected, found);
    }

    @Test
    public void c_anIdempotentWriteResentToTheOtherNodeGetsTheFirstAnswer() throws Exception {
        WebSession onA = signIn(nodeA.baseUrl(), "directora.rosaura");
        WebSession onB = onA.at(nodeB.baseUrl());
        String key = UUID.randomUUID().toString();
        String body = agreement("Revisar la ruta de mejora entre nodos");
        HttpResponse<String> first = onA.sendKeyed("POST", AGREEMENTS, body, key);
        assertEquals(first.body(), 201, first.statusCode());
        HttpResponse<String> again = onB.sendKeyed("POST", AGREEMENTS, body, key);
        assertEquals(201, again.statusCode());
        assertEquals("the first answer, not a second agreement", first.body(), again.body());
        assertEquals(1, countAgreements("Revisar la ruta de mejora entre nodos"));
    }

    private static String agreement(String text) {
        return "{\"sesion\": \"SEP:2016-2017:preescolar:ordinaria-3\", \"actividad\": 13, \"acuerdo\": \"" + text
                + "\", \"responsables\": [\"directora.rosaura\"], \"compromisos\": \"Dar seguimiento\","
                + " \"fechaLimite\": \"" + LocalDate.now().plusMonths(1) + "\"}";
    }

    private static int countAgreements(String text) throws Exception {
        try (Connection connection = postgres.getDatabase("postgres", "cte").getConnection();
                var statement = connection.prepareStatement("SELECT COUNT(*) FROM logbook_agreement WHERE text"
                        + " = ?")) {
            statement.setString(1, text);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    public void d_aNodeKilledUnderWritesLosesNoneAndTheOutboxResendStoresNoneTwice() throws Exception {
        WebSession director = signIn(throughBalancer(), "directora.rosaura");
        int writes = 60;
        CompletableFuture<Void> killer = null;
        for (int i = 1; i <= writes; i++) {
            if (i == 20) {
                killer = CompletableFuture.runAsync(() -> {
                    try {
                        nodeB.kill();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            // As the web UI's outbox does: one key per edit, the same key on every resend until it is answered.
            String key = UUID.randomUUID().toString();
            String body = agreement("Acuerdo en ráfaga " + i);
            sendUntilAnswered(director, body, key, i);
        }
        killer.get();
        for (int i = 1; i <= writes; i++) {
            assertEquals("agreement " + i + " stored exactly once", 1, countAgreements("Acuerdo en ráfaga " + i));
        }

        // A node that comes back catches up with what was installed while it was down, before it answers health up:
        // the guide is there on its first answer (nodeB.start() returns once its health says up).
        WebSession publisher = signIn(nodeA.baseUrl(), "publicador.sep");
        assertEquals(201, Signing.publish(publisher, guide("mientras-caido", "1.0.0"), nodeA.etc()).statusCode());
        nodeB.start();
        String active = activeEdition(publisher.at(nodeB.baseUrl()), "SEP:2099-2100:preescolar:mientras-caido");
        assertEquals("1.0.0", active);
    }

    /** Resends on a lost connection, a 502/503 from the balancer or a 409 "in progress", for at most 30 s. */
    @Test
    public void e_aModuleUpdatedNodeByNodeUnderWritesLosesNoneAndStoresNoneTwice() throws Exception {
        WebSession director = signIn(throughBalancer(), "directora.rosaura");
        AtomicInteger answered = new AtomicInteger();
        CompletableFuture<String> rollingUpdate = CompletableFuture.supplyAsync(() -> {
            StringBuilder output = new StringBuilder();
            try {
                int next = 10;
                for (DistributionProcess node : List.of(nodeA, nodeB, nodeC)) {
                    while (answered.get() < next) {
                        Thread.sleep(20);
                    }
                    output.append(node.shell("bundle:update mx.cte.logbook.impl"));
                    output.append(node.shell("bundle:update mx.cte.logbook.web"));
                    next = answered.get() + 10;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return output.toString();
        });
        // Writes go on, paced like a school's staff, until both nodes are updated, and a few after.
        int writes = 0;
        int afterwards = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (afterwards < 10 && System.nanoTime() < deadline) {
            writes++;
            sendUntilAnswered(director, agreement("Acuerdo durante la actualización " + writes),
                    UUID.randomUUID().toString(), writes);
            answered.incrementAndGet();
            afterwards += rollingUpdate.isDone() ? 1 : 0;
            Thread.sleep(20);
        }
        String output = rollingUpdate.get(2, TimeUnit.MINUTES);
        assertTrue("the updates ran: " + output, !output.contains("Error"));
        for (int i = 1; i <= writes; i++) {
            assertEquals("agreement " + i + " stored exactly once", 1,
                    countAgreements("Acuerdo durante la actualización " + i));
        }
        for (DistributionProcess node : List.of(nodeA, nodeB, nodeC)) {
            assertTrue(node.shell("bundle:list -s mx.cte.logbook.impl mx.cte.logbook.web"), node.shell(
                    "bundle:list -s mx.cte.logbook.impl mx.cte.logbook.web").split("Active", -1).length == 3);
        }
    }

    @Test
    public void f_aModuleUninstalledOnOneNodeIsUninstalledOnEveryNodeAndReinstalledLikewise() throws Exception {
        WebSession teacher = signIn(throughBalancer(), "docente.ana");
        String resources = "/api/v1/catalogue/" + SCHOOL + "/resources";
        List<WebSession> nodes = List.of(teacher.at(nodeA.baseUrl()), teacher.at(nodeB.baseUrl()),
                teacher.at(nodeC.baseUrl()));
        nodeB.shell("feature:uninstall cte-catalogue");
        try {
            for (WebSession node : nodes) {
                assertEquals("the catalogue is away on every node", 503, awaitStatus(node, resources, 503));
            }
        } finally {
            nodeC.shell("feature:install cte-catalogue");
        }
        for (WebSession node : nodes) {
            assertEquals("back on every node", 200, awaitStatus(node, resources, 200));
        }
    }

    /** The status the node answers once it answers {@code expected}, or the last one after 60 s. */
    private static int awaitStatus(WebSession node, String path, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = node.get(path).statusCode();
        while (status != expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = node.get(path).statusCode();
        }
        return status;
    }

    private static void sendUntilAnswered(WebSession session, String body, String key, int sequence)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = session.sendKeyed("POST", AGREEMENTS, body, key);
                if (answer.statusCode() == 201) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
                assertTrue("write " + sequence + ": " + last, answer.statusCode() == 502 || answer.statusCode() == 503
                        || answer.statusCode() == 409 || answer.statusCode() == 504);
            } catch (IOException connectionLost) {
                last = connectionLost.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("write " + sequence + " not answered within 30 s; last: " + last);
    }
}
