package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonElement;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import mx.cte.guide.api.GuideRegistry;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * A guide bundle can never run code (issue 19, point 1): a jar whose central directory hides a manifest with an
 * activator and its class, or one that carries them openly, is refused by the publishing API, and installed any other
 * way (the shell, {@code deploy/}) it never resolves, so its activator never runs; the refusal is in the audit log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ContentGuardIT {

    /** System property the intruding activator sets when it runs ({@code Intruder.RAN_PROPERTY}). */
    private static final String RAN = "cte.intruder.ran";

    @Inject
    private BootFinished bootFinished;

    @Inject
    private BundleContext bundleContext;

    @Inject
    private GuideRegistry registry;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    @After
    public void theIntruderNeverRan() {
        assertNull("the hidden activator ran", System.getProperty(RAN));
    }

    private static byte[] jar(String property) throws Exception {
        return Files.readAllBytes(Path.of(System.getProperty(property)));
    }

    private Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst();
    }

    private boolean refusedByRegistry(String symbolicName, String reason) {
        return registry.refused().stream().anyMatch(r -> r.source().symbolicName().equals(symbolicName)
                && r.problems().toString().contains(reason));
    }

    @Test
    public void theApiRefusesAGuideThatHidesOrCarriesAnActivatorAndAuditsWhy() throws Exception {
        WebSession admin = WebSession.demo("admin.plataforma");
        HttpResponse<String> hidden = admin.sendBytes("POST", "/api/v1/guide-bundles",
                jar(CteKaraf.DISGUISED_GUIDE_PROPERTY), "application/java-archive");
        assertEquals(hidden.body(), 422, hidden.statusCode());
        assertTrue(hidden.body(), hidden.body().contains("Intruder.class: est\\u00e1 en el directorio central")
                || hidden.body().contains("Intruder.class: está en el directorio central"));

        HttpResponse<String> open = admin.sendBytes("POST", "/api/v1/guide-bundles",
                jar(CteKaraf.CODE_GUIDE_PROPERTY), "application/java-archive");
        assertEquals(open.body(), 422, open.statusCode());
        assertTrue(open.body(), open.body().contains("Bundle-Activator"));
        assertTrue(open.body(), open.body().contains("Intruder.class"));

        assertTrue(bundle("it.guide.disfrazada").isEmpty());
        assertTrue(bundle("it.guide.codigo").isEmpty());
        HttpResponse<String> audit = admin.get("/api/v1/audit?accion=guia-rechazada&limite=20");
        int refusals = 0;
        for (JsonElement event : WebSession.json(audit).getAsJsonArray("eventos")) {
            String detail = event.getAsJsonObject().get("detalle").getAsString();
            if (detail.contains("Intruder.class")) {
                refusals++;
            }
        }
        assertEquals(audit.body(), 2, refusals);
    }

    @Test
    public void aGuideCarryingCodeInstalledFromTheShellNeverResolves() throws Exception {
        KarafShell shell = KarafShell.asAdmin(sessionFactory);
        for (String property : new String[] {CteKaraf.CODE_GUIDE_PROPERTY, CteKaraf.DISGUISED_GUIDE_PROPERTY}) {
            Matcher id = Pattern.compile("Bundle ID: (\\d+)").matcher(shell.run("bundle:install "
                    + Path.of(System.getProperty(property)).toUri()));
            assertTrue(id.find());
            Bundle bundle = bundleContext.getBundle(Long.parseLong(id.group(1)));
            try {
                try {
                    bundle.start();
                    fail("a guide carrying code was started");
                } catch (BundleException expected) {
                    // unresolvable: the content guard removed it from what the framework may resolve
                }
                assertEquals(Bundle.INSTALLED, bundle.getState());
                assertTrue(registry.refused().toString(), refusedByRegistry(bundle.getSymbolicName(),
                        "Intruder.class"));
                assertTrue(registry.editions().stream().noneMatch(e -> e.source().bundleId() == bundle.getBundleId()));
            } finally {
                bundle.uninstall();
            }
        }
    }

    @Test
    public void aDisguisedGuideDroppedIntoDeployNeverResolves() throws Exception {
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "guia-disfrazada.jar");
        Files.copy(Path.of(System.getProperty(CteKaraf.DISGUISED_GUIDE_PROPERTY)), deployed,
                StandardCopyOption.REPLACE_EXISTING);
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (bundle("it.guide.disfrazada").isEmpty()) {
                if (System.nanoTime() > deadline) {
                    fail("deploy/ never installed the jar");
                }
                Thread.sleep(200);
            }
            // Fileinstall starts what it installs: give it the time it takes to try.
            Thread.sleep(3_000);
            Bundle bundle = bundle("it.guide.disfrazada").orElseThrow();
            assertEquals(Bundle.INSTALLED, bundle.getState());
            assertTrue(registry.refused().toString(), refusedByRegistry("it.guide.disfrazada", "Intruder.class"));
        } finally {
            Files.deleteIfExists(deployed);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (bundle("it.guide.disfrazada").isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
    }
}
