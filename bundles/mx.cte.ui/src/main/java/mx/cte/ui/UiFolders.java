package mx.cte.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files the browser runs, and the version of each set: the shell's own {@code /ui} folder, and the
 * {@code /ui-editor} folder of every active module bundle (the editors a module brings, docs/adr/0001-web-ui.md).
 * A version is a hash of the folder's content, so a file's address can carry it and the browser can keep the file
 * for good: a changed file is a new address.
 */
@Component(service = UiFolders.class)
public final class UiFolders {

    static final String SHELL_FOLDER = "ui";
    static final String EDITOR_FOLDER = "ui-editor";

    private final BundleContext context;
    private final String shellVersion;
    /** The shell's script modules the page names by {@code modulepreload}: fixed while this bundle runs. */
    private final List<String> shellModules;
    /**
     * Per bundle id: the version of its editors and their script modules, with the bundle's last-modified time they
     * were read for (every page asks; the bundle's files are read again only when it changed).
     */
    private final Map<Long, Versioned> editors = new ConcurrentHashMap<>();

    private record Versioned(long lastModified, String version, List<String> modules,
            Map<String, List<String>> firstReads) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(UiFolders.class);

    @Activate
    public UiFolders(BundleContext context) {
        this.context = context;
        List<URL> shellFiles = files(context.getBundle(), SHELL_FOLDER);
        this.shellVersion = version(shellFiles);
        this.shellModules = modulesAskedFor(shellFiles, SHELL_FOLDER).stream()
                .filter(m -> !NAMED_BY_THE_PAGE.contains(m)).toList();
    }

    String shellVersion() {
        return shellVersion;
    }

    /** A file of the shell by its path under {@code /ui}, if it is there. */
    Optional<URL> shellFile(String path) {
        return Optional.ofNullable(context.getBundle().getEntry(SHELL_FOLDER + "/" + path));
    }

    /**
     * Where each product type's editor is, as {@code {bundle}/{versión}} below {@code /ui/editores/}, and the modules
     * of each: read from the resource registrations a module makes for its editors ({@code /ui/modulos/{tipo}/*} with
     * prefix {@code /ui-editor}), so every type of one module shares one address and the browser fetches its files
     * once.
     */
    Editors editors() {
        Map<String, String> byType = new TreeMap<>();
        Map<String, List<String>> modules = new TreeMap<>();
        Map<String, List<String>> panels = new TreeMap<>();
        Map<String, Map<String, List<String>>> firstReads = new TreeMap<>();
        ServiceReference<?>[] resources;
        try {
            resources = context.getAllServiceReferences(null,
                    "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX + "=/" + EDITOR_FOLDER + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("The filter is a constant", e);
        }
        for (ServiceReference<?> resource : resources == null ? new ServiceReference<?>[0] : resources) {
            Bundle bundle = resource.getBundle();
            if (bundle == null || bundle.getState() != Bundle.ACTIVE || !bringsEditors(bundle)) {
                continue;
            }
            Versioned editorFiles = editorFiles(bundle);
            String where = bundle.getSymbolicName() + "/" + editorFiles.version();
            modules.put(where, editorFiles.modules());
            if (!editorFiles.firstReads().isEmpty()) {
                firstReads.put(where, editorFiles.firstReads());
            }
            for (String pattern : patterns(resource.getProperty(
                    HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN))) {
                Matcher type = TYPE_PATTERN.matcher(pattern);
                if (type.matches()) {
                    byType.put(type.group(1), where);
                } else {
                    panelPlace(pattern).ifPresent(place -> panels.computeIfAbsent(place, p -> new ArrayList<>())
                            .add(where));
                }
            }
        }
        panels.values().forEach(Collections::sort);
        return new Editors(byType, modules, panels, firstReads);
    }

    /**
     * Where each product type's editor is ({@code {bundle}/{versión}}), the script modules at each place (so the
     * page can ask for a module's files at once instead of one import after another), the modules that add a panel
     * to each home, and per place the reads its editors start with, by type ({@link FirstReads}).
     */
    record Editors(Map<String, String> byType, Map<String, List<String>> modules, Map<String, List<String>> panels,
            Map<String, Map<String, List<String>>> firstReads) {
    }

    /** The shell's script modules the page does not name itself, so that it asks for them with those it names. */
    List<String> shellModules() {
        return shellModules;
    }

    private static final List<String> NAMED_BY_THE_PAGE = List.of("app.js", "inicio.js");

    /**
     * Of a folder's file paths, the script modules a screen asks for at once: not the libraries under {@code lib/}
     * (loaded by the script that draws with them), nor a module's home panels under {@code paneles/} (loaded on the
     * homes only, never on the session screen, where they would only take the slow link's bandwidth).
     */
    static List<String> modulesAskedFor(List<URL> files, String folder) {
        String prefix = "/" + folder + "/";
        return files.stream().map(URL::getPath).filter(p -> p.endsWith(".js") && p.startsWith(prefix))
                .map(p -> p.substring(prefix.length())).filter(p -> !p.startsWith("lib/") && !p.startsWith("paneles/"))
                .sorted().toList();
    }

    private static final Pattern TYPE_PATTERN = Pattern.compile("/ui/modulos/([a-z0-9-]+)/\\*");
    /**
     * A panel a module adds to a home: {@code zona} (supervisor), {@code entidad} (state), {@code escuela}; written
     * {@code /ui/paneles/{lugar}/{bundle}/*} so no two bundles register the same pattern (Pax Web would leave the second
     * registration waiting, with its editors' addresses), or {@code /ui/paneles/{lugar}/*} by a module of before.
     */
    private static final Pattern PANEL_PATTERN = Pattern.compile("/ui/paneles/([a-z0-9-]+)/(?:[A-Za-z0-9._-]+/)?\\*");

    /** The home a resource pattern adds a panel to, if it is a panel's. */
    static Optional<String> panelPlace(String pattern) {
        Matcher panel = PANEL_PATTERN.matcher(pattern);
        return panel.matches() ? Optional.of(panel.group(1)) : Optional.empty();
    }

    private static List<String> patterns(Object property) {
        if (property instanceof String pattern) {
            return List.of(pattern);
        }
        if (property instanceof String[] patterns) {
            return List.of(patterns);
        }
        return List.of();
    }

    /** The active bundle of that symbolic name that brings editors, with their current version. */
    Optional<Map.Entry<Bundle, String>> editorBundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.ACTIVE && symbolicName.equals(bundle.getSymbolicName())
                    && bringsEditors(bundle)) {
                return Optional.of(Map.entry(bundle, editorFiles(bundle).version()));
            }
        }
        return Optional.empty();
    }

    /** A module brings editors when it has the entry point the session screen loads (a jar may list no folders). */
    private static boolean bringsEditors(Bundle bundle) {
        return bundle.getEntry(EDITOR_FOLDER + "/editor.js") != null;
    }

    private Versioned editorFiles(Bundle bundle) {
        // An update in place keeps the bundle's id and changes its last-modified time.
        return editors.compute(bundle.getBundleId(), (id, known) -> known != null
                && known.lastModified() == bundle.getLastModified() ? known : read(bundle));
    }

    private static Versioned read(Bundle bundle) {
        List<URL> files = files(bundle, EDITOR_FOLDER);
        return new Versioned(bundle.getLastModified(), version(files), modulesAskedFor(files, EDITOR_FOLDER),
                firstReadsOf(bundle));
    }

    private static Map<String, List<String>> firstReadsOf(Bundle bundle) {
        URL declared = bundle.getEntry(EDITOR_FOLDER + "/" + FirstReads.FILE);
        if (declared == null) {
            return Map.of();
        }
        try (InputStream in = declared.openStream()) {
            return FirstReads.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), problem -> LOG.warn(
                    "Bundle {}: {}; its editors start without that read", bundle.getSymbolicName(), problem));
        } catch (IOException e) {
            LOG.warn("Bundle {}: {} could not be read ({}); its editors start without their first reads",
                    bundle.getSymbolicName(), FirstReads.FILE, e.toString());
            return Map.of();
        }
    }

    private static List<URL> files(Bundle bundle, String folder) {
        List<URL> files = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(folder, "*", true);
        if (entries != null) {
            files.addAll(Collections.list(entries));
        }
        return files;
    }

    /** The first 16 hex digits of a SHA-256 over the files' paths and content, in the order of their paths. */
    static String version(List<URL> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<URL> sorted = new ArrayList<>(files);
            sorted.sort(Comparator.comparing(URL::getPath));
            for (URL file : sorted) {
                sha.update(file.getPath().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.openStream()) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
