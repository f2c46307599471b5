package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;

/**
 * Guides published over HTTP: only publishers (of their own state, or the SEP) and administrators install, activate
 * and remove guides; a jar that is not content-only or whose descriptor is refused leaves nothing installed; no other
 * bundle changes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class GuidePublishingIT {

    private static final String KEY = "15:2016-2017:preescolar:ordinaria-4";

    /** Waits until Karaf has installed and started every boot feature, so no bundle is still starting. */
    @Inject
    private BootFinished bootFinished;

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    private static byte[] bytes(InputStream in) throws Exception {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static HttpResponse<String> upload(WebSession session, byte[] jar) throws Exception {
        return Signing.publish(session, jar, Signing.karafEtc());
    }

    @Test
    public void publishersInstallActivateAndRemoveTheirOwnGuidesOnly() throws Exception {
        byte[] stateGuide = Files.readAllBytes(Path.of(System.getProperty(CteKaraf.STATE_GUIDE_PROPERTY)));
        String descriptor = new String(bytes(GuideBundles.class.getResourceAsStream("/guides/test-guide.json")),
                java.nio.charset.StandardCharsets.UTF_8);
        byte[] sepGuide = bytes(GuideBundles.bundle("it.guide.sep", "1.0.0", descriptor
                .replace("\"09\"", "\"SEP\"").replace("@SESSION@", "sep-publicada").replace("@VERSION@", "1.0.0")
                .replace("@TYPE@", "texto-libre")));
        BundleWatch watch = new BundleWatch(bundleContext, b -> b.getLocation().startsWith("cte-guide-upload:"));

        assertEquals(403, upload(WebSession.demo("docente.ana"), stateGuide).statusCode());
        WebSession publisher = WebSession.demo("publicador.edomex");
        assertEquals("a state's publisher cannot publish for the SEP", 403, upload(publisher, sepGuide).statusCode());
        WebSession sep = WebSession.demo("publicador.sep");
        HttpResponse<String> bySep = upload(sep, sepGuide);
        assertEquals("the demo's SEP publisher publishes the SEP's guides: " + bySep.body(), 201, bySep.statusCode());
        assertEquals("but not a state's", 403, upload(sep, stateGuide).statusCode());
        assertEquals(204, sep.send("DELETE", "/api/v1/guide-bundles/" + JsonParser.parseString(bySep.body())
                .getAsJsonObject().get("bundle").getAsLong(), null, null).statusCode());

        HttpResponse<String> installed = upload(publisher, stateGuide);
        assertEquals(installed.body(), 201, installed.statusCode());
        JsonObject edition = JsonParser.parseString(installed.body()).getAsJsonObject();
        assertEquals(KEY, edition.get("clave").getAsString());
        assertEquals("activa", edition.get("estado").getAsString());
        assertEquals(409, upload(publisher, stateGuide).statusCode());

        HttpResponse<String> activation = publisher.send("POST", "/api/v1/guide-activations",
                "{\"clave\": \"" + KEY + "\", \"edicion\": \"1.0.0\"}", "application/json");
        assertEquals(activation.body(), 200, activation.statusCode());
        assertEquals(403, WebSession.demo("directora.rosaura").send("POST", "/api/v1/guide-activations",
                "{\"clave\": \"" + KEY + "\", \"edicion\": \"1.0.0\"}", "application/json").statusCode());

        assertEquals(204, publisher.send("DELETE", "/api/v1/guide-bundles/" + edition.get("bundle").getAsLong(),
                null, null).statusCode());
        Http.awaitStatus("/api/v1/guides/" + KEY, 404, GuideApi.WAIT);
        watch.close();
        assertEquals(List.of(), watch.events());
        assertEquals(watch.before(), watch.states());
    }

    @Test
    public void aJarThatIsNotContentOnlyOrIsRefusedLeavesNothingInstalled() throws Exception {
        WebSession admin = WebSession.demo("admin.plataforma");
        int bundlesBefore = bundleContext.getBundles().length;
        String broken = GuideBundles.descriptor("rota", "1.0.0", "texto-libre").replace("\"colectivo\"", "\"todos\"");
        HttpResponse<String> refused = upload(admin, bytes(GuideBundles.bundle("it.guide.rota", "1.0.0", broken)));
        assertEquals(refused.body(), 422, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("$.sections[0].activities[0].participation"));

        HttpResponse<String> notAJar = upload(admin, "no soy un jar".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(422, notAJar.statusCode());
        assertEquals("nothing stays installed", bundlesBefore, bundleContext.getBundles().length);
        assertEquals(401, HttpClient.newHttpClient().send(HttpRequest.newBuilder(Http.api("/api/v1/guide-bundles"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode());
    }
}
