package mx.cte.content.guard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import mx.cte.content.guard.testing.DisguisedJars;
import org.junit.Test;

public class ContentBundlesTest {

    private static final Map<String, String> GUIDE_HEADERS = Map.of("Manifest-Version", "1.0",
            "Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "mx.cte.guides.prueba", "Bundle-Version", "1.0.0",
            "CTE-Guide", "guide/guide.json", "Bundle-Name", "Guía de prueba", "Created-By", "Maven JAR Plugin 3.4.2");

    private static byte[] plainGuide() throws IOException {
        Manifest manifest = new Manifest();
        GUIDE_HEADERS.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("guide/"));
            jar.putNextEntry(new JarEntry("guide/guide.json"));
            jar.write("{}".getBytes(StandardCharsets.UTF_8));
            jar.putNextEntry(new JarEntry("guide/img/portada.png"));
            jar.write(new byte[] {1, 2, 3});
        }
        return bytes.toByteArray();
    }

    @Test
    public void aGuideAsTheBuildMakesItIsContentOnly() throws IOException {
        assertEquals(List.of(), ContentBundles.archiveProblems(plainGuide()));
        assertEquals(List.of(), ContentBundles.problems(GUIDE_HEADERS, List.of("META-INF/MANIFEST.MF", "guide/",
                "guide/guide.json", "guide/img/portada.png", "META-INF/maven/mx.cte/x/pom.xml",
                "META-INF/maven/mx.cte/x/pom.properties")));
    }

    @Test
    public void aJarNotInstalledYetIsJudgedByBothViewsThenByItsManifestAndEntries() throws IOException {
        assertEquals(List.of(), ContentBundles.problems(plainGuide()));
        assertTrue(ContentBundles.problems(DisguisedJars.guideWithHiddenActivator("mx.cte.guides.intrusa", "1.0.0",
                "{}")).stream().anyMatch(p -> p.contains("está en el directorio central")));
        assertEquals(1, ContentBundles.problems("no soy un jar".getBytes(StandardCharsets.UTF_8)).size());

        Manifest manifest = new Manifest();
        GUIDE_HEADERS.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-Activator", "mx.cte.Intruso");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("guide/guide.json"));
            jar.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(ContentBundles.problems(bytes.toByteArray()).toString().contains("Bundle-Activator"));
    }

    @Test
    public void anActivatorHiddenInTheCentralDirectoryIsFound() throws IOException {
        byte[] jar = DisguisedJars.guideWithHiddenActivator("mx.cte.guides.intrusa", "1.0.0", "{}");
        // What a front-to-back reader sees: a harmless guide, without activator or class.
        List<String> seen = new ArrayList<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            assertNull(in.getManifest().getMainAttributes().getValue("Bundle-Activator"));
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                seen.add(e.getName());
            }
        }
        assertEquals(List.of("guide/guide.json", "guide/notas.txt"), seen);

        List<String> problems = ContentBundles.archiveProblems(jar);
        assertTrue(problems.toString(), problems.stream().anyMatch(p -> p.startsWith(
                "mx/cte/content/guard/testing/Intruder.class: está en el directorio central")));
        assertTrue(problems.toString(), problems.stream().anyMatch(p -> p.startsWith(
                "META-INF/MANIFEST.MF: su contenido difiere")));
    }

    @Test
    public void everyWayOfCarryingCodeIsRefusedByName() {
        Map<String, String> headers = new java.util.HashMap<>(GUIDE_HEADERS);
        headers.put("Bundle-Activator", "x.Y");
        headers.put("import-package", "org.osgi.framework");
        headers.put("SPI-Provider", "*");
        headers.put("Service-Component", "OSGI-INF/x.xml");
        headers.put("Bundle-ClassPath", "lib/x.jar");
        headers.put("X-Unknown", "1");
        List<String> problems = ContentBundles.problems(headers, List.of("x/Y.class", "lib/x.jar",
                "OSGI-INF/x.xml", "META-INF/services/java.sql.Driver", "guide/script.js", "guide/../../etc/passwd",
                "guide/guide.json"));
        for (String expected : List.of("Bundle-Activator", "import-package", "SPI-Provider", "Service-Component",
                "Bundle-ClassPath", "X-Unknown", "x/Y.class", "lib/x.jar", "OSGI-INF/x.xml",
                "META-INF/services/java.sql.Driver", "guide/script.js", "guide/../../etc/passwd")) {
            assertTrue(expected + " in " + problems, problems.stream().anyMatch(p -> p.contains(expected)));
        }
        assertFalse(problems.stream().anyMatch(p -> p.startsWith("guide/guide.json")));
        assertEquals(12, problems.size());
    }

    @Test
    public void contentBundlesAreKnownByTheirHeadersOrTheirUploadLocation() {
        assertTrue(ContentBundles.isContentBundle(GUIDE_HEADERS::get, "mvn:x/y/1"));
        assertTrue(ContentBundles.isContentBundle(h -> h.equals("CTE-Resource-Pack") ? "pack/pack.json" : null,
                "file:/x.jar"));
        assertTrue(ContentBundles.isContentBundle(h -> null, ContentBundles.UPLOAD_LOCATION_PREFIX + "x/1.0.0"));
        assertFalse(ContentBundles.isContentBundle(h -> null, "mvn:mx.cte/mx.cte.results.impl/1.0.0"));
    }

    @Test
    public void notAZipIsAProblemNotAnException() {
        List<String> problems = ContentBundles.archiveProblems("no soy un jar".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, problems.size());
    }
}
