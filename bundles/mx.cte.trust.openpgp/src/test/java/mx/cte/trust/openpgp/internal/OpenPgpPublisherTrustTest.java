package mx.cte.trust.openpgp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import mx.cte.trust.api.TrustStatus;
import mx.cte.trust.api.TrustVerdict;
import mx.cte.trust.openpgp.OpenPgp;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;

public class OpenPgpPublisherTrustTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant FROM = Instant.parse("2026-08-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-08-01T00:00:00Z");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path etc;
    private Path data;
    private Path system;
    private PGPSecretKeyRing root;
    private PGPSecretKeyRing sep;

    @Before
    public void keys() throws Exception {
        etc = folder.newFolder("etc").toPath();
        data = folder.newFolder("data").toPath();
        system = folder.newFolder("system").toPath();
        root = OpenPgp.generateKey("Raíz de prueba", FROM, null);
        sep = OpenPgp.generateKey("SEP de prueba", FROM, null);
        Files.createDirectories(etc.resolve("cte-trust/claves"));
        Files.write(etc.resolve("cte-trust/sep-raiz.asc"), OpenPgp.armor(OpenPgp.publicRing(root)));
        Files.write(etc.resolve("cte-trust/claves/sep.asc"), OpenPgp.armor(OpenPgp.certify(root, null,
                OpenPgp.publicRing(sep), "SEP", FROM, UNTIL)));
    }

    private OpenPgpPublisherTrust trust(String mode) {
        Map<String, Object> values = Map.of("rootKey", "cte-trust/sep-raiz.asc", "keysFolder", "cte-trust/claves",
                "verification", mode);
        OpenPgpPublisherTrust.Config config = (OpenPgpPublisherTrust.Config) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {OpenPgpPublisherTrust.Config.class},
                (proxy, method, args) -> values.get(method.getName()));
        return new OpenPgpPublisherTrust(config, etc, data, system, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static byte[] jar(String descriptor) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("CTE-Guide", "guide/guide.json");
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.putNextEntry(new JarEntry("guide/guide.json"));
            out.write(descriptor.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A bundle as the framework serves it: installed from {@code location}, holding the entries of {@code jar}. */
    private static Bundle bundle(String location, Path jar) {
        return (Bundle) Proxy.newProxyInstance(OpenPgpPublisherTrustTest.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getLocation" -> location;
                    case "getEntryPaths" -> {
                        String folder = ((String) args[0]).replaceFirst("^/", "");
                        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                            List<String> paths = file.stream().map(JarEntry::getName)
                                    .filter(name -> name.startsWith(folder) && !name.equals(folder))
                                    .map(name -> {
                                        String rest = name.substring(folder.length());
                                        int slash = rest.indexOf('/');
                                        return folder + (slash < 0 ? rest : rest.substring(0, slash + 1));
                                    }).distinct().collect(Collectors.toList());
                            yield paths.isEmpty() ? null : Collections.enumeration(paths);
                        }
                    }
                    case "getEntry" -> new URL("jar:" + jar.toUri() + "!/" + args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    public void aJarBesideItsSignatureIsTrustedOnlyWhileTheFrameworkServesThatVeryJar() throws Exception {
        Path deployed = folder.getRoot().toPath().resolve("guia.jar");
        byte[] content = jar("{\"id\": {\"publisher\": \"SEP\"}}");
        Files.write(deployed, content);
        Files.write(deployed.resolveSibling("guia.jar.asc"), OpenPgp.sign(sep, null, content, NOW));
        OpenPgpPublisherTrust trust = trust("obligatoria");

        TrustVerdict trusted = trust.verify(bundle(deployed.toUri().toString(), deployed), "SEP");
        assertTrue(trusted.reason(), trusted.trusted());

        Path other = folder.getRoot().toPath().resolve("otra.jar");
        Files.write(other, jar("{\"id\": {\"publisher\": \"SEP\"}, \"cambiado\": true}"));
        TrustVerdict swapped = trust.verify(bundle(deployed.toUri().toString(), other), "SEP");
        assertFalse(swapped.trusted());
        assertTrue(swapped.reason(), swapped.reason().contains("no es el jar firmado"));

        TrustVerdict unsigned = trust.verify(bundle(other.toUri().toString(), other), "SEP");
        assertTrue(unsigned.reason(), unsigned.reason().contains("falta otra.jar.asc junto a"));
    }

    @Test
    public void admittedBytesAreRecognisedInWhateverBundleServesThemAndAMvnLocationLooksInSystem() throws Exception {
        byte[] content = jar("{\"id\": {\"publisher\": \"SEP\"}}");
        Path copy = folder.getRoot().toPath().resolve("copia.jar");
        Files.write(copy, content);
        OpenPgpPublisherTrust trust = trust("obligatoria");
        assertFalse(trust.verify(bundle("cte-guide-upload:x/1.0.0", copy), "SEP").trusted());
        assertTrue(trust.admit(content, OpenPgp.sign(sep, null, content, NOW), "SEP").trusted());
        assertTrue(trust.verify(bundle("cte-guide-upload:x/1.0.0", copy), "SEP").trusted());

        Path shipped = system.resolve("mx/cte/guia/1.0.0/guia-1.0.0.jar");
        Files.createDirectories(shipped.getParent());
        byte[] other = jar("{\"id\": {\"publisher\": \"SEP\"}, \"enviada\": true}");
        Files.write(shipped, other);
        Files.write(shipped.resolveSibling("guia-1.0.0.jar.asc"), OpenPgp.sign(sep, null, other, NOW));
        assertTrue(trust.verify(bundle("mvn:mx.cte/guia/1.0.0", shipped), "SEP").trusted());
    }

    @Test
    public void aKeyAddedToTheFolderIsTrustedWithoutARestart() throws Exception {
        OpenPgpPublisherTrust trust = trust("obligatoria");
        PGPSecretKeyRing state = OpenPgp.generateKey("Entidad 15 de prueba", FROM, null);
        byte[] content = "guía estatal".getBytes(StandardCharsets.UTF_8);
        byte[] signature = OpenPgp.sign(state, null, content, NOW);
        assertTrue(trust.verify(content, signature, "15").reason().contains("clave desconocida"));
        Files.write(etc.resolve("cte-trust/claves/15.asc"), OpenPgp.armor(OpenPgp.certify(root, null,
                OpenPgp.publicRing(state), "15", FROM, UNTIL)));
        assertTrue(trust.verify(content, signature, "15").trusted());
        TrustStatus status = trust.status();
        assertEquals(2, status.keys().size());
        assertFalse(status.demoRoot());
        assertTrue(status.enforced());
        assertEquals(OpenPgp.fingerprint(root.getPublicKey()), status.rootFingerprint());
    }

    @Test
    public void listenersAreToldOnceOfEachChangeOfTheKeyFilesEvenWhenAVerificationReadItFirst() throws Exception {
        OpenPgpPublisherTrust trust = trust("obligatoria");
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        trust.addListener(told::incrementAndGet);
        trust.tellListenersIfKeysChanged();
        assertEquals("nothing changed", 0, told.get());

        PGPSecretKeyRing state = OpenPgp.generateKey("Entidad 15 de prueba", FROM, null);
        PGPPublicKeyRing certified = OpenPgp.certify(root, null, OpenPgp.publicRing(state), "15", FROM, UNTIL);
        Files.write(etc.resolve("cte-trust/claves/15.asc"), OpenPgp.armor(certified));
        trust.tellListenersIfKeysChanged();
        trust.tellListenersIfKeysChanged();
        assertEquals("a key added", 1, told.get());

        byte[] content = "guía estatal".getBytes(StandardCharsets.UTF_8);
        Files.write(etc.resolve("cte-trust/claves/15.asc"), OpenPgp.armor(OpenPgp.revoke(root, null, certified, NOW,
                "clave extraviada")));
        assertTrue(trust.verify(content, OpenPgp.sign(state, null, content, NOW), "15").reason().contains("revocada"));
        trust.tellListenersIfKeysChanged();
        assertEquals("a revocation the verification read first", 2, told.get());
    }

    @Test
    public void withoutTheRootNothingIsTrustedAndTheDevelopmentModeTrustsAnythingSayingSo() throws Exception {
        Files.delete(etc.resolve("cte-trust/sep-raiz.asc"));
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);
        TrustVerdict noRoot = trust("obligatoria").verify(content, OpenPgp.sign(sep, null, content, NOW), "SEP");
        assertFalse(noRoot.trusted());
        assertTrue(noRoot.reason(), noRoot.reason().contains("clave raíz de la SEP"));

        OpenPgpPublisherTrust development = trust("desactivada");
        assertFalse(development.enforced());
        TrustVerdict anything = development.verify(content, null, "SEP");
        assertTrue(anything.trusted());
        assertTrue(anything.reason().contains("desactivada"));
        assertFalse(development.status().enforced());
    }
}
