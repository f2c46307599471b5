package mx.cte.itests;

import static mx.cte.itests.GuideApi.WAIT;
import static mx.cte.itests.GuideApi.activeVersion;
import static mx.cte.itests.GuideApi.awaitGuide;
import static mx.cte.itests.GuideApi.editionVersions;
import static mx.cte.itests.GuideApi.json;
import static mx.cte.itests.GuideApi.status;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
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
 * The state's fourth-session guide, handled as docs/guide-authoring.md tells a state IT team: installed, activated,
 * replaced by new editions and rolled back with the Karaf shell commands, while no other bundle is refreshed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class StateGuideIT {

    /** Waits until Karaf has installed and started every boot feature, so no bundle is still starting. */
    @Inject
    private BootFinished bootFinished;

    private static final String KEY = "15:2016-2017:preescolar:ordinaria-4";
    private static final String SYMBOLIC_NAME = "mx.cte.guides.15.2016-2017.preescolar.ordinaria-4";
    private static final Pattern BUNDLE_ID = Pattern.compile("Bundle ID: (\\d+)");

    @Inject
    private BundleContext bundleContext;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    @Test
    public void stateGuideInstallsActivatesAndIsReplacedFromTheShellWithoutRefreshingAnyBundle() throws Exception {
        KarafShell shell = KarafShell.asAdmin(sessionFactory);
        Path shipped = Path.of(System.getProperty(CteKaraf.STATE_GUIDE_PROPERTY));
        String descriptor = descriptorOf(shipped);
        // The jar as the build signed it, copied with its signature where an administrator keeps installed editions.
        Path built = Files.createTempDirectory("guia-estatal-").resolve(shipped.getFileName());
        Files.copy(shipped, built);
        Files.copy(shipped.resolveSibling(shipped.getFileName() + ".asc"), built.resolveSibling(built.getFileName()
                + ".asc"));
        // Later editions built the way the guide tells a team outside this repository: a manifest and the descriptor.
        Path edition110 = jar("1.1.0", descriptor.replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"")
                .replace("Encuadre del intercambio", "Encuadre y reglas del intercambio"));
        Path edition120 = jar("1.2.0", descriptor.replace("\"version\": \"1.0.0\"", "\"version\": \"1.2.0\""));

        BundleWatch watch = new BundleWatch(bundleContext, b -> SYMBOLIC_NAME.equals(b.getSymbolicName()));
        long first = -1;
        long second = -1;
        try {
            first = bundleId(shell.run("bundle:install -s " + built.toUri()));
            JsonObject guide = awaitGuide(KEY, status("activa"));
            assertEquals("1.0.0", activeVersion(guide));
            JsonObject whole = json(Http.awaitStatus("/api/v1/guides/" + KEY, 200, WAIT)).getAsJsonObject("guide");
            assertEquals("15", whole.getAsJsonObject("publisher").get("code").getAsString());
            assertEquals(10, countActivities(whole.toString()));
            String listing = KarafShell.asViewer(sessionFactory).run("cte:guides");
            assertTrue(listing, listing.contains(KEY) && listing.contains("activa"));

            // A new edition side by side waits for an administrator: the schools keep the edition they work on.
            second = bundleId(shell.run("bundle:install -s " + edition110.toUri()));
            JsonObject both = awaitGuide(KEY, g -> editionVersions(g).equals(List.of("1.1.0", "1.0.0")));
            assertEquals("1.0.0", activeVersion(both));
            assertEquals("1.0.0", both.get("chosenVersion").getAsString());
            assertFalse(Http.get("/api/v1/guides/" + KEY).body().contains("Encuadre y reglas del intercambio"));
            assertTrue(shell.run("cte:guide-activate " + KEY + " 1.1.0").contains("edición 1.1.0 activa"));
            assertTrue(Http.get("/api/v1/guides/" + KEY).body().contains("Encuadre y reglas del intercambio"));

            // Roll back to the first edition by choice: an administrator's decision, refused to a mere viewer.
            AssertionError refused = assertThrows(AssertionError.class, () -> KarafShell.asViewer(sessionFactory)
                    .run("cte:guide-activate " + KEY + " 1.0.0"));
            // Karaf hides a command from users its ACL refuses.
            assertTrue(refused.getMessage(), refused.getMessage().contains("Command not found: cte:guide-activate"));
            assertEquals("1.1.0", activeVersion(GuideApi.listed(KEY)));
            String activated = shell.run("cte:guide-activate " + KEY + " 1.0.0");
            assertTrue(activated, activated.contains("edición 1.0.0 activa"));
            assertEquals("1.0.0", json(Http.get("/api/v1/guides/" + KEY)).get("version").getAsString());

            // Replace the chosen edition in place: the publisher's upgrade of what is in use, so the choice follows.
            // The new jar and its signature take the place of the old ones, then the bundle is updated from there.
            Files.copy(edition120, built, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(edition120.resolveSibling(edition120.getFileName() + ".asc"), built.resolveSibling(
                    built.getFileName() + ".asc"), StandardCopyOption.REPLACE_EXISTING);
            shell.run("bundle:update " + first);
            JsonObject replaced = awaitGuide(KEY, g -> editionVersions(g).equals(List.of("1.2.0", "1.1.0")));
            assertEquals("1.2.0", activeVersion(replaced));

            shell.run("bundle:uninstall " + second);
            awaitGuide(KEY, g -> editionVersions(g).equals(List.of("1.2.0")));
            shell.run("bundle:uninstall " + first);
            first = -1;
            second = -1;
            Http.awaitStatus("/api/v1/guides/" + KEY, 404, WAIT);
        } finally {
            watch.close();
            uninstallQuietly(first);
            uninstallQuietly(second);
        }
        assertEquals("no core or module bundle got an event", List.of(), watch.events());
        assertEquals(watch.before(), watch.states());
    }

    private static String descriptorOf(Path guideJar) throws Exception {
        try (JarFile jar = new JarFile(guideJar.toFile());
                InputStream in = jar.getInputStream(jar.getEntry("guide/guide.json"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path jar(String version, String descriptor) throws Exception {
        Path file = Files.createTempFile("guia-" + version + "-", ".jar");
        try (InputStream in = GuideBundles.bundle(SYMBOLIC_NAME, version, descriptor)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        file.toFile().deleteOnExit();
        // Signed by the state's key, as its team ships it: the jar and its .asc side by side.
        Signing.signBeside(file, Signing.karafEtc()).toFile().deleteOnExit();
        return file;
    }

    private static long bundleId(String installOutput) {
        Matcher matcher = BUNDLE_ID.matcher(installOutput);
        assertTrue("bundle:install printed its id: " + installOutput, matcher.find());
        return Long.parseLong(matcher.group(1));
    }

    private static int countActivities(String guideJson) {
        return (int) Pattern.compile("\"number\":").matcher(guideJson).results().count();
    }

    private void uninstallQuietly(long id) {
        if (id >= 0 && bundleContext.getBundle(id) != null) {
            try {
                bundleContext.getBundle(id).uninstall();
            } catch (Exception ignored) {
                // best effort after a failure
            }
        }
    }
}
