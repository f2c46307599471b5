package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Pupils who need support over HTTP: the school's staff import their group list and assess each pupil; every named
 * read is in the audit log; the supervisor and another school's staff get no name, the supervisor gets the counts;
 * uninstalling the module answers 503 and reinstalling it brings the records back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PupilsIT {

    private static final String BASE = "/api/v1/pupils/15EJN0101A/2019-2020";

    @Inject
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    @Test
    public void staffSeeNamesSupervisionSeesCountsAndEveryNamedReadIsAudited() throws Exception {
        WebSession director = WebSession.demo("directora.rosaura");
        String name = "Valeria Ortiz " + System.nanoTime();
        HttpResponse<String> imported = director.send("POST", BASE + "/importar", "grado;grupo;nombre\n3;A;" + name
                + "\n", "text/csv");
        assertEquals(imported.body(), 200, imported.statusCode());
        assertEquals(1, json(imported).get("agregados").getAsInt());

        WebSession teacher = WebSession.demo("docente.ana");
        HttpResponse<String> notYet = teacher.get(BASE + "/grupos/3/A");
        assertEquals("a teacher reads the groups the director assigned her, none yet", 403, notYet.statusCode());
        assertFalse(notYet.body().contains(name));
        HttpResponse<String> assigned = director.send("PUT", BASE + "/asignaciones", "{\"grupo\": \"A\", \"grados\":"
                + " [3], \"docentes\": [\"docente.ana\"]}", "application/json");
        assertEquals(assigned.body(), 200, assigned.statusCode());
        assertEquals("not her group", 403, teacher.get(BASE + "/grupos/2/A").statusCode());
        JsonObject pupil = json(teacher.get(BASE + "/grupos/3/A")).getAsJsonArray("alumnos").asList().stream()
                .map(e -> e.getAsJsonObject()).filter(p -> p.get("nombre").getAsString().equals(name)).findFirst()
                .orElseThrow();
        HttpResponse<String> assessed = teacher.send("PUT", "/api/v1/pupils/15EJN0101A/alumnos/" + pupil.get("id")
                .getAsLong(), "{\"nombre\": \"" + name + "\", \"grado\": 3, \"grupo\": \"A\", \"lectura\":"
                + " \"requiere-apoyo\", \"escritura\": \"en-desarrollo\", \"matematicas\": \"esperado\", \"asistencia\":"
                + " 70, \"riesgo\": \"alto\", \"apoyo\": \"Lectura diaria con su tutora\", \"version\": "
                + pupil.get("version").getAsLong() + "}", "application/json");
        assertEquals(assessed.body(), 200, assessed.statusCode());
        HttpResponse<byte[]> printed = teacher.download("/api/v1/print/15EJN0101A/alumnos.pdf?ciclo=2019-2020&grado=3"
                + "&grupo=A");
        assertEquals(200, printed.statusCode());
        assertEquals("application/pdf", printed.headers().firstValue("Content-Type").orElse(""));

        WebSession supervisor = WebSession.demo("supervisora.zona15");
        WebSession otherSchool = WebSession.demo("docente.luis");
        for (HttpResponse<String> refused : List.of(supervisor.get(BASE + "/grupos/3/A"),
                supervisor.get(BASE + "/alumnos.csv"), otherSchool.get(BASE + "/grupos/3/A"),
                supervisor.get("/api/v1/print/15EJN0101A/alumnos.pdf?ciclo=2019-2020&grado=3&grupo=A"))) {
            assertEquals(refused.body(), 403, refused.statusCode());
            assertFalse(refused.body().contains(name));
        }
        HttpResponse<String> counts = supervisor.get("/api/v1/pupils/zonas/15-preescolar-015?ciclo=2019-2020");
        assertEquals(counts.body(), 200, counts.statusCode());
        assertFalse("no name in the zone's counts", counts.body().contains(name));
        assertTrue(counts.body(), counts.body().contains("\"requiere-apoyo\":"));

        WebSession admin = WebSession.demo("admin.plataforma");
        String log = admin.get("/api/v1/audit?accion=alumnos-consultados").body();
        assertTrue(log, log.contains("docente.ana"));
        assertFalse("the audit log names no pupil", log.contains(name));
    }

    @Test
    public void theDemoTeacherReviewsHerGroupOfThisSchoolYear() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("America/Mexico_City"));
        int first = today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
        String cycle = first + "-" + (first + 1);
        WebSession teacher = WebSession.demo("docente.ana");
        HttpResponse<String> group = teacher.get("/api/v1/pupils/15EJN0101A/" + cycle + "/grupos/3/A");
        assertEquals(group.body(), 200, group.statusCode());
        assertTrue(group.body(), group.body().contains("Diego Ramírez (demostración)"));
        assertEquals(403, teacher.get("/api/v1/pupils/15EJN0101A/" + cycle + "/grupos/2/A").statusCode());
        HttpResponse<String> counts = WebSession.demo("supervisora.zona15").get("/api/v1/pupils/zonas/15-preescolar-015"
                + "?ciclo=" + cycle);
        assertTrue(counts.body(), json(counts).getAsJsonArray("grupos").asList().stream().map(e -> e
                .getAsJsonObject()).anyMatch(g -> g.get("escuela").getAsString().equals("15EJN0101A")
                        && g.get("grado").getAsInt() == 3 && g.get("alumnos").getAsInt() == 5));
        assertFalse("no name in the counts", counts.body().contains("Diego"));
    }

    @Test
    public void aGroupListSavedAsAnExcelWorkbookIsImportedInsideTheRunningPlatform() throws Exception {
        byte[] workbook;
        try (var in = PupilsIT.class.getResourceAsStream("/listas/grupo-2A.xlsx")) {
            workbook = in.readAllBytes();
        }
        WebSession director = WebSession.demo("directora.rosaura");
        HttpResponse<String> imported = director.sendBytes("POST", "/api/v1/pupils/15EJN0101A/2020-2021/importar",
                workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertEquals(imported.body(), 200, imported.statusCode());
        assertTrue(director.get("/api/v1/pupils/15EJN0101A/2020-2021/grupos/2/A").body().contains(
                "Emiliano Vega (lista de prueba)"));
    }

    /**
     * The daily retention job, watched running inside the platform: a record of a school year long past the retention
     * period (the suite keeps 50 years) loses its name, the counts keep it, the audit log says so. The job's first run
     * comes a minute after the module starts, so the module is restarted by touching its configuration.
     */
    @Test
    public void theRetentionJobAnonymisesAYearPastThePeriodInTheRunningPlatform() throws Exception {
        WebSession director = WebSession.demo("directora.rosaura");
        String old = "/api/v1/pupils/15EJN0101A/1960-1961";
        String name = "Tomás Ibarra " + System.nanoTime();
        assertEquals(201, director.send("POST", old + "/alumnos", "{\"nombre\": \"" + name + "\", \"grado\": 3,"
                + " \"grupo\": \"A\"}", "application/json").statusCode());
        KarafShell.asAdmin(sessionFactory).run("config:property-set -p mx.cte.pupils retentionYears 50");

        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(150).toNanos();
        String group = director.awaitOk(old + "/grupos/3/A").body();
        while (group.contains(name) && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            group = director.awaitOk(old + "/grupos/3/A").body();
        }
        assertFalse("the name is gone within 150 s: " + group, group.contains(name));
        JsonObject counts = json(director.get(old + "/conteos"));
        assertTrue(counts.toString(), counts.getAsJsonArray("grupos").get(0).getAsJsonObject().get("alumnos")
                .getAsInt() >= 1);
        String log = WebSession.demo("admin.plataforma").get("/api/v1/audit?accion=alumnos-anonimizados-por-retencion")
                .body();
        assertTrue(log, log.contains("ciclo 1960-1961"));
        assertFalse(log, log.contains(name));
    }

    @Test
    public void uninstallingTheModuleAnswers503AndReinstallingBringsTheRecordsBack() throws Exception {
        WebSession director = WebSession.demo("directora.rosaura");
        String name = "Iker Salas " + System.nanoTime();
        assertEquals(201, director.send("POST", BASE + "/alumnos", "{\"nombre\": \"" + name + "\", \"grado\": 2,"
                + " \"grupo\": \"A\"}", "application/json").statusCode());
        KarafShell admin = KarafShell.asAdmin(sessionFactory);
        admin.run("feature:uninstall cte-pupils");
        try {
            HttpResponse<String> away = director.get(BASE + "/grupos/2/A");
            assertEquals(away.body(), 503, away.statusCode());
        } finally {
            admin.run("feature:install cte-pupils");
        }
        HttpResponse<String> back = director.awaitOk(BASE + "/grupos/2/A");
        assertTrue(back.body(), back.body().contains(name));
    }
}
