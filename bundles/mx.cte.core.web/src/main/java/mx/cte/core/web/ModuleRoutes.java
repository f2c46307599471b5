package mx.cte.core.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which API paths each module serves, also after the module is gone and across restarts, so that a request
 * to a module being uninstalled, updated or reinstalled gets "503, module not available" instead of "404, no such
 * path". A module marks its servlets with the service properties {@value #MODULE} (its id) and {@value #TITLE} (its
 * name for users, in Spanish).
 */
final class ModuleRoutes {

    static final String MODULE = "cte.module";
    static final String TITLE = "cte.module.title";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleRoutes.class);

    /** A module's remembered paths and name. */
    record Module(String id, String title, List<String> patterns) {
    }

    private final Path file;
    private final Map<String, Module> known = new TreeMap<>();
    private final Map<String, Integer> present = new HashMap<>();
    /** The patterns registered right now, with how many servlets registered each. */
    private final Map<String, Integer> live = new HashMap<>();
    /** When each module's servlets last came or went ({@link System#nanoTime()}). */
    private final Map<String, Long> changed = new HashMap<>();
    /**
     * How long after a module's servlets came or went any path it ever served counts as in transition: the HTTP
     * service, the whiteboard and this class see a servlet come and go in no fixed order.
     */
    static final long SETTLING_NANOS = 10_000_000_000L;

    /**
     * A module path no servlet answered: {@code away} when the module has no servlet at all; otherwise its servlet is
     * registering or leaving (the HTTP service adds and removes servlets a moment after their services come and go).
     */
    record Unavailable(Module module, boolean away) {
    }

    ModuleRoutes(Path file) {
        this.file = file;
        load();
    }

    /** A servlet of a module came: its patterns are remembered. */
    synchronized void arrived(String id, String title, List<String> patterns) {
        present.merge(id, 1, Integer::sum);
        patterns.forEach(p -> live.merge(p, 1, Integer::sum));
        changed.put(id, System.nanoTime());
        Module before = known.get(id);
        List<String> all = new ArrayList<>(before == null ? List.of() : before.patterns());
        patterns.stream().filter(p -> !all.contains(p)).forEach(all::add);
        Module now = new Module(id, title == null || title.isBlank() ? id : title, List.copyOf(all));
        if (!now.equals(before)) {
            known.put(id, now);
            save();
        }
    }

    synchronized void left(String id, List<String> patterns) {
        present.computeIfPresent(id, (k, n) -> n > 1 ? n - 1 : null);
        patterns.forEach(p -> live.computeIfPresent(p, (k, n) -> n > 1 ? n - 1 : null));
        changed.put(id, System.nanoTime());
    }

    /**
     * The module that serves this path but did not answer it: one that is away (any path it ever served), or one
     * whose servlet for this path is registered but not yet, or no longer, routed to, or whose servlets came or went
     * in the last seconds. Past that, a pattern a present module no longer registers (an endpoint it dropped) is not
     * its path any more.
     */
    synchronized Optional<Unavailable> unavailableFor(String path) {
        long now = System.nanoTime();
        for (Module module : known.values()) {
            boolean away = !present.containsKey(module.id());
            boolean settling = now - changed.getOrDefault(module.id(), now - SETTLING_NANOS) < SETTLING_NANOS;
            if (module.patterns().stream().filter(p -> away || settling || live.containsKey(p))
                    .anyMatch(p -> matches(p, path))) {
                return Optional.of(new Unavailable(module, away));
            }
        }
        return Optional.empty();
    }

    /** Whiteboard servlet patterns: exact, or a prefix ending in {@code /*}. */
    static boolean matches(String pattern, String path) {
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        return pattern.equals(path);
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            LOG.warn("Could not read the remembered module routes from {}: {}", file, e.getMessage());
            return;
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.endsWith(".patterns")) {
                String id = key.substring(0, key.length() - ".patterns".length());
                known.put(id, new Module(id, properties.getProperty(id + ".title", id),
                        Arrays.asList(properties.getProperty(key).split(","))));
            }
        }
    }

    private void save() {
        Properties properties = new Properties();
        for (Module module : known.values()) {
            properties.setProperty(module.id() + ".title", module.title());
            properties.setProperty(module.id() + ".patterns", String.join(",", module.patterns()));
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(temporary)) {
                properties.store(out, "API paths of each module, remembered while the module is away");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save the module routes to {}: {}", file, e.getMessage());
        }
    }
}
