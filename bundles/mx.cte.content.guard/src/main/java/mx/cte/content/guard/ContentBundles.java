package mx.cte.content.guard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.osgi.framework.Bundle;

/**
 * The rules a content bundle (a guide bundle or a resource pack) obeys, so that installing one can never run code:
 * an allow-list of manifest headers and of entries, checked on what the OSGi framework reads (the zip's central
 * directory), and for a jar at hand, the agreement of its central directory with its local headers (a reader that
 * goes front to back, as {@code JarInputStream} does, must see the very same entries and bytes). Every reason is in
 * Spanish: it reaches the publisher who uploaded the jar and the audit log.
 */
public final class ContentBundles {

    /** Names the guide descriptor inside a guide bundle. */
    public static final String GUIDE_HEADER = "CTE-Guide";
    /** Names the pack descriptor inside a resource pack. */
    public static final String PACK_HEADER = "CTE-Resource-Pack";
    /** Location of bundles installed by the publishing API: content bundles whatever their manifest says. */
    public static final String UPLOAD_LOCATION_PREFIX = "cte-guide-upload:";

    /**
     * Manifest headers a content bundle may carry (compared without case, as the framework does): identification and
     * description only, and the CTE headers that name its descriptor.
     */
    public static final Set<String> ALLOWED_HEADERS = Set.of("manifest-version", "created-by", "built-by",
            "build-jdk", "build-jdk-spec", "bnd-lastmodified", "tool", "private-package", "bundle-manifestversion",
            "bundle-symbolicname", "bundle-version", "bundle-name", "bundle-description", "bundle-vendor",
            "bundle-copyright", "bundle-license", "bundle-docurl", "bundle-contactaddress", "bundle-category",
            "bundle-updatelocation", "bundle-icon", "bundle-scm", "bundle-developers", "bundle-contributors",
            "implementation-title", "implementation-version", "implementation-vendor", "specification-title",
            "specification-version", "specification-vendor", "cte-guide", "cte-resource-pack", "cte-platform-version");

    /** Kinds of content file a guide or pack may bring, by extension. */
    public static final Set<String> CONTENT_EXTENSIONS = Set.of("json", "txt", "md", "csv", "png", "jpg", "jpeg",
            "gif", "webp", "pdf");

    /** More entries than any guide has; bounds the work done on a hostile archive. */
    static final int MAX_ENTRIES = 5_000;
    /** Uncompressed bytes read when comparing both views of an archive; a zip bomb stops here. */
    static final long MAX_UNCOMPRESSED_BYTES = 100L * 1024 * 1024;

    private static final Map<String, String> CODE_HEADERS = Map.ofEntries(
            Map.entry("bundle-activator", "ejecutaría código al iniciar"),
            Map.entry("bundle-classpath", "cargaría clases de otra ruta"),
            Map.entry("import-package", "se conectaría al código de la plataforma"),
            Map.entry("dynamicimport-package", "se conectaría al código de la plataforma"),
            Map.entry("export-package", "ofrecería código a otros bundles"),
            Map.entry("require-bundle", "se conectaría al código de otro bundle"),
            Map.entry("require-capability", "pediría capacidades de código"),
            Map.entry("provide-capability", "ofrecería capacidades a otros bundles"),
            Map.entry("fragment-host", "se uniría al código de otro bundle"),
            Map.entry("bundle-nativecode", "cargaría código nativo"),
            Map.entry("service-component", "declararía componentes que se ejecutan"),
            Map.entry("spi-provider", "ofrecería servicios de código (SPI)"),
            Map.entry("spi-consumer", "usaría servicios de código (SPI)"),
            Map.entry("main-class", "declara una clase ejecutable"),
            Map.entry("premain-class", "declara un agente de Java"),
            Map.entry("launcher-agent-class", "declara un agente de Java"));

    private ContentBundles() {
    }

    /** Whether the framework must treat this bundle as content: it names a descriptor or came through publishing. */
    public static boolean isContentBundle(Function<String, String> header, String location) {
        return present(header.apply(GUIDE_HEADER)) || present(header.apply(PACK_HEADER))
                || (location != null && location.startsWith(UPLOAD_LOCATION_PREFIX));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * What is wrong with a content bundle with these manifest headers and entries (paths inside the jar, directories
     * ending in {@code /}); empty when it is content only.
     */
    public static List<String> problems(Map<String, String> headers, Collection<String> entries) {
        List<String> problems = new ArrayList<>();
        for (String header : new TreeMap<>(headers).keySet()) {
            String key = header.toLowerCase(Locale.ROOT);
            String why = CODE_HEADERS.get(key);
            if (why != null) {
                problems.add("el manifiesto declara " + header + ", con lo que " + why + ": un bundle de contenido"
                        + " no lleva código");
            } else if (!ALLOWED_HEADERS.contains(key)) {
                problems.add("el manifiesto declara " + header + ", que no está entre los encabezados admitidos en un"
                        + " bundle de contenido");
            }
        }
        if (entries.size() > MAX_ENTRIES) {
            problems.add("el jar tiene " + entries.size() + " entradas; un bundle de contenido no pasa de "
                    + MAX_ENTRIES);
            return problems;
        }
        for (String entry : entries) {
            String why = entryProblem(entry);
            if (why != null) {
                problems.add(entry + ": " + why);
            }
        }
        return problems;
    }

    /** Why this entry has no place in a content bundle, or null when it has. */
    static String entryProblem(String entry) {
        String name = entry.startsWith("/") ? entry.substring(1) : entry;
        if (name.contains("\\") || name.contains("\0") || List.of(name.split("/")).contains("..")) {
            return "la ruta no es válida dentro de un jar";
        }
        if (name.endsWith("/")) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("meta-inf/manifest.mf")) {
            return null;
        }
        if (lower.startsWith("meta-inf/maven/") && (lower.endsWith("/pom.xml") || lower.endsWith("/pom.properties"))) {
            return null;
        }
        if (lower.endsWith(".class")) {
            return "es código compilado; un bundle de contenido no lleva clases";
        }
        if (lower.endsWith(".jar") || lower.endsWith(".zip") || lower.endsWith(".war")) {
            return "es un archivo anidado; un bundle de contenido no lleva otros jar";
        }
        if (lower.startsWith("meta-inf/") || lower.startsWith("osgi-inf/") || lower.startsWith("osgi-opt/")) {
            return "esa carpeta es para código o firmas; un bundle de contenido no la usa";
        }
        int dot = lower.lastIndexOf('.');
        String extension = dot < 0 || dot < lower.lastIndexOf('/') ? "" : lower.substring(dot + 1);
        if (!CONTENT_EXTENSIONS.contains(extension)) {
            return "tipo de archivo no admitido (se admiten " + String.join(", ", CONTENT_EXTENSIONS.stream()
                    .sorted().toList()) + ")";
        }
        return null;
    }

    /** {@link #problems(Map, Collection)} of an installed bundle, as the framework reads it; never resolves it. */
    public static List<String> problems(Bundle bundle) {
        Map<String, String> headers = new HashMap<>();
        var raw = bundle.getHeaders("");
        for (Enumeration<String> keys = raw.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            headers.put(key, raw.get(key));
        }
        // getEntryPaths reads the bundle's own archive and, unlike findEntries, never tries to resolve the bundle.
        List<String> entries = new ArrayList<>();
        Deque<String> folders = new ArrayDeque<>(List.of("/"));
        while (!folders.isEmpty() && entries.size() <= MAX_ENTRIES) {
            Enumeration<String> children = bundle.getEntryPaths(folders.pop());
            while (children != null && children.hasMoreElements()) {
                String child = children.nextElement();
                entries.add(child);
                if (child.endsWith("/")) {
                    folders.push(child);
                }
            }
        }
        return problems(headers, entries);
    }

    /**
     * {@link #problems(Map, Collection)} of a jar not installed yet (a download, an upload), once both views of its
     * zip agree ({@link #archiveProblems(byte[])}); empty when it is a content bundle by the rules.
     */
    public static List<String> problems(byte[] jar) {
        List<String> problems = new ArrayList<>(archiveProblems(jar));
        if (!problems.isEmpty()) {
            return problems;
        }
        Map<String, String> headers = new HashMap<>();
        List<String> names = new ArrayList<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                return List.of("no tiene META-INF/MANIFEST.MF");
            }
            manifest.getMainAttributes().forEach((name, value) -> headers.put(name.toString(), String.valueOf(value)));
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                names.add(entry.getName());
            }
        } catch (IOException e) {
            return List.of("no es un jar legible: " + e.getMessage());
        }
        return problems(headers, names);
    }

    /**
     * What makes this jar read differently front to back (local headers) and from its central directory (what the
     * framework reads): an entry only one of them has, an entry listed twice, or different bytes under one name.
     * Empty when both agree.
     */
    public static List<String> archiveProblems(byte[] jar) {
        Path copy = null;
        try {
            copy = Files.createTempFile("cte-content-", ".jar");
            Files.write(copy, jar);
            return archiveProblems(copy, new ByteArrayInputStream(jar));
        } catch (IOException e) {
            return List.of("no se pudo revisar el jar: " + e.getMessage());
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** {@link #archiveProblems(byte[])} of a jar on disk. */
    public static List<String> archiveProblems(Path jar) {
        try (InputStream in = Files.newInputStream(jar)) {
            return archiveProblems(jar, in);
        } catch (IOException e) {
            return List.of("no se pudo leer el jar: " + e.getMessage());
        }
    }

    private static List<String> archiveProblems(Path file, InputStream frontToBack) {
        List<String> problems = new ArrayList<>();
        Map<String, String> local = new LinkedHashMap<>();
        Map<String, String> central = new LinkedHashMap<>();
        long[] budget = {MAX_UNCOMPRESSED_BYTES};
        try (ZipInputStream zip = new ZipInputStream(frontToBack)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (local.size() >= MAX_ENTRIES) {
                    return List.of("el jar tiene más de " + MAX_ENTRIES + " entradas");
                }
                if (local.put(entry.getName(), digest(zip, budget)) != null) {
                    problems.add(entry.getName() + ": aparece dos veces en el jar");
                }
            }
        } catch (ZipException | TooLarge e) {
            return List.of("el jar no se puede leer de principio a fin: " + e.getMessage());
        } catch (IOException e) {
            return List.of("no se pudo leer el jar: " + e.getMessage());
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                return List.of("el jar tiene más de " + MAX_ENTRIES + " entradas");
            }
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    if (central.put(entry.getName(), digest(in, budget)) != null) {
                        problems.add(entry.getName() + ": aparece dos veces en el directorio central del jar");
                    }
                }
            }
        } catch (ZipException | TooLarge e) {
            return List.of("el directorio central del jar no se puede leer: " + e.getMessage());
        } catch (IOException e) {
            return List.of("no se pudo leer el jar: " + e.getMessage());
        }
        for (Map.Entry<String, String> entry : central.entrySet()) {
            String front = local.get(entry.getKey());
            if (front == null) {
                problems.add(entry.getKey() + ": está en el directorio central del jar pero no en su contenido leído"
                        + " de principio a fin (una entrada oculta)");
            } else if (!front.equals(entry.getValue())) {
                problems.add(entry.getKey() + ": su contenido difiere según cómo se lea el jar");
            }
        }
        for (String name : local.keySet()) {
            if (!central.containsKey(name)) {
                problems.add(name + ": está en el contenido del jar pero falta en su directorio central");
            }
        }
        return problems;
    }

    private static String digest(InputStream in, long[] budget) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[8192];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            budget[0] -= read;
            if (budget[0] < 0) {
                throw new TooLarge();
            }
            sha.update(buffer, 0, read);
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** The archive expands to more than {@link #MAX_UNCOMPRESSED_BYTES}. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("descomprimido pasa de " + MAX_UNCOMPRESSED_BYTES / (1024 * 1024) + " MB");
        }
    }
}
