package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.Assume;
import org.junit.Test;

/**
 * The distribution on PostgreSQL, switched by configuration alone as docs/operations.md describes: only
 * {@code etc/org.ops4j.datasource-cte.cfg} changes. Every module creates its tables there, the demo data lands there,
 * and a {@code pg_dump} backup restores into an empty database (when the PostgreSQL client tools are installed, as
 * {@code .ci/run} does).
 */
public class PostgresDistributionIT {

    private static final String SCHOOL = "15EJN0101A";

    private static int count(EmbeddedPostgres postgres, String database, String sql) throws Exception {
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(EmbeddedPostgres postgres, String sql) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    public void runsOnPostgresqlByConfigurationAndRestoresAPgDump() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                DistributionProcess karaf = DistributionProcess.unpack("postgresql")) {
            execute(postgres, "CREATE DATABASE cte");
            karaf.usePostgres(postgres.getPort(), "cte");
            karaf.start();
            WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                    "directora.rosaura");
            HttpResponse<String> school = director.awaitOk("/api/v1/schools/" + SCHOOL);
            assertEquals(school.body(), 200, school.statusCode());
            assertEquals("the demo zone lives in PostgreSQL", 5, count(postgres, "cte", "SELECT COUNT(*) FROM school"));
            assertTrue(count(postgres, "cte", "SELECT COUNT(*) FROM audit_event WHERE action = 'inicio-sesion'") >= 1);
            assertEquals("each changeset of the schools module ran once", 2, count(postgres, "cte",
                    "SELECT COUNT(*) FROM schools_schema_history"));
            assertEquals("the modality column, added by the second one", 5, count(postgres, "cte",
                    "SELECT COUNT(*) FROM school WHERE modality = 'general'"));

            Assume.assumeTrue("pg_dump is not installed (.ci/run installs postgresql-client)", onPath("pg_dump"));
            Path dump = karaf.home().getParent().resolve("cte.dump");
            DistributionProcess.run(karaf.home(), "pg_dump", "-Fc", "-h", "localhost", "-p",
                    String.valueOf(postgres.getPort()), "-U", "postgres", "-f", dump.toString(), "cte");
            karaf.stop();
            execute(postgres, "DROP DATABASE cte");
            execute(postgres, "CREATE DATABASE cte");
            DistributionProcess.run(karaf.home(), "pg_restore", "-h", "localhost", "-p",
                    String.valueOf(postgres.getPort()), "-U", "postgres", "-d", "cte", dump.toString());
            karaf.start();
            WebSession again = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                    "directora.rosaura");
            assertEquals(200, again.awaitOk("/api/v1/schools/" + SCHOOL).statusCode());
            assertEquals(5, count(postgres, "cte", "SELECT COUNT(*) FROM school"));
            karaf.stop();
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (java.nio.file.Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
