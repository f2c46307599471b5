package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
 * Print and export over HTTP: the school's staff download the concentrate, the cards and the bitácora as PDF files
 * holding their data, and the results table as CSV; the supervisor gets the results only once they are published,
 * another school's teacher gets nothing, and with the cards module away only the cards document answers 503.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PrintIT {

    private static final String PRINT = "/api/v1/print/15EJN0101A/";
    private static final String RESULTS = "/api/v1/results/15EJN0101A";
    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";

    @Inject
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    /**
     * Checks the answer is a whole PDF file. What it says is read in the unit tests of mx.cte.print and in
     * UiBrowserIT, outside the container: OpenPDF lives embedded in the print bundle, not exported to this probe.
     */
    private static void assertPdf(HttpResponse<byte[]> response, String fileName) {
        assertEquals(new String(response.body(), StandardCharsets.UTF_8), 200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains(fileName));
        String text = new String(response.body(), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"));
        assertTrue(text.stripTrailing().endsWith("%%EOF"));
        assertTrue(response.body().length > 1000);
    }

    @Test
    public void staffDownloadTheirSessionAsPdfAndCsvOthersOnlyWhatTheyMayRead() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        long expected = json(teacher.send("POST", RESULTS + "/expected", "{\"periodo\": \"2017-01\", \"grado\": 2,"
                + " \"grupo\": null, \"area\": \"Exploración del mundo\", \"resultado\": \"Describen lo que observan\","
                + " \"objetivo\": \"Mejorar la observación\", \"meta\": \"Todos describen\"}")).get("id").getAsLong();
        assertEquals(200, teacher.send("PUT", RESULTS + "/ratings/" + expected + "/A",
                "{\"avance\": \"en-proceso\", \"dificil\": true, \"porque\": \"Les falta vocabulario\","
                        + " \"version\": 0}").statusCode());
        assertEquals(201, teacher.send("POST", RESULTS + "/concentrate", "{\"periodo\": \"2017-01\","
                + " \"tipo\": \"desafio\", \"area\": \"Exploración del mundo\", \"grados\": [2],"
                + " \"texto\": \"Ampliar el vocabulario para describir\"}").statusCode());

        assertPdf(teacher.download(PRINT + "concentrado.pdf?periodo=2017-01"), "concentrado-15EJN0101A-2017-01.pdf");

        HttpResponse<byte[]> csv = teacher.download(PRINT + "resultados.csv?periodo=2017-01");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String table = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(table, table.contains("2,A,Exploración del mundo,Describen lo que observan,En proceso,Amarillo,sí,"
                + "Les falta vocabulario"));
        // The same table as a workbook, from the bundle's embedded XLSX writer running in the container.
        HttpResponse<byte[]> xlsx = teacher.download(PRINT + "resultados.xlsx?periodo=2017-01");
        assertEquals(200, xlsx.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx.headers().firstValue("Content-Type").orElse(""));
        assertEquals("an XLSX file is a zip", "PK", new String(xlsx.body(), 0, 2, StandardCharsets.US_ASCII));

        WebSession director = WebSession.demo("directora.rosaura");
        assertEquals(201, director.send("POST", "/api/v1/logbook/15EJN0101A/agreements", "{\"sesion\": \"" + SESSION
                + "\", \"actividad\": 21, \"acuerdo\": \"Llevar las fichas impresas a la próxima sesión\","
                + " \"responsables\": [\"directora.rosaura\"], \"fechaLimite\": \""
                + LocalDate.now().plusMonths(1) + "\"}").statusCode());
        assertPdf(director.download(PRINT + "bitacora.pdf?sesion=" + SESSION), "bitacora-15EJN0101A.pdf");
        HttpResponse<byte[]> logbook = director.download(PRINT + "bitacora.xlsx?sesion=" + SESSION);
        assertEquals(200, logbook.statusCode());
        assertTrue(logbook.headers().firstValue("Content-Disposition").orElse("").contains("bitacora-15EJN0101A.xlsx"));
        assertPdf(director.download(PRINT + "fichas.pdf?periodo=2017-01"), "fichas-15EJN0101A-2017-01.pdf");

        assertEquals(400, teacher.download(PRINT + "bitacora.pdf").statusCode());
        assertEquals(400, teacher.download(PRINT + "concentrado.pdf?periodo=enero").statusCode());
        assertEquals(404, teacher.download(PRINT + "planeacion.pdf").statusCode());
        assertEquals(403, WebSession.demo("docente.luis").download(PRINT + "bitacora.pdf?sesion=" + SESSION)
                .statusCode());
        WebSession supervisor = WebSession.demo("supervisora.zona15");
        assertEquals(403, supervisor.download(PRINT + "concentrado.pdf?periodo=2017-01").statusCode());
        assertEquals(200, supervisor.download(PRINT + "bitacora.pdf?sesion=" + SESSION).statusCode());
        assertEquals(200, WebSession.demo("directora.rosaura").send("PUT", RESULTS + "/publication",
                "{\"periodo\": \"2017-01\", \"publicado\": true}").statusCode());
        assertPdf(supervisor.download(PRINT + "concentrado.pdf?periodo=2017-01"), "concentrado-15EJN0101A");
    }

    @Test
    public void withoutTheCardsModuleOnlyTheCardsDocumentIsUnavailable() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        KarafShell admin = KarafShell.asAdmin(sessionFactory);
        admin.run("bundle:stop mx.cte.cards.impl");
        try {
            HttpResponse<byte[]> away = teacher.download(PRINT + "fichas.pdf");
            assertEquals(503, away.statusCode());
            assertTrue(new String(away.body(), StandardCharsets.UTF_8).contains("Fichas de intervención"));
            assertEquals(200, teacher.download(PRINT + "concentrado.pdf?periodo=2017-02").statusCode());
        } finally {
            admin.run("bundle:start mx.cte.cards.impl");
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        int status = teacher.download(PRINT + "fichas.pdf").statusCode();
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = teacher.download(PRINT + "fichas.pdf").statusCode();
        }
        assertEquals(200, status);
    }
}
