package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
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
 * Evidence over HTTP: a teacher attaches a phone photo to an agreement and it is kept reduced, a file that is not a
 * photo or a PDF is refused naming why, the supervisor views it, another school gets nothing, the director removes
 * it; uninstalling the module answers 503 and reinstalling it brings the evidence back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class EvidenceIT {

    @Inject
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    /** A photo as a phone takes it, 3000 × 2000 pixels. */
    private static byte[] phonePhoto() throws Exception {
        BufferedImage image = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, 3000, 2000);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** An agreement of the demo school to attach evidence to. */
    private static long agreement(WebSession director, String text) throws Exception {
        HttpResponse<String> created = director.send("POST", "/api/v1/logbook/15EJN0101A/agreements", "{\"sesion\":"
                + " \"SEP:2016-2017:preescolar:ordinaria-3\", \"actividad\": 13, \"acuerdo\": \"" + text + "\","
                + " \"responsables\": [\"docente.ana\"], \"fechaLimite\": \"" + LocalDate.now().plusMonths(1) + "\"}",
                "application/json");
        assertEquals(created.body(), 201, created.statusCode());
        return json(created).get("id").getAsLong();
    }

    /** The demo (etc/mx.cte.evidence.demo.cfg): a picture on the demo programme's first action, shown as a photo. */
    @Test
    public void theDemoProgrammesFirstActionCarriesItsPicture() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        String owner = "/api/v1/evidence/15EJN0101A/owners/accion-programa/2016-2017%7Ca1";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        HttpResponse<String> listed = teacher.get(owner);
        while (json(listed).getAsJsonArray("evidencias").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200); // attached off the start's thread, once the programme's demo is written
            listed = teacher.get(owner);
        }
        assertEquals(listed.body(), 1, json(listed).getAsJsonArray("evidencias").size());
        JsonObject picture = json(listed).getAsJsonArray("evidencias").get(0).getAsJsonObject();
        assertTrue(picture.toString(), picture.get("descripcion").getAsString().contains("imagen de demostración"));
        HttpResponse<byte[]> file = teacher.download(picture.get("archivo").getAsString());
        assertEquals(200, file.statusCode());
        assertEquals(960, ImageIO.read(new ByteArrayInputStream(file.body())).getWidth());
    }

    @Test
    public void aPhotoAttachedToAnAgreementIsKeptReducedAndOnlyItsReadersSeeIt() throws Exception {
        WebSession director = WebSession.demo("directora.rosaura");
        long id = agreement(director, "Montar el rincón de lectura");
        String owner = "/api/v1/evidence/15EJN0101A/owners/acuerdo/" + id;
        WebSession teacher = WebSession.demo("docente.ana");
        byte[] photo = phonePhoto();

        HttpResponse<String> attached = teacher.sendBytes("POST", owner + "?nombre=IMG_2041.JPG&descripcion=El%20rinc"
                + "%C3%B3n%20terminado", photo, "image/jpeg");
        assertEquals(attached.body(), 201, attached.statusCode());
        JsonObject evidence = json(attached);
        assertEquals(1600, evidence.get("ancho").getAsInt());
        assertEquals("El rincón terminado", evidence.get("descripcion").getAsString());
        assertEquals(photo.length, evidence.get("bytesOriginales").getAsLong());

        byte[] heic = new byte[200];
        System.arraycopy("ftypheic".getBytes(StandardCharsets.ISO_8859_1), 0, heic, 4, 8);
        HttpResponse<String> refused = teacher.sendBytes("POST", owner + "?nombre=foto.jpg", heic, "image/jpeg");
        assertEquals(refused.body(), 422, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("HEIC") && refused.body().contains("\"campo\":\"archivo\""));
        HttpResponse<String> noAgreement = teacher.sendBytes("POST", "/api/v1/evidence/15EJN0101A/owners/acuerdo/"
                + 999_999, photo, "image/jpeg");
        assertEquals(noAgreement.body(), 422, noAgreement.statusCode());

        WebSession supervisor = WebSession.demo("supervisora.zona15");
        assertEquals(1, json(supervisor.get(owner)).getAsJsonArray("evidencias").size());
        HttpResponse<byte[]> file = supervisor.download(evidence.get("archivo").getAsString());
        assertEquals(200, file.statusCode());
        BufferedImage kept = ImageIO.read(new ByteArrayInputStream(file.body()));
        assertEquals(1600, kept.getWidth());
        assertEquals(403, supervisor.sendBytes("POST", owner, photo, "image/jpeg").statusCode());

        WebSession otherSchool = WebSession.demo("docente.luis");
        for (HttpResponse<String> attempt : List.of(otherSchool.get(owner),
                otherSchool.get(evidence.get("archivo").getAsString()),
                otherSchool.send("DELETE", evidence.get("archivo").getAsString(), null, null))) {
            assertEquals(attempt.body(), 403, attempt.statusCode());
        }
        // The printed bitácora carries the photo under its agreement.
        HttpResponse<byte[]> printed = director.download("/api/v1/print/15EJN0101A/bitacora.pdf?sesion="
                + "SEP:2016-2017:preescolar:ordinaria-3");
        assertEquals(200, printed.statusCode());
        String pdf = new String(printed.body(), StandardCharsets.ISO_8859_1);
        assertTrue("the photo is printed", pdf.contains("/DCTDecode"));

        assertEquals(204, director.send("DELETE", evidence.get("archivo").getAsString(), null, null).statusCode());
        assertEquals(0, json(teacher.get(owner)).getAsJsonArray("evidencias").size());
        assertTrue(GuideApi.audited(WebSession.demo("admin.plataforma"), "evidencia-eliminada", "15EJN0101A #"
                + evidence.get("id").getAsLong()));
    }

    @Test
    public void uninstallingTheModuleAnswers503AndReinstallingBringsTheEvidenceBack() throws Exception {
        WebSession director = WebSession.demo("directora.rosaura");
        long id = agreement(director, "Registrar la visita de las familias");
        String owner = "/api/v1/evidence/15EJN0101A/owners/acuerdo/" + id;
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(201, director.sendBytes("POST", owner + "?nombre=lista.pdf", pdf, "application/pdf")
                .statusCode());

        KarafShell admin = KarafShell.asAdmin(sessionFactory);
        admin.run("feature:uninstall cte-evidence");
        try {
            HttpResponse<String> away = director.get(owner);
            assertEquals(away.body(), 503, away.statusCode());
        } finally {
            admin.run("feature:install cte-evidence");
        }
        HttpResponse<String> back = director.awaitOk(owner);
        assertEquals(back.body(), 200, back.statusCode());
        assertEquals("lista.pdf", json(back).getAsJsonArray("evidencias").get(0).getAsJsonObject().get("nombre")
                .getAsString());
    }
}
