package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** The audit log records who signed in and who installed, activated and removed a guide; only administrators read it. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AuditIT {

    /** Waits until Karaf has installed and started every boot feature, so no bundle is still starting. */
    @Inject
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    private static List<String> events(WebSession admin, String query) throws Exception {
        HttpResponse<String> response = admin.get("/api/v1/audit?" + query);
        assertEquals(response.body(), 200, response.statusCode());
        List<String> events = new ArrayList<>();
        for (JsonElement element : JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("eventos")) {
            JsonObject event = element.getAsJsonObject();
            events.add(event.get("usuario").getAsString() + " " + event.get("accion").getAsString() + " "
                    + event.get("objeto").getAsString());
        }
        return events;
    }

    @Test
    public void recordsSignInsAndTheGuideLifecycleWithTheirActors() throws Exception {
        WebSession.demo("docente.luis");
        WebSession admin = WebSession.demo("admin.plataforma");
        assertTrue(events(admin, "accion=inicio-sesion&usuario=docente.luis").get(0)
                .startsWith("docente.luis inicio-sesion"));

        String descriptor = GuideBundles.descriptor("auditada", "1.0.0", "texto-libre");
        Path jar = Files.createTempFile("guia-auditada-", ".jar");
        try (var in = GuideBundles.bundle("it.guide.audited", "1.0.0", descriptor)) {
            Files.copy(in, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Signing.signBeside(jar, Signing.karafEtc());
        KarafShell shell = KarafShell.asAdmin(sessionFactory);
        Matcher id = Pattern.compile("Bundle ID: (\\d+)").matcher(shell.run("bundle:install -s " + jar.toUri()));
        assertTrue(id.find());
        String key = "09:2099-2100:preescolar:auditada";
        GuideApi.awaitGuide(key, GuideApi.status("activa"));
        shell.run("cte:guide-activate " + key + " 1.0.0");
        shell.run("bundle:uninstall " + id.group(1));
        Http.awaitStatus("/api/v1/guides/" + key, 404, GuideApi.WAIT);

        List<String> guide = events(admin, "limite=50");
        assertTrue(guide.toString(), guide.contains("admin bundle-instalado it.guide.audited/1.0.0"));
        assertTrue(guide.toString(), guide.contains("admin guia-publicada " + key + " 1.0.0"));
        assertTrue(guide.toString(), guide.contains("admin guia-activada " + key + " 1.0.0"));
        assertTrue(guide.toString(), guide.contains("admin bundle-desinstalado it.guide.audited/1.0.0"));
        assertTrue(guide.toString(), guide.contains("admin guia-retirada " + key + " 1.0.0"));

        String created = shell.run("cte:account-create --generar auditada.prueba \"Cuenta auditada\" docente@15EJN0101A");
        assertTrue(created, created.contains("Contraseña: "));
        String changed = shell.run("cte:account-roles auditada.prueba director@15EJN0101A");
        assertTrue(changed, changed.contains("director@15EJN0101A"));
        List<String> accounts = events(admin, "accion=roles-&limite=5");
        assertTrue(accounts.toString(), accounts.contains("admin roles-cambiados auditada.prueba"));

        String table = shell.run("cte:audit -a guia- -n 20");
        assertTrue(table, table.contains("guia-retirada"));
        assertEquals(403, WebSession.demo("supervisora.zona15").get("/api/v1/audit").statusCode());
        assertEquals(400, admin.get("/api/v1/audit?limite=5000").statusCode());
    }
}
