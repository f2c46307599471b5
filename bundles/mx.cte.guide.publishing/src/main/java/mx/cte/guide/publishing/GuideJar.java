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
import mx.cte.content.guard.ContentBundles;

/**
 * An uploaded guide bundle, checked before anything is installed: both views of the zip must agree (the framework
 * reads the central directory, this check reads front to back), it must be content only by the rules of
 * {@link ContentBundles} (no classes, imports, exports, activator, components or native code, which could wire it to
 * other bundles or run code), name its descriptor in {@code CTE-Guide}, and say which publisher the guide is for.
 */
final class GuideJar {

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
        List<String> disagreements = ContentBundles.archiveProblems(content);
        if (!disagreements.isEmpty()) {
            throw new IllegalArgumentException("El archivo no es un jar válido o se lee distinto según el lector: "
                    + String.join("; ", disagreements));
        }
        List<String> names = new ArrayList<>();
        Map<String, byte[]> entries = new HashMap<>();
        Manifest manifest;
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(content))) {
            manifest = jar.getManifest();
            for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                names.add(entry.getName());
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), jar.readNBytes(5 * 1024 * 1024));
                }
            }
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("El archivo no es un jar legible: " + e.getMessage());
        }
        if (manifest == null) {
            throw new IllegalArgumentException("El jar no tiene META-INF/MANIFEST.MF");
        }
        Attributes main = manifest.getMainAttributes();
        Map<String, String> headers = new HashMap<>();
        main.forEach((name, value) -> headers.put(name.toString(), String.valueOf(value)));
        List<String> problems = new ArrayList<>(ContentBundles.problems(headers, names));
        String symbolicName = main.getValue("Bundle-SymbolicName");
        String version = main.getValue("Bundle-Version");
        String descriptor = main.getValue(ContentBundles.GUIDE_HEADER);
        if (!"2".equals(main.getValue("Bundle-ManifestVersion"))) {
            problems.add("el manifiesto debe decir Bundle-ManifestVersion: 2");
        }
        if (symbolicName == null || symbolicName.isBlank()) {
            problems.add("falta Bundle-SymbolicName en el manifiesto");
        }
        if (version == null || !version.strip().matches("\\d+(\\.\\d+){0,2}(\\.[\\w-]+)?")) {
            problems.add("falta Bundle-Version en el manifiesto, o no es una versión como 1.0.0");
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
            // A guide says whose it is in its id; a state's overlay of another publisher's guide, in its publisher.
            String member = json.isJsonObject() && json.getAsJsonObject().has("base") ? "publisher" : "id";
            String field = member.equals("id") ? "publisher" : "code";
            JsonObject owner = json.isJsonObject() && json.getAsJsonObject().get(member) instanceof JsonObject object
                    ? object : null;
            if (owner != null && owner.get(field) != null && owner.get(field).isJsonPrimitive()) {
                return owner.get(field).getAsString();
            }
            problems.add("el descriptor no dice para quién es la guía ($." + member + "." + field + ")");
        } catch (JsonParseException e) {
            problems.add("el descriptor no es JSON válido: " + e.getMessage());
        }
        return null;
    }
}
