package mx.cte.guide.publishing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * An uploaded guide bundle, checked before anything is installed: it must be content only (no classes, no imports,
 * exports, activator or native code, which could wire it to other bundles or run code), name its descriptor in
 * {@code CTE-Guide}, and say which publisher the guide is for.
 */
final class GuideJar {

    /** Manifest headers a content-only bundle must not carry. */
    static final List<String> FORBIDDEN_HEADERS = List.of("Import-Package", "Export-Package", "DynamicImport-Package",
            "Require-Bundle", "Fragment-Host", "Bundle-Activator", "Bundle-NativeCode", "Require-Capability",
            "Provide-Capability", "Service-Component");

    final String symbolicName;
    final String version;
    final String publisher;

    private GuideJar(String symbolicName, String version, String publisher) {
        this.symbolicName = symbolicName;
        this.version = version;
        this.publisher = publisher;
    }

    /** @throws IllegalArgumentException with every reason, in Spanish */
    static GuideJar inspect(byte[] content) {
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> entries = new HashMap<>();
        Manifest manifest;
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(content))) {
            manifest = jar.getManifest();
            for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                String name = entry.getName();
                if (name.endsWith(".class")) {
                    problems.add("contiene código (" + name + "): un bundle de guía solo lleva contenido");
                } else if (!entry.isDirectory()) {
                    entries.put(name, jar.readNBytes(5 * 1024 * 1024));
                }
            }
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("El archivo no es un jar legible: " + e.getMessage());
        }
        if (manifest == null) {
            throw new IllegalArgumentException("El jar no tiene META-INF/MANIFEST.MF");
        }
        Attributes main = manifest.getMainAttributes();
        String symbolicName = main.getValue("Bundle-SymbolicName");
        String version = main.getValue("Bundle-Version");
        String descriptor = main.getValue("CTE-Guide");
        if (!"2".equals(main.getValue("Bundle-ManifestVersion"))) {
            problems.add("el manifiesto debe decir Bundle-ManifestVersion: 2");
        }
        if (symbolicName == null || symbolicName.isBlank()) {
            problems.add("falta Bundle-SymbolicName en el manifiesto");
        }
        if (version == null || !version.strip().matches("\\d+(\\.\\d+){0,2}(\\.[\\w-]+)?")) {
            problems.add("falta Bundle-Version en el manifiesto, o no es una versión como 1.0.0");
        }
        for (String header : FORBIDDEN_HEADERS) {
            if (main.getValue(header) != null) {
                problems.add("el manifiesto declara " + header + ": un bundle de guía no importa, exporta ni ejecuta"
                        + " nada");
            }
        }
        String publisher = null;
        if (descriptor == null || descriptor.isBlank()) {
            problems.add("falta el encabezado CTE-Guide que nombra el descriptor, p. ej. CTE-Guide: guide/guide.json");
        } else if (!entries.containsKey(descriptor.strip())) {
            problems.add("CTE-Guide nombra " + descriptor.strip() + ", que no está en el jar");
        } else {
            publisher = publisherOf(entries.get(descriptor.strip()), problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new GuideJar(symbolicName.strip().split(";")[0], version.strip(), publisher);
    }

    private static String publisherOf(byte[] descriptor, List<String> problems) {
        try {
            JsonElement json = JsonParser.parseString(new String(descriptor, StandardCharsets.UTF_8));
            JsonObject id = json.isJsonObject() && json.getAsJsonObject().get("id") instanceof JsonObject object
                    ? object : null;
            if (id != null && id.get("publisher") != null && id.get("publisher").isJsonPrimitive()) {
                return id.get("publisher").getAsString();
            }
            problems.add("el descriptor no dice para quién es la guía ($.id.publisher)");
        } catch (JsonParseException e) {
            problems.add("el descriptor no es JSON válido: " + e.getMessage());
        }
        return null;
    }
}
