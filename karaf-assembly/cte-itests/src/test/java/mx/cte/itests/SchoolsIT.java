package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.inject.Inject;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.State;
import mx.cte.schools.api.ZoneId;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** The school directory in the distribution: demo data on the embedded default, catalogue import from the shell. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SchoolsIT {

    /** Waits until Karaf has installed and started every boot feature, so no bundle is still starting. */
    @Inject
    private BootFinished bootFinished;

    @Inject
    private SchoolDirectory directory;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    @Test
    public void embeddedDefaultHasTheDemoZone() {
        assertEquals(5, directory.schools(ZoneId.parse("15-preescolar-015")).size());
        assertTrue(directory.school(Cct.parse("15EJN0105E")).orElseThrow().multigrade());
    }

    @Test
    public void catalogueImportsFromTheShellAllOrNothing() throws Exception {
        KarafShell admin = KarafShell.asAdmin(sessionFactory);
        Path bad = csv("CCT,NOMBRE,ENTIDAD,MUNICIPIO,ZONA,NIVEL,TURNO\n"
                + "31DPR0001A,Primaria Yucatán,31,Mérida,40,PRIMARIA,MATUTINO\n"
                + "31DPR0002,Primaria sin letra,31,Mérida,40,PRIMARIA,MATUTINO\n");
        String refused = admin.run("cte:schools-import " + bad);
        assertTrue(refused, refused.contains("No se importó nada"));
        assertTrue(refused, refused.contains("línea 3 (31DPR0002)"));
        assertTrue(directory.school(Cct.parse("31DPR0001A")).isEmpty());

        Path good = csv("CCT,NOMBRE,ENTIDAD,MUNICIPIO,ZONA,NIVEL,TURNO\n"
                + "31DPR0001A,Primaria Yucatán,31,Mérida,40,PRIMARIA,MATUTINO\n"
                + "31DPR0002B,Primaria Mayab,YUCATÁN,Progreso,40,PRIMARIA,VESPERTINO\n");
        String imported = admin.run("cte:schools-import " + good);
        assertTrue(imported, imported.contains("2 escuelas nuevas"));
        String zones = KarafShell.asViewer(sessionFactory).run("cte:schools 31");
        assertTrue(zones, zones.contains("31-primaria-040"));
        String schools = KarafShell.asViewer(sessionFactory).run("cte:schools 31-primaria-040");
        assertTrue(schools, schools.contains("Primaria Mayab"));

        AssertionError viewer = assertThrows(AssertionError.class,
                () -> KarafShell.asViewer(sessionFactory).run("cte:schools-import " + good));
        assertTrue(viewer.getMessage(), viewer.getMessage().contains("Command not found: cte:schools-import"));
    }

    @Test
    public void administratorsImportOverHttpAndFollowTheImport() throws Exception {
        WebSession admin = WebSession.demo("admin.plataforma");
        StringBuilder catalogue = new StringBuilder("CLAVE_CCT;NOMBRE_CT;ENTIDAD;NOMBRE_MUN;ZONA_ESCOLAR;NIVEL;TURNO\n");
        for (int i = 1; i <= 2500; i++) {
            catalogue.append(String.format("07DPR%04dC;Primaria %d;CHIAPAS;Tuxtla Gutiérrez;%d;PRIMARIA;MATUTINO%n",
                    i, i, 1 + i % 25));
        }
        HttpResponse<String> started = admin.send("POST", "/api/v1/school-catalogue?archivo=chiapas.csv",
                catalogue.toString(), "text/csv");
        assertEquals(started.body(), 202, started.statusCode());
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonObject job = await(admin, location);
        assertEquals(job.toString(), "importada", job.get("estado").getAsString());
        assertEquals(2500, job.getAsJsonObject("informe").get("escuelasNuevas").getAsInt());
        assertEquals(25, directory.zones(State.CHIAPAS).size());

        HttpResponse<String> bad = admin.send("POST", "/api/v1/school-catalogue?archivo=malo.csv",
                "CCT,NOMBRE,ENTIDAD,MUNICIPIO,ZONA,NIVEL,TURNO\n07DPR9999Z,Primaria,15,Tuxtla,1,PRIMARIA,MATUTINO\n",
                "text/csv");
        JsonObject refused = await(admin, bad.headers().firstValue("Location").orElseThrow());
        assertEquals("rechazada", refused.get("estado").getAsString());
        JsonObject row = refused.getAsJsonObject("informe").getAsJsonArray("filasRechazadas").get(0).getAsJsonObject();
        assertEquals(2, row.get("linea").getAsInt());
        assertTrue(row.toString(), row.getAsJsonArray("motivos").get(0).getAsString().contains("entidad 07"));
        assertTrue(directory.school(Cct.parse("07DPR9999Z")).isEmpty());
    }

    private static JsonObject await(WebSession session, String location) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        JsonObject job = null;
        while (System.nanoTime() < deadline) {
            job = JsonParser.parseString(session.get(location).body()).getAsJsonObject();
            if (!job.get("estado").getAsString().equals("en-curso")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish: " + job);
    }

    private static Path csv(String content) throws Exception {
        Path file = Files.createTempFile("catalogo-", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }
}
