package mx.cte.guide.publishing;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mx.cte.cluster.api.Cluster;
import mx.cte.cluster.api.SharedEntry;
import mx.cte.core.http.ProblemException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The demo's example guides are published once per installation, as their publisher would upload them: one removed
 * by an administrator does not come back at the next start, and one without its signature is not published.
 */
public class GuidesDemoTest {

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private final List<SharedEntry> stored = new ArrayList<>();
    private final List<String> published = new ArrayList<>();

    private final Cluster cluster = (Cluster) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Cluster.class}, (proxy, method, args) -> switch (method.getName()) {
                case "entries" -> List.copyOf(stored);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final GuidesDemo.Publishing publishing = (jar, content, signature) -> {
        if (new String(signature, StandardCharsets.UTF_8).contains("ajena")) {
            throw new ProblemException(422, "Firma no válida", "la firma no es de la SEP");
        }
        published.add(GuideBundleInstalls.key(jar));
    };

    private Path folder() throws Exception {
        return temporary.getRoot().toPath();
    }

    private void guideJar(String name, String symbolicName, String signature) throws Exception {
        byte[] jar = GuideJarTest.jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", symbolicName,
                "Bundle-Version", "1.0.0", "CTE-Guide", "guide/guide.json"), Map.of("guide/guide.json",
                "{\"id\": {\"publisher\": \"SEP\"}}"));
        Files.write(folder().resolve(name), jar);
        if (signature != null) {
            Files.writeString(folder().resolve(name + ".asc"), signature);
        }
    }

    private void recorded(String key, boolean removed) {
        stored.add(new SharedEntry(SharedGuides.KIND, SharedGuides.UPLOADED + key, "firma", removed, stored.size() + 1,
                Instant.now(), "nodo-a"));
    }

    @Test
    public void theFoldersSignedGuidesArePublished() throws Exception {
        guideJar("ejemplo.jar", "mx.cte.guides.ejemplo", "-----BEGIN PGP SIGNATURE-----");

        assertEquals(List.of("mx.cte.guides.ejemplo/1.0.0"), GuidesDemo.publishNew(publishing, cluster, folder()));
        assertEquals(List.of("mx.cte.guides.ejemplo/1.0.0"), published);
    }

    @Test
    public void aGuidePublishedBeforeOrRemovedSinceIsLeftAsItIs() throws Exception {
        guideJar("ejemplo.jar", "mx.cte.guides.ejemplo", "-----BEGIN PGP SIGNATURE-----");
        guideJar("otro.jar", "mx.cte.guides.otro", "-----BEGIN PGP SIGNATURE-----");
        recorded("mx.cte.guides.ejemplo/1.0.0", true); // an administrator removed it
        recorded("mx.cte.guides.otro/1.0.0", false);

        assertEquals(List.of(), GuidesDemo.publishNew(publishing, cluster, folder()));
        assertEquals(List.of(), published);
    }

    @Test
    public void aGuideWithoutItsSignatureOrRefusedIsNotPublishedAndTheOthersAre() throws Exception {
        guideJar("a-sin-firma.jar", "mx.cte.guides.sinfirma", null);
        guideJar("b-ajena.jar", "mx.cte.guides.ajena", "firma ajena");
        guideJar("c-ejemplo.jar", "mx.cte.guides.ejemplo", "-----BEGIN PGP SIGNATURE-----");
        Files.writeString(folder().resolve("d-roto.jar"), "no es un jar");
        Files.writeString(folder().resolve("d-roto.jar.asc"), "firma");

        assertEquals(List.of("mx.cte.guides.ejemplo/1.0.0"), GuidesDemo.publishNew(publishing, cluster, folder()));
    }

    @Test
    public void noFolderPublishesNothing() throws Exception {
        assertEquals(List.of(), GuidesDemo.publishNew(publishing, cluster, folder().resolve("no-existe")));
    }
}
