package mx.cte.guide.publishing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import mx.cte.content.guard.testing.DisguisedJars;
import org.junit.Test;

public class GuideJarTest {

    static final String DESCRIPTOR = "{\"schemaVersion\": 1, \"id\": {\"publisher\": \"15\"}}";

    static byte[] jar(Map<String, String> headers, Map<String, String> entries) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Map<String, String> guideHeaders() {
        return Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "mx.gob.edomex.guia", "Bundle-Version",
                "1.1.0", "CTE-Guide", "guide/guide.json");
    }

    @Test
    public void acceptsAContentOnlyGuideAndTellsItsPublisher() throws Exception {
        GuideJar jar = GuideJar.inspect(jar(guideHeaders(), Map.of("guide/guide.json", DESCRIPTOR)));
        assertEquals("mx.gob.edomex.guia", jar.symbolicName);
        assertEquals("1.1.0", jar.version);
        assertEquals("15", jar.publisher);
    }

    @Test
    public void refusesAJarWhoseCentralDirectoryHidesAnActivator() {
        byte[] disguised = DisguisedJars.guideWithHiddenActivator("mx.gob.edomex.guia", "1.1.0", DESCRIPTOR);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> GuideJar.inspect(disguised));
        assertTrue(refused.getMessage(), refused.getMessage().contains("Intruder.class: está en el directorio central"));
    }

    @Test
    public void refusesCodeImportsAndMissingDescriptorsNamingEachProblem() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(guideHeaders());
        headers.put("Import-Package", "org.osgi.framework");
        headers.put("Bundle-Activator", "mx.gob.Activator");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> GuideJar.inspect(
                jar(headers, Map.of("guide/guide.json", DESCRIPTOR, "mx/gob/Activator.class", "cafebabe"))));
        assertTrue(refused.getMessage(), refused.getMessage().contains("mx/gob/Activator.class"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("Import-Package"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("Bundle-Activator"));

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> GuideJar.inspect(jar(guideHeaders(), Map.of("otra/guia.json", DESCRIPTOR))));
        assertTrue(missing.getMessage(), missing.getMessage().contains("guide/guide.json, que no está en el jar"));

        IllegalArgumentException notJar = assertThrows(IllegalArgumentException.class,
                () -> GuideJar.inspect("no soy un jar".getBytes(StandardCharsets.UTF_8)));
        assertTrue(notJar.getMessage(), notJar.getMessage().contains("no es un jar válido"));
    }
}
