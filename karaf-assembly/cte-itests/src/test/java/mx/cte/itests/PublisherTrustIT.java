package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.inject.Inject;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.trust.openpgp.OpenPgp;
import org.apache.karaf.features.BootFinished;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Nothing forged gets in (issue 23, section 1): the attack the issue tried (the SEP's third-session jar with a section
 * title changed and its version raised, dropped into {@code deploy/}) and every other refusal case, by {@code deploy/}
 * and by the publishing API. Each asserts that the SEP's edition 1.0.0 stays the active one, served as it was, that
 * the API installed nothing, and that the refusal with its reason is in the registry and the audit log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PublisherTrustIT {

    private static final String THIRD_SESSION = "SEP:2016-2017:preescolar:ordinaria-3";
    private static final String THIRD_SESSION_JAR = "mx/cte/mx.cte.guides.sep.2016-2017.preescolar.ordinaria-3/1.0.0/"
            + "mx.cte.guides.sep.2016-2017.preescolar.ordinaria-3-1.0.0.jar";
    private static final String FORGED_TITLE = "Sección reescrita por un intruso";
    /** The zip comment ends the file: changing its last byte changes the jar, not its validity as a zip. */
    private static final String JAR_COMMENT = "Guía de la tercera sesión ordinaria";

    @Inject
    private BootFinished bootFinished;

    @Inject
    private BundleContext bundleContext;

    @Inject
    private GuideRegistry registry;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    /** The shipped, signed jar of the third session, from the distribution's repository. */
    private static Path shippedThirdSession() {
        return Path.of(System.getProperty("karaf.home"), "system").resolve(THIRD_SESSION_JAR);
    }

    /** The third session's jar with one section title changed and its version raised to 1.0.1, not re-signed. */
    private static byte[] forgedThirdSession() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(shippedThirdSession()))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), "1.0.1");
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                out.setComment(JAR_COMMENT);
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals("guide/guide.json")) {
                        String text = new String(content, StandardCharsets.UTF_8);
                        String changed = text.replaceFirst("\"version\": \"1\\.0\\.0\"", "\"version\": \"1.0.1\"")
                                .replaceFirst("(\"sections\": \\[\\s*\\{[^}]*?\"title\": \")[^\"]*", "$1"
                                        + FORGED_TITLE);
                        assertTrue("the forgery changes the version and a title", !changed.equals(text)
                                && changed.contains(FORGED_TITLE) && changed.contains("\"version\": \"1.0.1\""));
                        content = changed.getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(content);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /** The third session is still served as the SEP signed it: edition 1.0.0 active, no forged text. */
    private static void assertTheSepEditionStillServes() throws Exception {
        JsonObject listed = GuideApi.listed(THIRD_SESSION);
        assertEquals(listed.toString(), "1.0.0", GuideApi.activeVersion(listed));
        HttpResponse<String> guide = Http.get("/api/v1/guides/" + THIRD_SESSION);
        assertEquals(200, guide.statusCode());
        assertTrue(!guide.body().contains(FORGED_TITLE));
        assertEquals("1.0.0", GuideApi.json(guide).get("version").getAsString());
    }

    private boolean refusedByRegistry(String symbolicName, String version, String reason) {
        return registry.refused().stream().anyMatch(r -> r.source().symbolicName().equals(symbolicName)
                && r.source().bundleVersion().equals(version) && r.problems().toString().contains(reason));
    }

    private void awaitRefusal(String symbolicName, String version, String reason) throws Exception {
        long deadline = System.nanoTime() + GuideApi.WAIT.toNanos();
        while (!refusedByRegistry(symbolicName, version, reason)) {
            if (System.nanoTime() > deadline) {
                fail(symbolicName + " " + version + " was not refused for \"" + reason + "\": " + registry.refused());
            }
            Thread.sleep(200);
        }
    }

    private void dropIntoDeploy(String name, byte[] jar, byte[] signature, String reason) throws Exception {
        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
        Path signatureFile = deploy.resolve(name + ".asc");
        Path jarFile = deploy.resolve(name);
        if (signature != null) {
            Files.write(signatureFile, signature);
        }
        Files.write(jarFile, jar);
        try {
            awaitRefusal("mx.cte.guides.sep.2016-2017.preescolar.ordinaria-3", "1.0.1", reason);
            assertTheSepEditionStillServes();
            assertTrue(GuideApi.audited(WebSession.demo("admin.plataforma"), "guia-rechazada", reason));
        } finally {
            Files.deleteIfExists(jarFile);
            Files.deleteIfExists(signatureFile);
            long deadline = System.nanoTime() + GuideApi.WAIT.toNanos();
            while (System.nanoTime() < deadline && java.util.Arrays.stream(bundleContext.getBundles())
                    .anyMatch(b -> b.getLocation().endsWith("/" + name))) {
                Thread.sleep(200);
            }
        }
    }

    @Test
    public void theSepsJarChangedAndDroppedIntoDeployWithItsOldSignatureIsRefusedAndTheSepEditionKeepsServing()
            throws Exception {
        byte[] original = Files.readAllBytes(shippedThirdSession().resolveSibling(shippedThirdSession()
                .getFileName() + ".asc"));
        dropIntoDeploy("tercera-sesion-1.0.1.jar", forgedThirdSession(), original, "modificado después de firmarse");
    }

    @Test
    public void anUnsignedJarInDeployIsRefused() throws Exception {
        dropIntoDeploy("tercera-sesion-sin-firma.jar", forgedThirdSession(), null, "no está firmado");
    }

    private static HttpResponse<String> upload(byte[] jar, byte[] signature) throws Exception {
        return WebSession.demo("admin.plataforma").sendBytes("POST", "/api/v1/guide-bundles", jar,
                "application/java-archive", Map.of(Signing.SIGNATURE_HEADER, Base64.getEncoder()
                        .encodeToString(signature)));
    }

    /**
     * Uploads through the API and asserts a 422 naming the signature with the reason, no bundle of the jar installed,
     * the refusal audited and the SEP's edition serving as before.
     */
    private void assertRefusedByTheApi(byte[] jar, byte[] signature, String reason) throws Exception {
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            manifest = in.getManifest();
        }
        String symbolicName = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        String version = manifest.getMainAttributes().getValue("Bundle-Version");
        int bundlesBefore = bundleContext.getBundles().length;
        HttpResponse<String> refused = upload(jar, signature);
        assertEquals(refused.body(), 422, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains(reason));
        assertEquals("CTE-Firma", GuideApi.json(refused).get("campo").getAsString());
        assertEquals("nothing was installed", bundlesBefore, bundleContext.getBundles().length);
        assertTrue(java.util.Arrays.stream(bundleContext.getBundles()).noneMatch(b -> symbolicName.equals(
                b.getSymbolicName()) && b.getVersion().toString().equals(version)));
        assertTrue(GuideApi.audited(WebSession.demo("admin.plataforma"), "guia-rechazada", reason));
        assertTheSepEditionStillServes();
    }

    @Test
    public void aJarWithOneByteChangedAfterItsPublisherSignedItIsRefused() throws Exception {
        byte[] signed = forgedThirdSession();
        byte[] signature = Signing.signature(signed, Signing.karafEtc());
        byte[] changed = signed.clone();
        changed[changed.length - 1] ^= 1;
        assertRefusedByTheApi(changed, signature, "modificado después de firmarse");
    }

    @Test
    public void aGuideSignedByAKeyTheSepNeverCertifiedIsRefused() throws Exception {
        byte[] forged = forgedThirdSession();
        assertRefusedByTheApi(forged, OpenPgp.sign(OpenPgp.generateKey("Nadie", Instant.now(), null), null, forged,
                Instant.now()), "clave desconocida");
    }

    @Test
    public void aStateKeySigningTheSepsGuideIsRefused() throws Exception {
        byte[] forged = forgedThirdSession();
        assertRefusedByTheApi(forged, OpenPgp.sign(Signing.demoKey("15-edomex.clave.asc"), null, forged,
                Instant.now()), "solo contenido de la entidad 15, y este contenido es de la SEP");
    }

    @Test
    public void aStateKeySigningAnotherStatesGuideIsRefused() throws Exception {
        byte[] yucatan = stateGuide("it.guide.de.yucatan", "31", "de-yucatan", "1.0.0");
        assertRefusedByTheApi(yucatan, OpenPgp.sign(Signing.demoKey("15-edomex.clave.asc"), null, yucatan,
                Instant.now()), "solo contenido de la entidad 15, y este contenido es de la entidad 31");
        assertEquals(404, Http.get("/api/v1/guides/31:2099-2100:preescolar:de-yucatan").statusCode());
    }

    /** A guide of the state {@code entidad} (the example descriptor's publisher replaced). */
    private static byte[] stateGuide(String symbolicName, String entidad, String name, String version)
            throws Exception {
        return GuideBundles.bundle(symbolicName, version, GuideBundles.descriptor(name, version, "texto-libre")
                .replace("\"09\"", "\"" + entidad + "\"")).readAllBytes();
    }

    @Test
    public void aKeyPastItsCertifiedValidityIsRefusedUntilTheSepRenewsIt() throws Exception {
        byte[] guide = stateGuide("it.guide.caducada", "08", "firma-caducada", "1.0.0");
        PGPSecretKeyRing key = OpenPgp.generateKey("Publicador de Chihuahua (prueba)", Instant.parse(
                "2016-01-01T00:00:00Z"), null);
        Path keyFile = Signing.karafEtc().resolve("cte-trust").resolve("claves").resolve("it-08.asc");
        long installedBundle = -1;
        try {
            // Certified for the 2016-2017 school year only: expired today.
            PGPPublicKeyRing lastYear = OpenPgp.certify(Signing.root(), null, OpenPgp.publicRing(key), "08",
                    Instant.parse("2016-08-01T00:00:00Z"), Instant.parse("2017-08-01T00:00:00Z"));
            Signing.install(Signing.karafEtc(), keyFile.getFileName().toString(), lastYear);
            assertRefusedByTheApi(guide, OpenPgp.sign(key, null, guide, Instant.parse("2017-06-01T00:00:00Z")),
                    "venció el 2017-08-01");
            assertEquals(404, Http.get("/api/v1/guides/08:2099-2100:preescolar:firma-caducada").statusCode());

            // Renewed by the SEP: the new certification is read at once, no restart, and the guide installs.
            PGPPublicKeyRing renewed = OpenPgp.certify(Signing.root(), null, lastYear, "08", Instant.now().minus(
                    Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)));
            Signing.install(Signing.karafEtc(), keyFile.getFileName().toString(), renewed);
            HttpResponse<String> installed = upload(guide, OpenPgp.sign(key, null, guide, Instant.now()));
            assertEquals(installed.body(), 201, installed.statusCode());
            installedBundle = GuideApi.json(installed).get("bundle").getAsLong();
            GuideApi.awaitGuide("08:2099-2100:preescolar:firma-caducada", GuideApi.status("activa"));
        } finally {
            Files.deleteIfExists(keyFile);
            uninstall(installedBundle);
        }
    }

    @Test
    public void aRevocationWithdrawsWhatTheKeySignedWithoutARestartAndNothingNewItSignsInstalls()
            throws Exception {
        byte[] guide = stateGuide("it.guide.revocada", "10", "firma-revocada", "1.0.0");
        PGPSecretKeyRing key = OpenPgp.generateKey("Publicador de Durango (prueba)", Instant.now().minus(
                Duration.ofDays(2)), null);
        Path keyFile = Signing.karafEtc().resolve("cte-trust").resolve("claves").resolve("it-10.asc");
        String guideKey = "10:2099-2100:preescolar:firma-revocada";
        long installedBundle = -1;
        try {
            PGPPublicKeyRing certified = OpenPgp.certify(Signing.root(), null, OpenPgp.publicRing(key), "10",
                    Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)));
            Signing.install(Signing.karafEtc(), keyFile.getFileName().toString(), certified);
            HttpResponse<String> installed = upload(guide, OpenPgp.sign(key, null, guide, Instant.now()));
            assertEquals(installed.body(), 201, installed.statusCode());
            installedBundle = GuideApi.json(installed).get("bundle").getAsLong();
            GuideApi.awaitGuide(guideKey, GuideApi.status("activa"));

            // Revoked by the SEP (a lost key): what it signed stops serving within seconds, and nothing new it signs
            // installs.
            Signing.install(Signing.karafEtc(), keyFile.getFileName().toString(), OpenPgp.revoke(Signing.root(),
                    null, certified, Instant.now(), "clave extraviada"));
            Http.awaitStatus("/api/v1/guides/" + guideKey, 404, Duration.ofSeconds(40));
            awaitRefusal("it.guide.revocada", "1.0.0", "fue revocada por la SEP");
            assertTrue(GuideApi.audited(WebSession.demo("admin.plataforma"), "guia-retirada", "ya no es de confianza"));
            byte[] next = stateGuide("it.guide.revocada", "10", "firma-revocada", "1.0.1");
            assertRefusedByTheApi(next, OpenPgp.sign(key, null, next, Instant.now()), "fue revocada por la SEP");
            assertEquals(404, Http.get("/api/v1/guides/" + guideKey).statusCode());
        } finally {
            Files.deleteIfExists(keyFile);
            uninstall(installedBundle);
        }
    }

    private void uninstall(long bundleId) throws Exception {
        Bundle left = bundleId < 0 ? null : bundleContext.getBundle(bundleId);
        if (left != null) {
            left.uninstall();
        }
    }

    @Test
    public void aSignedGuideBesideItsSignatureInDeployIsPublished() throws Exception {
        byte[] jar = new ByteArrayInputStream(GuideBundles.bundle("it.guide.deploy.firmada", "1.0.0", GuideBundles
                .descriptor("deploy-firmada", "1.0.0", "texto-libre")).readAllBytes()).readAllBytes();
        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
        Path jarFile = deploy.resolve("guia-firmada.jar");
        Path signatureFile = deploy.resolve("guia-firmada.jar.asc");
        Files.write(signatureFile, Signing.signature(jar, Signing.karafEtc()));
        Files.write(jarFile, jar);
        try {
            GuideApi.awaitGuide("09:2099-2100:preescolar:deploy-firmada", GuideApi.status("activa"));
        } finally {
            Files.deleteIfExists(jarFile);
            Files.deleteIfExists(signatureFile);
            Http.awaitStatus("/api/v1/guides/09:2099-2100:preescolar:deploy-firmada", 404, GuideApi.WAIT);
        }
    }

    @Test
    public void anOlderEditionIsRefusedAsARollbackUntilAnAdministratorAllowsItExplicitly() throws Exception {
        String key = "09:2099-2100:preescolar:retroceso";
        WebSession admin = WebSession.demo("admin.plataforma");
        byte[] newer = GuideBundles.bundle("it.guide.retroceso.nueva", "1.0.1", GuideBundles.descriptor("retroceso",
                "1.0.1", "texto-libre")).readAllBytes();
        byte[] older = GuideBundles.bundle("it.guide.retroceso.vieja", "1.0.0", GuideBundles.descriptor("retroceso",
                "1.0.0", "texto-libre")).readAllBytes();
        HttpResponse<String> installed = Signing.publish(admin, newer, Signing.karafEtc());
        assertEquals(installed.body(), 201, installed.statusCode());
        long newerBundle = GuideApi.json(installed).get("bundle").getAsLong();
        Long olderBundle = null;
        try {
            int bundlesBefore = bundleContext.getBundles().length;
            HttpResponse<String> rollback = Signing.publish(admin, older, Signing.karafEtc());
            assertEquals(rollback.body(), 422, rollback.statusCode());
            assertTrue(rollback.body(), rollback.body().contains("la edición 1.0.0 es anterior a la edición 1.0.1"
                    + " ya instalada"));
            assertEquals("nothing was installed", bundlesBefore, bundleContext.getBundles().length);
            assertTrue(GuideApi.audited(admin, "guia-rechazada", "es anterior a la edición 1.0.1"));

            String allow = "{\"clave\": \"" + key + "\", \"edicion\": \"1.0.0\"}";
            assertEquals("a publisher cannot allow a rollback", 403, WebSession.demo("publicador.sep").send("POST",
                    "/api/v1/guide-rollbacks", allow).statusCode());
            HttpResponse<String> allowed = admin.send("POST", "/api/v1/guide-rollbacks", allow);
            assertEquals(allowed.body(), 200, allowed.statusCode());
            assertTrue(GuideApi.audited(admin, "guia-retroceso-permitido", "1.0.0"));

            HttpResponse<String> forced = Signing.publish(admin, older, Signing.karafEtc());
            assertEquals(forced.body(), 201, forced.statusCode());
            olderBundle = GuideApi.json(forced).get("bundle").getAsLong();
            assertEquals("the newer edition stays active", "1.0.1", GuideApi.activeVersion(GuideApi.listed(key)));
        } finally {
            GuideApi.removeGuideBundle(admin, newerBundle);
            if (olderBundle != null) {
                GuideApi.removeGuideBundle(admin, olderBundle);
            }
        }
    }

    @Test
    public void aPackWhoseKeyIsRevokedLeavesEveryCatalogue() throws Exception {
        WebSession teacher = WebSession.demo("docente.ana");
        String resources = "/api/v1/catalogue/15EJN0101A/resources?q=revocable";
        Bundle pack = bundleContext.installBundle("it:pack-revocable", Signing.admitted(bundleContext,
                GuideBundles.contentBundle("it.pack.revocable", "1.0.0", "CTE-Resource-Pack", "pack/pack.json",
                        "{\"key\": \"revocable\", \"title\": \"Fichas revocables\", \"publisher\": \"07\","
                        + " \"version\": \"1.0.0\", \"resources\": [{\"key\": \"fichas\", \"title\":"
                        + " \"Fichas de un paquete revocable\", \"kind\": \"material-didactico\"}]}")));
        Path keyFile = Signing.karafEtc().resolve("cte-trust").resolve("claves").resolve("it-07.asc");
        try {
            pack.start();
            awaitBody(teacher, resources, body -> body.contains("Fichas de un paquete revocable"));
            PGPSecretKeyRing key = Signing.keyFor("07", Signing.karafEtc());
            Signing.install(Signing.karafEtc(), keyFile.getFileName().toString(), OpenPgp.revoke(Signing.root(), null,
                    OpenPgp.certify(Signing.root(), null, OpenPgp.publicRing(key), "07", Signing.FROM, Signing.UNTIL),
                    Instant.now(), "clave extraviada"));
            awaitBody(teacher, resources, body -> !body.contains("Fichas de un paquete revocable"));
            awaitBody(teacher, "/api/v1/catalogue/packs", body -> body.contains("fue revocada por la SEP"));
        } finally {
            pack.uninstall();
            Files.deleteIfExists(keyFile);
        }
    }

    private static void awaitBody(WebSession session, String path, java.util.function.Predicate<String> condition)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = session.get(path);
            body = response.body();
            if (response.statusCode() == 200 && condition.test(body)) {
                return;
            }
            Thread.sleep(250);
        }
        fail(path + " never answered as expected: " + body);
    }
}
