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

    @Test
    public void aBackupTakenWhileRunningRestoresIntoAFreshInstallation() throws Exception {
        Path backup;
        Path passwords;
        try (DistributionProcess original = DistributionProcess.unpack("backup-original")) {
            original.start();
            passwords = Files.copy(original.demoPasswords(), Files.createTempFile("cuentas-demo", ".txt"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
