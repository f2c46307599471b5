package mx.cte.itests;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import mx.cte.trust.api.PublisherTrust;
import mx.cte.trust.api.TrustVerdict;
import mx.cte.trust.openpgp.OpenPgp;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Signs what the tests install, as its publisher would: the SEP's and the Estado de México's content with the demo
 * keys of the repository, any other publisher's with a key made here, certified by the demo root and dropped into the
 * installation's {@code etc/cte-trust/claves} (which the platform reads again when it changes).
 */
final class Signing {

    static final String DEMO_KEYS_PROPERTY = "cte.it.demoKeys";
    static final String SIGNATURE_HEADER = "CTE-Firma";
    static final Instant FROM = Instant.parse("2016-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2036-01-01T00:00:00Z");

    private static final Map<String, PGPSecretKeyRing> KEYS = new HashMap<>();

    private Signing() {
    }

    /** The demo keys' folder of the repository (secret halves). */
    static Path demoKeys() {
        return Path.of(System.getProperty(DEMO_KEYS_PROPERTY));
    }

    static PGPSecretKeyRing demoKey(String file) {
        try {
            return OpenPgp.readSecretRing(Files.readAllBytes(demoKeys().resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized PGPSecretKeyRing root() {
        PGPSecretKeyRing root = KEYS.get("raiz");
        if (root == null) {
            root = demoKey("sep-raiz.clave.asc");
            KEYS.put("raiz", root);
        }
        return root;
    }

    /**
     * The key that signs {@code publisher}'s content: the demo key for {@code SEP} and {@code 15}; for any other, one
     * made and certified now, its public half written into {@code etc}'s publisher keys.
     */
    static synchronized PGPSecretKeyRing keyFor(String publisher, Path etc) {
        String name = publisher + "@" + etc;
        PGPSecretKeyRing key = KEYS.get(name);
        if (key == null) {
            key = switch (publisher) {
                case "SEP" -> demoKey("sep-publicacion.clave.asc");
                case "15" -> demoKey("15-edomex.clave.asc");
                default -> {
                    PGPSecretKeyRing made = OpenPgp.generateKey("Publicador de pruebas " + publisher, FROM, null);
                    install(etc, "it-" + publisher + ".asc", OpenPgp.certify(root(), null, OpenPgp.publicRing(made),
                            publisher, FROM, UNTIL));
                    yield made;
                }
            };
            KEYS.put(name, key);
        }
        return key;
    }

    /** Writes a certified public key where the installation reads publisher keys. */
    static void install(Path etc, String fileName, PGPPublicKeyRing key) {
        try {
            Path folder = Files.createDirectories(etc.resolve("cte-trust").resolve("claves"));
            Path temporary = folder.resolve(fileName + ".tmp");
            Files.write(temporary, OpenPgp.armor(key));
            Files.move(temporary, folder.resolve(fileName), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The etc folder of the Karaf the test runs in (Pax Exam). */
    static Path karafEtc() {
        return Path.of(System.getProperty("karaf.etc"));
    }

    /** Its publisher's signature; what is no guide or pack at all is signed by the SEP's key, to be refused anyway. */
    static byte[] signature(byte[] jar, Path etc) {
        String publisher = publisherOf(jar);
        return OpenPgp.sign(keyFor(publisher == null ? "SEP" : publisher, etc), null, jar, Instant.now());
    }

    static String header(byte[] jar, Path etc) {
        return Base64.getEncoder().encodeToString(signature(jar, etc));
    }

    /** Writes {@code jar.asc} beside a jar, as a publisher ships it for {@code deploy/} or {@code bundle:install}. */
    static Path signBeside(Path jar, Path etc) {
        try {
            Path signature = jar.resolveSibling(jar.getFileName() + ".asc");
            Files.write(signature, signature(Files.readAllBytes(jar), etc));
            return signature;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes a guide jar through the API with its publisher's signature. */
    static HttpResponse<String> publish(WebSession session, byte[] jar, Path etc) throws Exception {
        return session.sendBytes("POST", "/api/v1/guide-bundles", jar, "application/java-archive",
                Map.of(SIGNATURE_HEADER, header(jar, etc)));
    }

    /**
     * The jar's bytes, admitted by the platform's trust with its publisher's signature, ready for
     * {@code installBundle} or {@code update} from a stream (what the publishing API and the channel do).
     */
    static InputStream admitted(BundleContext context, InputStream jar) {
        try {
            byte[] bytes = jar.readAllBytes();
            ServiceReference<PublisherTrust> reference = context.getServiceReference(PublisherTrust.class);
            PublisherTrust trust = context.getService(reference);
            try {
                TrustVerdict verdict = trust.admit(bytes, signature(bytes, karafEtc()), publisherOf(bytes));
                if (!verdict.trusted()) {
                    throw new AssertionError("the test's own signature was refused: " + verdict.reason());
                }
            } finally {
                context.ungetService(reference);
            }
            return new ByteArrayInputStream(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The publisher a guide, overlay or pack says it is from, read from its descriptor; null for no such jar. */
    static String publisherOf(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                return null;
            }
            String guide = manifest.getMainAttributes().getValue("CTE-Guide");
            String pack = manifest.getMainAttributes().getValue("CTE-Resource-Pack");
            if (guide == null && pack == null) {
                return null;
            }
            String descriptor = (guide != null ? guide : pack).strip();
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(descriptor)) {
                    JsonObject json = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .getAsJsonObject();
                    if (pack != null) {
                        return json.get("publisher").getAsString();
                    }
                    return json.has("base") ? json.getAsJsonObject("publisher").get("code").getAsString()
                            : json.getAsJsonObject("id").get("publisher").getAsString();
                }
            }
            throw new IllegalArgumentException("the jar holds no " + descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
