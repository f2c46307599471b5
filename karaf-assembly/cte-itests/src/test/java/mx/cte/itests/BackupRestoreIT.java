package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The embedded database's backup and restore as docs/operations.md tells an operator: {@code cte:backup} while the
 * platform runs, then a fresh installation restored from the zip answers with the data of the moment of the backup.
 */
public class BackupRestoreIT {

    private static final String SCHOOL = "15EJN0101A";

    private static String firstGroup(WebSession session) throws Exception {
        JsonObject school = JsonParser.parseString(session.awaitOk("/api/v1/schools/" + SCHOOL).body())
                .getAsJsonObject();
        return school.getAsJsonArray("grupos").get(0).getAsJsonObject().get("nombre").getAsString();
    }

    private static void save(WebSession director, String group) throws Exception {
        long version = DistributionProcess.number(director.awaitOk("/api/v1/schools/" + SCHOOL).body(), "version");
        HttpResponse<String> saved = director.send("PUT", "/api/v1/schools/" + SCHOOL + "/structure",
                "{\"multigrado\": false, \"grupos\": [{\"nombre\": \"" + group + "\", \"grados\": [1]}], \"version\": "
                        + version + "}", "application/json");
        assertEquals(saved.body(), 200, saved.statusCode());
    }

    /** What {@code unzip -o respaldo.zip -d data/cte} does. */
    private static void unzip(Path zip, Path target) throws Exception {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                assertTrue("entry stays inside data/cte: " + entry.getName(), file.startsWith(target));
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Issue 19, point 11: the shell administrator's password is kept only as a hash, bin/client signs in with the key
     * made at first start, and SSH answers on this machine only.
     */
    private static void assertShellIsLockedDown(DistributionProcess distribution) throws Exception {
        String users = Files.readString(distribution.home().resolve("etc/users.properties"));
        String password = Files.readString(distribution.home().resolve("etc/admin.password")).strip();
        assertTrue(users, users.contains("admin = {CRYPT}"));
        assertTrue("the password is in etc/users.properties in plain text", !users.contains(password));
        assertTrue(distribution.shell("shell:echo con-llave").contains("con-llave"));

        java.util.Properties shell = new java.util.Properties();
        try (var in = Files.newInputStream(distribution.home().resolve("etc/org.apache.karaf.shell.cfg"))) {
            shell.load(in);
        }
        int port = Integer.parseInt(shell.getProperty("sshPort").strip());
        try (java.net.Socket local = new java.net.Socket()) {
            local.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2_000);
        }
        java.net.InetAddress outside = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                .stream().filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                }).flatMap(nic -> java.util.Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof java.net.Inet4Address).findFirst().orElse(null);
        if (outside != null) {
            try (java.net.Socket remote = new java.net.Socket()) {
                remote.connect(new java.net.InetSocketAddress(outside, port), 2_000);
                throw new AssertionError("the shell answers on " + outside.getHostAddress() + ":" + port);
            } catch (java.net.ConnectException refused) {
                // listening on loopback only
            }
        }
    }

    /**
     * Issue 19, point 5: a school catalogue near the import's 100 MB limit is streamed to disk and read in two passes,
     * within the distribution's 256 MB heap: it is answered and reported, never a 500 or an OutOfMemoryError.
     */
    private static void aCatalogueNearTheLimitIsImportedWithinTheHeap(DistributionProcess distribution,
            Path passwords) throws Exception {
        Path csv = Files.createTempFile("catalogo-grande-", ".csv");
        try {
            try (var out = Files.newBufferedWriter(csv)) {
                out.write("CCT,NOMBRE,ENTIDAD,MUNICIPIO,ZONA,NIVEL,TURNO\n");
                long written = 0;
                for (int i = 0; written < 95L * 1024 * 1024; i++) {
                    // Every row names a zone that is not a number: the whole file is checked and refused.
                    String row = String.format("15EJN%04d%c,Jardín de Niños número %d de la zona de prueba,15,"
                            + "Toluca de Lerdo,zona-%d,PREESCOLAR,MATUTINO%n", i % 10_000,
                            (char) ('A' + i / 10_000 % 26), i, i);
                    out.write(row);
                    written += row.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                }
            }
            WebSession admin = WebSession.demo(new WebSession(distribution.baseUrl()), passwords, "admin.plataforma");
            HttpResponse<String> started = admin.sendFile("POST", "/api/v1/school-catalogue?archivo=grande.csv", csv,
                    "text/csv");
            assertEquals(started.body(), 202, started.statusCode());
            String job = started.headers().firstValue("Location").orElseThrow();
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
            JsonObject state;
            do {
                Thread.sleep(1_000);
                state = JsonParser.parseString(admin.get(job).body()).getAsJsonObject();
            } while (state.get("estado").getAsString().equals("en-curso") && System.nanoTime() < deadline);
            assertEquals(state.toString(), "rechazada", state.get("estado").getAsString());
            assertTrue(state.toString(), state.getAsJsonObject("informe").toString().contains("ZONA 'zona-0'"));
            assertEquals(200, admin.get("/api/v1/health").statusCode());
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /**
     * Issue 19, point 3: 24 parallel sign-ins of unknown users from one address, against the distribution's own
     * 256 MB heap (Argon2id takes 19 MiB a check): each is answered 401 or, past the checks the heap affords, 503 with
     * Retry-After; never a 500, nor a 408 for a body the busy server read slowly; health keeps answering.
     */
    private static void parallelSignInsNeverExhaustTheHeap(DistributionProcess distribution) throws Exception {
        int parallel = 24;
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        java.util.Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.List<java.util.concurrent.Future<Boolean>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            String username = "desconocido." + i;
            sent.add(clients.submit(() -> {
                HttpResponse<String> answer = new WebSession(distribution.baseUrl()).signIn(username, "adivinanza");
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                return answer.statusCode() != 503 || answer.headers().firstValue("Retry-After").isPresent();
            }));
        }
        for (java.util.concurrent.Future<Boolean> answer : sent) {
            assertTrue("a 503 without Retry-After", answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        clients.shutdown();
        System.err.println("Sign-in burst against 256 MB: " + parallel + " in parallel: " + statuses);
        assertTrue(statuses.toString(), statuses.keySet().stream().allMatch(s -> s == 401 || s == 503));
        assertEquals(200, new WebSession(distribution.baseUrl()).get("/api/v1/health").statusCode());
    }

    @Test
    public void aBackupTakenWhileRunningRestoresIntoAFreshInstallation() throws Exception {
        Path backup;
        Path passwords;
        try (DistributionProcess original = DistributionProcess.unpack("backup-original")) {
            original.start();
            assertShellIsLockedDown(original);
            parallelSignInsNeverExhaustTheHeap(original);
            passwords = Files.copy(original.demoPasswords(), Files.createTempFile("cuentas-demo", ".txt"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            aCatalogueNearTheLimitIsImportedWithinTheHeap(original, passwords);
            WebSession director = WebSession.demo(new WebSession(original.baseUrl()), passwords, "directora.rosaura");
            save(director, "Respaldado");
            backup = original.home().getParent().resolve("respaldo.zip");
            String answer = original.shell("cte:backup " + backup);
            assertTrue(answer, answer.contains("Respaldo escrito"));
            save(director, "Posterior");
            original.stop();
        }

        try (DistributionProcess restored = DistributionProcess.unpack("backup-restored")) {
            Path data = Files.createDirectories(restored.home().resolve("data/cte"));
            unzip(backup, data);
            restored.start();
            WebSession director = WebSession.demo(new WebSession(restored.baseUrl()), passwords, "directora.rosaura");
            assertEquals("the data of the moment of the backup", "Respaldado", firstGroup(director));
            restored.stop();
        }
    }
}
