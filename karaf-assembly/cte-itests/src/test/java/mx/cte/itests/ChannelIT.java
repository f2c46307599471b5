package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.inject.Inject;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.trust.openpgp.OpenPgp;
import org.apache.karaf.features.BootFinished;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The publication channel (issue 23, section 2), end to end: the SEP publishes with {@code cte-publicador publicar}
 * into a folder served over HTTP, the running platform subscribed by an {@code etc/mx.cte.channel-*.cfg} file installs
 * a new guide on its schedule and serves it without a restart, a download cut halfway is continued, and every way an
 * index or artifact can be wrong installs nothing. The same channel as an offline kit (one zip) installs the same way,
 * at the time an administrator scheduled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ChannelIT {

    static final String TOOL_PROPERTY = "cte.it.publisherTool";
    private static final String SERVED_AT = "/it-canal";

    @Inject
    private BootFinished bootFinished;

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    private Path channel;
    private ServiceRegistration<Servlet> server;
    /** Paths whose next download is cut after half its bytes. */
    private final Set<String> cutNext = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rangeRequests = new AtomicInteger();
    private final List<Path> configFiles = new ArrayList<>();

    /** Serves the channel folder as any web server would, with byte ranges; can cut a transfer halfway. */
    @Before
    public void serveTheChannel() throws Exception {
        channel = Files.createTempDirectory("canal-");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", SERVED_AT + "/*");
        properties.put("osgi.http.whiteboard.servlet.name", "it-canal");
        server = bundleContext.registerService(Servlet.class, new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
                Path file = channel.resolve(path).normalize();
                if (!file.startsWith(channel) || !Files.isRegularFile(file)) {
                    response.sendError(404);
                    return;
                }
                byte[] content = Files.readAllBytes(file);
                int from = 0;
                String range = request.getHeader("Range");
                if (range != null && range.startsWith("bytes=")) {
                    rangeRequests.incrementAndGet();
                    from = Integer.parseInt(range.substring(6, range.indexOf('-')));
                    response.setStatus(206);
                    response.setHeader("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/"
                            + content.length);
                }
                response.setContentType("application/octet-stream");
                response.setContentLength(content.length - from);
                OutputStream out = response.getOutputStream();
                if (cutNext.remove(path)) {
                    out.write(content, from, (content.length - from) / 2);
                    out.flush();
                    throw new IOException("transferencia cortada a propósito");
                }
                out.write(content, from, content.length - from);
            }
        }, properties);
        Files.writeString(channel.resolve("ping"), "ok");
        Http.awaitStatus(SERVED_AT + "/ping", 200, GuideApi.WAIT);
    }

    @After
    public void stopServing() throws Exception {
        for (Path file : configFiles) {
            Files.deleteIfExists(file);
        }
        server.unregister();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getLocation().startsWith("cte-channel:")) {
                bundle.uninstall();
            }
        }
    }

    private String channelUrl() {
        return "http://localhost:" + System.getProperty(CteKaraf.HTTP_PORT_PROPERTY) + SERVED_AT + "/";
    }

    /** Writes a configuration file into etc/, as an administrator does; the platform reads it within seconds. */
    private void configure(String name, String text) throws IOException {
        Path file = Signing.karafEtc().resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        configFiles.add(file);
    }

    private void subscribe(String name, String url, String installation) throws IOException {
        subscribe(name, url, installation, "SEP");
    }

    private void subscribe(String name, String url, String installation, String publisher) throws IOException {
        configure("mx.cte.channel-" + name + ".cfg", "name = " + name + "\nurl = " + url + "\npublisher = " + publisher
                + "\ninstallation = " + installation + "\n");
    }

    /** A SEP guide of a new session, as a jar file. */
    private static Path guide(String session, String version) throws IOException {
        Path jar = Files.createTempDirectory("guia-").resolve("guia-" + session + "-" + version + ".jar");
        Files.write(jar, GuideBundles.bundle("it.guide.canal." + session.replace('-', '.'), version,
                GuideBundles.descriptor(session, version, "texto-libre").replace("\"09\"", "\"SEP\""))
                .readAllBytes());
        return jar;
    }

    /** {@code cte-publicador publicar} with the SEP's demo key, as the SEP runs it. */
    private String publish(Path... jars) throws Exception {
        return publishAs("SEP", "sep-publicacion.clave.asc", jars);
    }

    private String publishAs(String publisher, String key, Path... jars) throws Exception {
        return publish(List.of("--publicador", publisher, "--clave", Signing.demoKeys().resolve(key).toString()), jars);
    }

    private String publish(List<String> options, Path... jars) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty(TOOL_PROPERTY), "publicar", "--canal", channel.toString()));
        command.addAll(options);
        for (Path jar : jars) {
            command.add(jar.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("the publisher tool finished", process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(output, 0, process.exitValue());
        return output;
    }

    /**
     * The channels as the API lists them. A changed {@code mx.cte.channel.updates} configuration is applied in place
     * (the API stays up); a moment of 503 with {@code Retry-After}, while a module restarts, is waited out as the web
     * UI does.
     */
    private static JsonObject channels(WebSession admin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> response = admin.get("/api/v1/channels");
        while (response.statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            response = admin.get("/api/v1/channels");
        }
        assertEquals(response.body(), 200, response.statusCode());
        return GuideApi.json(response);
    }

    /** The state of one subscription once the platform has read its configuration and checked it. */
    private static JsonObject awaitChannel(WebSession admin, String name, java.util.function.Predicate<JsonObject>
            condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            for (JsonElement item : channels(admin).getAsJsonArray("canales")) {
                if (item.getAsJsonObject().get("canal").getAsString().equals(name)) {
                    last = item.getAsJsonObject();
                    if (condition.test(last)) {
                        return last;
                    }
                }
            }
            Thread.sleep(250);
        }
        fail("channel " + name + " never reached the expected state: " + last);
        return null;
    }

    @Test
    public void aNewSessionsGuidePublishedOnTheChannelIsInstalledOnScheduleAndServedWithoutARestart()
            throws Exception {
        WebSession admin = WebSession.demo("admin.plataforma");
        String said = publish(guide("canal-diciembre", "1.0.0"));
        assertTrue(said, said.contains("índice versión 1"));
        cutNext.add("artefactos/guia-canal-diciembre-1.0.0.jar");
        configure("mx.cte.channel.updates.cfg", "checkIntervalSeconds = 3\nfirstCheckSeconds = 1\n");
        subscribe("it-sep", channelUrl(), "automatica");

        // Installed by itself; the first download was cut halfway and continued from where it stopped.
        GuideApi.awaitGuide("SEP:2099-2100:preescolar:canal-diciembre", GuideApi.status("activa"));
        assertTrue("the cut download was continued with a byte range", rangeRequests.get() >= 1);
        assertTrue(Http.get("/api/v1/guides/SEP:2099-2100:preescolar:canal-diciembre").body()
                .contains("Guía de prueba 1.0.0"));

        // Next month the SEP publishes another session: the next scheduled check installs it, no one restarts.
        said = publish(guide("canal-enero", "1.0.0"));
        assertTrue(said, said.contains("índice versión 2"));
        GuideApi.awaitGuide("SEP:2099-2100:preescolar:canal-enero", GuideApi.status("activa"));
        JsonObject state = awaitChannel(admin, "it-sep", c -> c.get("versionIndice").getAsLong() == 2);
        assertEquals("", state.get("problema").getAsString());
        assertTrue(channels(admin).getAsJsonArray("artefactos").toString().contains("\"estado\":\"instalada\""));
    }

    @Test
    public void anArtifactChangedOnTheServerAfterSigningInstallsNothing() throws Exception {
        WebSession admin = WebSession.demo("admin.plataforma");
        publish(guide("canal-alterada", "1.0.0"));
        Path artifact = channel.resolve("artefactos/guia-canal-alterada-1.0.0.jar");
        byte[] changed = Files.readAllBytes(artifact);
        changed[changed.length - 30] ^= 1;
        Files.write(artifact, changed);
        subscribe("it-alterada", channelUrl(), "manual");
        awaitChannel(admin, "it-alterada", c -> c.get("versionIndice").getAsLong() == 1);
        String before = trustedState(admin, "it-alterada");
        int bundlesBefore = bundleContext.getBundles().length;

        String body = "{\"canal\": \"it-alterada\", \"ruta\": \"artefactos/guia-canal-alterada-1.0.0.jar\"}";
        HttpResponse<String> tampered = admin.send("POST", "/api/v1/channels/install", body);
        assertEquals(tampered.body(), 422, tampered.statusCode());
        assertTrue(tampered.body(), tampered.body().contains("no coincide con el índice"));
        assertEquals(404, Http.get("/api/v1/guides/SEP:2099-2100:preescolar:canal-alterada").statusCode());
        assertEquals("nothing was installed", bundlesBefore, bundleContext.getBundles().length);
        assertEquals(before, trustedState(admin, "it-alterada"));
    }

    @Test
    public void anIndexSignedByAnotherPublishersKeyIsRefusedAndTheTrustedIndexStays() throws Exception {
        WebSession admin = WebSession.demo("admin.plataforma");
        publish(guide("canal-ajena", "1.0.0"));
        subscribe("it-ajena", channelUrl(), "manual");
        awaitChannel(admin, "it-ajena", c -> c.get("versionIndice").getAsLong() == 1);
        String before = trustedState(admin, "it-ajena");

        // The state's key signs an index of the SEP's channel, with a newer version that would otherwise win.
        JsonObject foreign = index();
        foreign.addProperty("version", 2);
        byte[] json = foreign.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(channel.resolve("channel.json"), json);
        Files.write(channel.resolve("channel.json.asc"), OpenPgp.sign(Signing.demoKey("15-edomex.clave.asc"), null,
                json, Instant.now()));
        assertTrue(check(admin, "it-ajena").contains("solo contenido de la entidad 15"));
        assertEquals(before, trustedState(admin, "it-ajena"));
        assertEquals(404, Http.get("/api/v1/guides/SEP:2099-2100:preescolar:canal-ajena").statusCode());
    }

    @Test
    public void anIndexPastItsExpiryIsRefusedAsAFreezeAttack() throws Exception {
        WebSession admin = WebSession.demo("admin.plataforma");
        publish(guide("canal-congelada", "1.0.0"));
        subscribe("it-congelada", channelUrl(), "automatica");
        GuideApi.awaitGuide("SEP:2099-2100:preescolar:canal-congelada", GuideApi.status("activa"));
        awaitChannel(admin, "it-congelada", c -> c.get("versionIndice").getAsLong() == 1);
        String before = trustedState(admin, "it-congelada");
        int bundlesBefore = bundleContext.getBundles().length;

        // Signed by the SEP, but expired: a mirror that keeps serving it would hide every later edition.
        JsonObject expired = index();
        expired.addProperty("version", 5);
        expired.addProperty("published", Instant.now().minus(Duration.ofDays(20)).toString());
        expired.addProperty("expires", Instant.now().minus(Duration.ofDays(6)).toString());
        signIndex(expired);
        assertTrue(check(admin, "it-congelada").contains("venció"));
        assertEquals(before, trustedState(admin, "it-congelada"));
        assertEquals(bundlesBefore, bundleContext.getBundles().length);
        GuideApi.awaitGuide("SEP:2099-2100:preescolar:canal-congelada", GuideApi.status("activa"));
    }

    @Test
    public void anOlderIndexReplayedIsRefusedAndTheNewerStays() throws Exception {
        WebSession admin = WebSession.demo("admin.plataforma");
        publish(guide("canal-repetida", "1.0.0"));
        byte[] current = Files.readAllBytes(channel.resolve("channel.json"));
        byte[] currentSignature = Files.readAllBytes(channel.resolve("channel.json.asc"));
        subscribe("it-repetida", channelUrl(), "manual");
        awaitChannel(admin, "it-repetida", c -> c.get("versionIndice").getAsLong() == 1);
        JsonObject newer = index();
        newer.addProperty("version", 7);
        signIndex(newer);
        assertEquals("", check(admin, "it-repetida"));
        String before = trustedState(admin, "it-repetida");
        assertTrue(before, before.contains("\"versionIndice\":7"));

        // The SEP's own, validly signed, unexpired index of before: replayed, it would undo version 7.
        Files.write(channel.resolve("channel.json"), current);
        Files.write(channel.resolve("channel.json.asc"), currentSignature);
        assertTrue(check(admin, "it-repetida").contains("anterior a la 7"));
        assertEquals(before, trustedState(admin, "it-repetida"));
    }

    /** The served index, as JSON. */
    private JsonObject index() throws IOException {
        return JsonParser.parseString(Files.readString(channel.resolve("channel.json"))).getAsJsonObject();
    }

    /** What the platform trusts of one channel: its index version and expiry, and every artifact with its state. */
    private static String trustedState(WebSession admin, String name) throws Exception {
        JsonObject all = channels(admin);
        StringBuilder state = new StringBuilder();
        for (JsonElement item : all.getAsJsonArray("canales")) {
            JsonObject status = item.getAsJsonObject();
            if (status.get("canal").getAsString().equals(name)) {
                state.append("\"versionIndice\":").append(status.get("versionIndice")).append(" vence ")
                        .append(status.get("vence"));
            }
        }
        for (JsonElement item : all.getAsJsonArray("artefactos")) {
            if (item.getAsJsonObject().get("canal").getAsString().equals(name)) {
                state.append('\n').append(item);
            }
        }
        return state.toString();
    }

    private void signIndex(JsonObject index) throws IOException {
        byte[] json = index.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(channel.resolve("channel.json"), json);
        Files.write(channel.resolve("channel.json.asc"), OpenPgp.sign(Signing.demoKey("sep-publicacion.clave.asc"),
                null, json, Instant.now()));
    }

    /** Checks now; the channel's problem, empty when its index was trusted. */
    private static String check(WebSession admin, String name) throws Exception {
        HttpResponse<String> checked = admin.send("POST", "/api/v1/channels/check", "{}");
        assertEquals(checked.body(), 200, checked.statusCode());
        for (JsonElement item : GuideApi.json(checked).getAsJsonArray("canales")) {
            if (item.getAsJsonObject().get("canal").getAsString().equals(name)) {
                return item.getAsJsonObject().get("problema").getAsString();
            }
        }
        fail("no channel " + name);
        return null;
    }

    @Test
    public void anOfflineKitInstallsLikeTheChannelAtTheScheduledTime() throws Exception {
        WebSession admin = WebSession.demo("admin.plataforma");
        publish(guide("canal-kit", "1.0.0"));
        Path kit = Files.createTempDirectory("kit-").resolve("kit-sep.zip");
        writeKit(kit);
        configure("mx.cte.channel.updates.cfg", "checkIntervalSeconds = 2\nfirstCheckSeconds = 1\n");
        HttpResponse<String> notAKit = admin.sendBytes("POST", "/api/v1/channels/kits?archivo=fotos.zip",
                "no soy un zip".getBytes(StandardCharsets.UTF_8), "application/zip");
        assertEquals(notAKit.body(), 422, notAKit.statusCode());
        assertTrue(notAKit.body(), notAKit.body().contains("fotos.zip no es un kit de canal"));
        // Carried on a USB stick and imported from the admin page (the same request): the kit is its own channel.
        HttpResponse<String> imported = admin.sendBytes("POST", "/api/v1/channels/kits?archivo=kit-sep.zip",
                Files.readAllBytes(kit), "application/zip");
        assertEquals(imported.body(), 200, imported.statusCode());
        awaitChannel(admin, "kit-sep", c -> c.get("versionIndice").getAsLong() == 1 && c.get("problema")
                .getAsString().isEmpty());

        // Scheduled a few seconds ahead, as an administrator schedules the night before the session.
        String body = "{\"canal\": \"kit-sep\", \"ruta\": \"artefactos/guia-canal-kit-1.0.0.jar\", \"fecha\": \"";
        HttpResponse<String> past = admin.send("POST", "/api/v1/channels/schedule", body + "2020-01-01T00:00:00Z\"}");
        assertEquals(past.body(), 422, past.statusCode());
        HttpResponse<String> scheduled = admin.send("POST", "/api/v1/channels/schedule", body + Instant.now().plus(
                Duration.ofSeconds(3)) + "\"}");
        assertEquals(scheduled.body(), 200, scheduled.statusCode());
        assertTrue(scheduled.body(), scheduled.body().contains("\"programada\":\"20"));
        assertEquals("not before its time", 404, Http.get("/api/v1/guides/SEP:2099-2100:preescolar:canal-kit")
                .statusCode());
        GuideApi.awaitGuide("SEP:2099-2100:preescolar:canal-kit", GuideApi.status("activa"));
        assertEquals(403, WebSession.demo("publicador.sep").get("/api/v1/channels").statusCode());

        // Uninstalled from the shell: the shared state forgets it, or the next change of any channel (an installation
        // elsewhere) would install it again.
        bundleContext.getBundle("cte-channel:kit-sep/artefactos/guia-canal-kit-1.0.0.jar").uninstall();
        long deadline = System.nanoTime() + GuideApi.WAIT.toNanos();
        while (!GuideApi.audited(admin, "canal-desinstalada", "kit-sep artefactos/guia-canal-kit-1.0.0.jar")) {
            assertTrue("the uninstall was never recorded", System.nanoTime() < deadline);
            Thread.sleep(100);
        }
        assertTrue(check(admin, "kit-sep").isEmpty());
        assertEquals(404, Http.get("/api/v1/guides/SEP:2099-2100:preescolar:canal-kit").statusCode());
    }

    /** The channel folder as one offline kit file. */
    private void writeKit(Path kit) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(kit))) {
            try (var files = Files.walk(channel)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    zip.putNextEntry(new ZipEntry(channel.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
        }
    }

    @Test
    public void aKitCopiedIntoTheWatchedFolderIsImportedAndAnythingElseThereIsRefusedAndAudited() throws Exception {
        WebSession admin = WebSession.demo("admin.plataforma");
        publish(List.of("--publicador", "SEP", "--clave", Signing.demoKeys().resolve("sep-publicacion.clave.asc")
                .toString(), "--nombre", "usb"), guide("canal-usb", "1.0.0"));
        Path usb = Files.createTempDirectory("usb-");
        configure("mx.cte.channel.updates.cfg", "checkIntervalSeconds = 2\nfirstCheckSeconds = 1\nkitFolder = " + usb
                + "\n");
        // What a school's USB stick also carries, then the kit the region sent: each looked at once, at the next check.
        Files.writeString(usb.resolve("fotos-del-consejo.zip"), "no soy un zip");
        Path copying = Files.createTempDirectory("copiando-").resolve("kit-usb.zip");
        writeKit(copying);
        Files.move(copying, usb.resolve("kit-usb.zip"));

        awaitChannel(admin, "kit-usb", c -> c.get("versionIndice").getAsLong() == 1 && c.get("problema")
                .getAsString().isEmpty());
        assertTrue("a kit is installed when an administrator says so", trustedState(admin, "kit-usb")
                .contains("\"estado\":\"nueva\""));
        HttpResponse<String> installed = admin.send("POST", "/api/v1/channels/install", "{\"canal\": \"kit-usb\","
                + " \"ruta\": \"artefactos/guia-canal-usb-1.0.0.jar\"}");
        assertEquals(installed.body(), 200, installed.statusCode());
        GuideApi.awaitGuide("SEP:2099-2100:preescolar:canal-usb", GuideApi.status("activa"));
        assertTrue(GuideApi.audited(admin, "canal-kit-importado", "kit-usb.zip"));
        assertTrue(GuideApi.audited(admin, "canal-kit-rechazado", "fotos-del-consejo.zip"));
    }

    /** The distribution's jar of a platform bundle, with another Bundle-Version: the project's next release of it. */
    private static Path nextRelease(String symbolicName, String version) throws IOException {
        Path shipped = Path.of(System.getProperty("karaf.home"), "system", "mx", "cte", symbolicName,
                "0.1.0-SNAPSHOT", symbolicName + "-0.1.0-SNAPSHOT.jar");
        Path jar = Files.createTempDirectory("modulo-").resolve(symbolicName + "-" + version + ".jar");
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(Files.newInputStream(shipped));
                java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar),
                        withVersion(in.getManifest(), version))) {
            for (java.util.jar.JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                out.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static java.util.jar.Manifest withVersion(java.util.jar.Manifest manifest, String version) {
        java.util.jar.Manifest changed = new java.util.jar.Manifest(manifest);
        changed.getMainAttributes().putValue("Bundle-Version", version);
        return changed;
    }

    @Test
    public void aModuleIsUpdatedFromTheChannelSignedByTheReleaseKeyAndOnlyItIsReplaced() throws Exception {
        WebSession admin = WebSession.demo("admin.plataforma");
        Bundle logbookWeb = java.util.Arrays.stream(bundleContext.getBundles()).filter(b -> "mx.cte.logbook.web"
                .equals(b.getSymbolicName())).findFirst().orElseThrow();
        byte[] original = Files.readAllBytes(Path.of(System.getProperty("karaf.home"), "system", "mx", "cte",
                "mx.cte.logbook.web", "0.1.0-SNAPSHOT", "mx.cte.logbook.web-0.1.0-SNAPSHOT.jar"));
        publishAs("PLATAFORMA", "plataforma-publicacion.clave.asc", nextRelease("mx.cte.logbook.web", "0.1.1"),
                nextRelease("mx.cte.logbook.api", "0.1.1"));
        subscribe("it-plataforma", channelUrl(), "manual", "PLATAFORMA");
        awaitChannel(admin, "it-plataforma", c -> c.get("versionIndice").getAsLong() == 1);
        BundleWatch watch = new BundleWatch(bundleContext, b -> "mx.cte.logbook.web".equals(b.getSymbolicName()));
        try {
            String install = "{\"canal\": \"it-plataforma\", \"ruta\": \"artefactos/";
            // An API is refused: replacing it would restart every module that uses it.
            HttpResponse<String> api = admin.send("POST", "/api/v1/channels/install", install
                    + "mx.cte.logbook.api-0.1.1.jar\"}");
            assertEquals(api.body(), 422, api.statusCode());
            assertTrue(api.body(), api.body().contains("exporta paquetes"));

            // A module signed by the SEP's key instead of the release key is refused.
            Path artifact = channel.resolve("artefactos/mx.cte.logbook.web-0.1.1.jar");
            byte[] releaseSignature = Files.readAllBytes(Path.of(artifact + ".asc"));
            Files.write(Path.of(artifact + ".asc"), OpenPgp.sign(Signing.demoKey("sep-publicacion.clave.asc"), null,
                    Files.readAllBytes(artifact), Instant.now()));
            HttpResponse<String> foreign = admin.send("POST", "/api/v1/channels/install", install
                    + "mx.cte.logbook.web-0.1.1.jar\"}");
            assertEquals(foreign.body(), 422, foreign.statusCode());
            assertTrue(foreign.body(), foreign.body().contains("las versiones de la plataforma"));
            Files.write(Path.of(artifact + ".asc"), releaseSignature);

            HttpResponse<String> updated = admin.send("POST", "/api/v1/channels/install", install
                    + "mx.cte.logbook.web-0.1.1.jar\"}");
            assertEquals(updated.body(), 200, updated.statusCode());
            assertTrue(updated.body(), updated.body().contains("módulo mx.cte.logbook.web actualizado de"
                    + " 0.1.0.SNAPSHOT a 0.1.1"));
            assertEquals("0.1.1", logbookWeb.getVersion().toString());
            WebSession teacher = WebSession.demo("docente.ana");
            Http.awaitStatus("/api/v1/health", 200, GuideApi.WAIT);
            long deadline = System.nanoTime() + GuideApi.WAIT.toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && (status = teacher.get("/api/v1/logbook/15EJN0101A/agreements")
                    .statusCode()) != 200) {
                Thread.sleep(200);
            }
            assertEquals("the updated module serves again", 200, status);
            assertEquals("no other bundle was touched", List.of(), watch.events());
        } finally {
            watch.close();
            logbookWeb.update(new java.io.ByteArrayInputStream(original));
            java.util.concurrent.CountDownLatch refreshed = new java.util.concurrent.CountDownLatch(1);
            bundleContext.getBundle(0).adapt(org.osgi.framework.wiring.FrameworkWiring.class).refreshBundles(
                    List.of(logbookWeb), event -> refreshed.countDown());
            refreshed.await(60, TimeUnit.SECONDS);
        }
    }
}
