package mx.cte.guide.publishing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import mx.cte.cluster.api.Cluster;
import mx.cte.cluster.api.SharedEntry;
import mx.cte.core.http.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example guides the demo distribution brings (its {@code demo/guias/} folder: signed jars, each with its
 * {@code .asc}), published as a publisher would upload them, so that the demo shows a session of the later shape and
 * the products such a guide lays out. Once per installation: an edition published before, or removed since by an
 * administrator, is left as it is. Only when configured ({@code etc/mx.cte.guides.demo.cfg}).
 */
@Component(configurationPid = "mx.cte.guides.demo", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
public final class GuidesDemo {

    private static final Logger LOG = LoggerFactory.getLogger(GuidesDemo.class);
    static final String JOB = "guias-demo";

    public @interface Config {
        /** Publish the demo folder's guides that were never published here. */
        boolean enabled() default false;

        /** The folder, relative to Karaf's base unless absolute. */
        String folder() default "demo/guias";
    }

    /** How an upload is installed and recorded for every node ({@link SharedGuides#publish}). */
    interface Publishing {
        void publish(GuideJar jar, byte[] content, byte[] signature);
    }

    private final Thread publishing;

    @Activate
    public GuidesDemo(@Reference SharedGuides shared, @Reference Cluster cluster, Config config) {
        if (!config.enabled()) {
            publishing = null;
            return;
        }
        Path folder = Path.of(System.getProperty("karaf.base", ".")).resolve(config.folder());
        // Installing a bundle from the activating thread would hold up SCR: done beside it.
        publishing = new Thread(() -> {
            try {
                cluster.runAlone(JOB, () -> publishNew(shared::publish, cluster, folder));
            } catch (RuntimeException e) {
                LOG.error("Demo guides of {} not published", folder, e);
            }
        }, "cte-guides-demo");
        publishing.setDaemon(true);
        publishing.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (publishing != null) {
            publishing.join(30_000);
        }
    }

    /** Publishes each signed jar of the folder that this installation never had; says which it left and why. */
    static List<String> publishNew(Publishing shared, Cluster cluster, Path folder) {
        List<String> published = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            LOG.info("No demo guides: {} is not a folder", folder);
            return published;
        }
        Set<String> known = cluster.entries(SharedGuides.KIND).stream().map(SharedEntry::key)
                .filter(k -> k.startsWith(SharedGuides.UPLOADED))
                .map(k -> k.substring(SharedGuides.UPLOADED.length())).collect(Collectors.toSet());
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path jarFile : jars) {
                publishOne(shared, jarFile, known).ifPresent(published::add);
            }
        } catch (IOException e) {
            LOG.error("Demo guides: {} could not be read ({})", folder, e.getMessage());
        }
        return published;
    }

    private static Optional<String> publishOne(Publishing shared, Path jarFile, Set<String> known) {
        Path signatureFile = jarFile.resolveSibling(jarFile.getFileName() + ".asc");
        try {
            if (!Files.isRegularFile(signatureFile)) {
                LOG.error("Demo guide {} not published: its signature {} is missing", jarFile, signatureFile
                        .getFileName());
                return Optional.empty();
            }
            byte[] content = Files.readAllBytes(jarFile);
            GuideJar jar = GuideJar.inspect(content);
            String key = GuideBundleInstalls.key(jar);
            if (known.contains(key)) {
                LOG.debug("Demo guide {} was published here before (and may have been removed since): left", key);
                return Optional.empty();
            }
            shared.publish(jar, content, Files.readAllBytes(signatureFile));
            LOG.info("Demo guide {} published, as its publisher would upload it", key);
            return Optional.of(key);
        } catch (ProblemException e) {
            LOG.error("Demo guide {} refused: {} ({})", jarFile, e.detail(), e.title());
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("Demo guide {} not published: {}", jarFile, e.getMessage());
        }
        return Optional.empty();
    }
}
