package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Boots the assembled distribution and checks what a client and an operator see first. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PlatformIT {

    /** Waits until Karaf has installed and started every boot feature, so no bundle is still starting. */
    @Inject
    private BootFinished bootFinished;

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    @Test
    public void healthAnswersStatusVersionAndUptime() throws Exception {
        HttpResponse<String> response = Http.awaitStatus("/api/v1/health", 200, Duration.ofSeconds(30));

        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject health = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals("up", health.get("status").getAsString());
        assertTrue(health.get("version").getAsString().startsWith("0."));
        assertTrue(health.get("uptimeSeconds").getAsLong() >= 0);
        assertFalse("bundle details stay out of the public endpoint", response.body().contains("mx.cte"));
    }

    @Test
    public void everyCteBundleIsActive() {
        List<Bundle> cteBundles = Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("mx.cte."))
                .collect(Collectors.toList());
        List<String> names = cteBundles.stream().map(Bundle::getSymbolicName).collect(Collectors.toList());
        assertTrue("core bundles installed: " + names, names.containsAll(List.of("mx.cte.core.api", "mx.cte.core.web")));
        for (Bundle bundle : cteBundles) {
            assertEquals(bundle.getSymbolicName() + " is active", Bundle.ACTIVE, bundle.getState());
        }
    }

    @Test
    public void unknownApiPathAnswersJsonNotFoundToSignedInCallersAndUnauthorizedToOthers() throws Exception {
        Http.awaitStatus("/api/v1/health", 200, Duration.ofSeconds(30));

        HttpResponse<String> anonymous = Http.get("/api/v1/no-existe");
        assertEquals("deny by default: nothing beyond the public endpoints without a session", 401,
                anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        HttpResponse<String> response = WebSession.demo("docente.ana").get("/api/v1/no-existe");

        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals(404, problem.get("status").getAsInt());
        assertEquals("/api/v1/no-existe", problem.get("instance").getAsString());
    }

    @Test
    public void aModuleAwayAnswers503NamingItAndServesAgainWhenBack() throws Exception {
        WebSession session = WebSession.demo("docente.ana");
        java.util.Dictionary<String, Object> properties = whiteboardServlet("itest-module", "/api/v1/itest-module/*");
        properties.put("cte.module", "itest");
        properties.put("cte.module.title", "Módulo de prueba");
        javax.servlet.Servlet servlet = new FixedJson("{\"modulo\": \"presente\"}");
        org.osgi.framework.ServiceRegistration<javax.servlet.Servlet> module = bundleContext
                .registerService(javax.servlet.Servlet.class, servlet, properties);
        awaitStatus(session, "/api/v1/itest-module/algo", 200);

        module.unregister();
        HttpResponse<String> away = awaitStatus(session, "/api/v1/itest-module/algo", 503);
        assertTrue(away.body(), away.body().contains("Módulo de prueba"));
        assertEquals(404, session.get("/api/v1/itest-module-no").statusCode());

        module = bundleContext.registerService(javax.servlet.Servlet.class, servlet, properties);
        awaitStatus(session, "/api/v1/itest-module/algo", 200);
        module.unregister();
    }

    @Test
    public void aSmallBodyThatABusyServerReadsSlowlyIsReadNotRefusedAsSentSlowly() throws Exception {
        WebSession session = WebSession.demo("docente.ana");
        java.util.Dictionary<String, Object> properties = whiteboardServlet("itest-ocupado", "/api/v1/itest-ocupado/*");
        javax.servlet.Servlet servlet = new FixedJson("{}") {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doPost(javax.servlet.http.HttpServletRequest request,
                    javax.servlet.http.HttpServletResponse response) throws java.io.IOException {
                // The body has arrived whole; between the read that takes it and the read that finds its end, the
                // thread is paused (a collection, or descheduled on two busy cores), here for 300 ms.
                java.io.InputStream in = request.getInputStream();
                byte[] buffer = new byte[1024];
                int length = in.read(buffer);
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int end = in.read(buffer, length, buffer.length - length);
                if (end > 0) {
                    length += end;
                }
                byte[] body = java.util.Arrays.copyOf(buffer, length);
                response.setContentType("application/json");
                response.getWriter().write("{\"bytes\": " + body.length + "}");
            }
        };
        org.osgi.framework.ServiceRegistration<javax.servlet.Servlet> registration = bundleContext
                .registerService(javax.servlet.Servlet.class, servlet, properties);
        try {
            awaitStatus(session, "/api/v1/itest-ocupado/algo", 200);
            // 12 bytes over 300 ms: 40 bytes a second counted from their arrival, though the client sent them at once.
            HttpResponse<String> edit = session.send("POST", "/api/v1/itest-ocupado/algo", "\"un acuerdo\"");
            assertEquals(edit.body(), 200, edit.statusCode());
            assertEquals("{\"bytes\": 12}", edit.body());
        } finally {
            registration.unregister();
        }
    }

    private static java.util.Dictionary<String, Object> whiteboardServlet(String name, String pattern) {
        java.util.Dictionary<String, Object> properties = new java.util.Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", pattern);
        properties.put("osgi.http.whiteboard.servlet.name", name);
        return properties;
    }

    /** A servlet a test registers: GET answers the same JSON, to know when the whiteboard serves it. */
    private static class FixedJson extends javax.servlet.http.HttpServlet {
        private static final long serialVersionUID = 1L;
        private final String json;

        FixedJson(String json) {
            this.json = json;
        }

        @Override
        protected void doGet(javax.servlet.http.HttpServletRequest request,
                javax.servlet.http.HttpServletResponse response) throws java.io.IOException {
            response.setContentType("application/json");
            response.getWriter().write(json);
        }
    }

    private static HttpResponse<String> awaitStatus(WebSession session, String path, int status) throws Exception {
        // Generous: on two loaded cores the whiteboard has taken more than 20 s to serve a servlet registered again.
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = session.get(path);
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " did not answer " + status + "; last: " + last.statusCode() + " " + last.body());
    }
}
