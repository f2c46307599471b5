package mx.cte.guide.publishing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import mx.cte.cluster.api.Cluster;
import mx.cte.cluster.api.SharedEntry;
import mx.cte.cluster.api.SharedStateListener;
import mx.cte.core.api.text.LogText;
import mx.cte.core.http.ProblemException;
import mx.cte.guide.api.EditionChoice;
import mx.cte.guide.api.GuideActivationException;
import mx.cte.guide.api.GuideAdministration;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guides of the installation as the shared desired state (kind {@value #KIND}): the guide bundles uploaded through
 * the API (with their jar and signature), the editions activated and the older editions allowed. What a publisher
 * does on one node is recorded here and every node applies it, each checking the signature again with its own keys;
 * an uploaded guide bundle uninstalled on a node by other means (the shell, a revoked key) is removed for all. On
 * several nodes, a signed guide jar copied into one node's {@code deploy/} folder is shared like an upload.
 */
@Component(service = {GuideAdministration.class, SharedStateListener.class, SharedGuides.class},
        property = SharedStateListener.KIND + "=" + SharedGuides.KIND)
public final class SharedGuides implements GuideAdministration, SharedStateListener, BundleListener {

    private static final Logger LOG = LoggerFactory.getLogger(SharedGuides.class);
    static final String KIND = "guias";
    static final String UPLOADED = "bundle:";
    static final String ACTIVE = "activa:";
    static final String OLDER_ALLOWED = "anterior:";

    private final GuideRegistry registry;
    private final GuideBundleInstalls installs;
    private final Cluster cluster;
    private final BundleContext context;
    /** Local uploads already reported as missing from the shared state: said once, not at every pass. */
    private final Set<String> reportedUnshared = ConcurrentHashMap.newKeySet();
    /** Shared uploads this node refused, by key and revision: tried again only when the entry changes. */
    private final Map<String, Long> refusedRevisions = new ConcurrentHashMap<>();
    /** Where Karaf's deployer installs jars from. */
    private final Path deployFolder = Path.of(System.getProperty("karaf.base", "."), "deploy").toAbsolutePath()
            .normalize();
    /** Guide bundles this node shared from its deploy/ folder, by bundle id: what an update or a removal replaces. */
    private final Map<Long, String> deployedKeys = new ConcurrentHashMap<>();
    /**
     * Held while this node changes its guides and records the change (an upload, a removal, an activation) and while
     * it applies the shared state: a pass never acts on entries read before a change on this node was recorded (it
     * once uninstalled a guide published a moment before, because the entry it held still said "removed").
     */
    private final Object changing = new Object();

    @Activate
    public SharedGuides(@Reference GuideRegistry registry, @Reference GuideBundleInstalls installs,
            @Reference Cluster cluster, BundleContext context) {
        this.registry = registry;
        this.installs = installs;
        this.cluster = cluster;
        this.context = context;
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    /**
     * Installs an uploaded guide bundle on this node and records it, so that every node installs it.
     *
     * @throws ProblemException as {@link GuideBundleInstalls#install} does; then nothing is recorded
     */
    GuideEdition publish(GuideJar jar, byte[] content, byte[] signature) {
        synchronized (changing) {
            GuideEdition edition = installs.install(jar, content, signature);
            uploaded(jar, content, signature);
            return edition;
        }
    }

    /** Uninstalls an uploaded guide bundle on this node and records it, so that every node uninstalls it. */
    void remove(Bundle bundle) {
        synchronized (changing) {
            GuideBundleInstalls.uninstall(bundle);
            GuideBundleInstalls.key(bundle).ifPresent(this::removed);
        }
    }

    private void uploaded(GuideJar jar, byte[] content, byte[] signature) {
        cluster.put(KIND, UPLOADED + GuideBundleInstalls.key(jar), Base64.getEncoder().encodeToString(signature),
                content);
    }

    private void removed(String bundleKey) {
        cluster.remove(KIND, UPLOADED + bundleKey);
    }

    @Override
    public GuideEdition activate(GuideId id, String version) throws GuideActivationException {
        synchronized (changing) {
            GuideEdition edition = registry.activate(id, version);
            cluster.put(KIND, ACTIVE + id.key(), version, null);
            return edition;
        }
    }

    @Override
    public void allowOlderEdition(GuideId id, String version) {
        synchronized (changing) {
            registry.allowOlderEdition(id, version);
            cluster.put(KIND, OLDER_ALLOWED + id.key() + " " + version, version, null);
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (event.getType() == BundleEvent.INSTALLED || event.getType() == BundleEvent.UPDATED) {
            shareIfDeployed(bundle);
            return;
        }
        if (event.getType() == BundleEvent.UNINSTALLED) {
            synchronized (changing) {
                shareUninstall(bundle);
            }
        }
    }

    /** An uploaded guide bundle uninstalled here by other means than the API (the shell, a revoked key). */
    private void shareUninstall(Bundle bundle) {
        String deployed = deployedKeys.remove(bundle.getBundleId());
        if (deployed == null && inDeployFolder(bundle.getLocation())) {
            deployed = bundle.getSymbolicName() + "/" + bundle.getVersion(); // shared before this node restarted
        }
        Optional<String> key = deployed != null ? Optional.of(deployed) : GuideBundleInstalls.key(bundle);
        if (key.isEmpty() || installs.refusedHere(bundle.getBundleId())) {
            return;
        }
        // Events arrive late: the same edition may have been published again since (a removal through the API and
        // a new upload of it), and that one stays.
        if (installedWithKey(key.get())) {
            return;
        }
        boolean shared = cluster.entries(KIND).stream()
                .anyMatch(e -> e.key().equals(UPLOADED + key.get()) && !e.removed());
        if (shared) {
            LOG.info("Guide bundle {} was uninstalled on node {}: removed on every node", key.get(),
                    cluster.nodeName());
            removed(key.get());
        }
    }

    /**
     * A guide jar copied with its signature into {@code deploy/} of one node is shared like an upload, once its
     * signature is checked here: every node installs it, and deleting the file (which uninstalls the bundle) removes
     * it from every node. A jar replaced there by a new edition replaces the shared one.
     */
    private void shareIfDeployed(Bundle bundle) {
        Path jarFile = cluster.clustered() ? deployedJar(bundle.getLocation()) : null;
        if (jarFile == null) {
            return;
        }
        Path signatureFile = jarFile.resolveSibling(jarFile.getFileName() + ".asc");
        try {
            if (!Files.isRegularFile(signatureFile)) {
                return; // the registry refuses it, saying the signature is missing
            }
            byte[] content = Files.readAllBytes(jarFile);
            byte[] signature = Files.readAllBytes(signatureFile);
            GuideJar jar = GuideJar.inspect(content);
            if (!installs.signedByItsPublisher(jar, content, signature)) {
                return;
            }
            String key = GuideBundleInstalls.key(jar);
            String before = deployedKeys.put(bundle.getBundleId(), key);
            if (before != null && !before.equals(key)) {
                removed(before);
            }
            boolean shared = cluster.entries(KIND).stream()
                    .anyMatch(e -> e.key().equals(UPLOADED + key) && !e.removed());
            if (!shared) {
                LOG.info("Guide bundle {} copied to deploy/ on node {}: installed on every node", key,
                        cluster.nodeName());
                uploaded(jar, content, signature);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("Bundle {} in deploy/ is not a guide to share: {}", bundle.getLocation(), e.getMessage());
        }
    }

    /** The jar in this node's {@code deploy/} folder a bundle was installed from, or null. */
    private Path deployedJar(String location) {
        Path jar = fileOf(location);
        return jar != null && jar.startsWith(deployFolder) && Files.isRegularFile(jar) ? jar : null;
    }

    private boolean inDeployFolder(String location) {
        Path jar = fileOf(location);
        return jar != null && jar.startsWith(deployFolder);
    }

    private static Path fileOf(String location) {
        if (location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            return Path.of(URI.create(location)).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    private boolean installedWithKey(String key) {
        for (Bundle installed : context.getBundles()) {
            if (installed.getState() != Bundle.UNINSTALLED && (GuideBundleInstalls.key(installed).filter(key::equals)
                    .isPresent() || key.equals(deployedKeys.get(installed.getBundleId())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Older editions first (an upload may need one), then the uploads, then the choices (which need the editions).
     * The entries are read again once no change on this node is half done: those handed over may be older than an
     * upload this node installed meanwhile, and would uninstall it.
     */
    @Override
    public void reconcile(List<SharedEntry> handedOver) {
        synchronized (changing) {
            apply(cluster.entries(KIND));
        }
    }

    private void apply(List<SharedEntry> entries) {
        for (SharedEntry entry : entries) {
            if (entry.key().startsWith(OLDER_ALLOWED) && !entry.removed()) {
                allowOlder(entry);
            }
        }
        Map<String, Bundle> local = new HashMap<>();
        Map<String, Bundle> present = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            GuideBundleInstalls.key(bundle).ifPresent(key -> local.put(key, bundle));
            // A shared guide this node has from its own deploy/ folder is there already, under another location.
            present.put(bundle.getSymbolicName() + "/" + bundle.getVersion(), bundle);
        }
        present.putAll(local);
        Set<String> shared = new java.util.HashSet<>();
        List<String> notYetInstalled = new java.util.ArrayList<>();
        for (SharedEntry entry : entries) {
            if (entry.key().startsWith(UPLOADED)) {
                String key = entry.key().substring(UPLOADED.length());
                shared.add(key);
                if (!applyUpload(entry, key, present.get(key))) {
                    notYetInstalled.add(key);
                }
            }
        }
        for (String key : local.keySet()) {
            if (!shared.contains(key) && reportedUnshared.add(key)) {
                LOG.warn("Guide bundle {} was uploaded to node {} before it shared its guides: the other nodes do not"
                        + " have it; upload it again to give it to every node", key, cluster.nodeName());
            }
        }
        for (SharedEntry entry : entries) {
            if (entry.key().startsWith(ACTIVE) && !entry.removed()) {
                applyChoice(entry);
            }
        }
        if (!notYetInstalled.isEmpty()) {
            // Said to the cluster service, which keeps a starting node out of the balancer and calls again.
            throw new IllegalStateException("Guide bundles not installed on node " + cluster.nodeName() + " yet: "
                    + notYetInstalled);
        }
    }

    private void allowOlder(SharedEntry entry) {
        String[] parts = entry.key().substring(OLDER_ALLOWED.length()).split(" ", 2);
        try {
            registry.allowOlderEdition(GuideId.parse(parts[0]), parts[1]);
        } catch (RuntimeException e) {
            LOG.error("Shared entry {} could not be applied on node {}: {}", entry.key(), cluster.nodeName(),
                    e.getMessage());
        }
    }

    /** False when the upload could not be installed for a reason that may pass (not a refusal): tried again. */
    private boolean applyUpload(SharedEntry entry, String key, Bundle installed) {
        if (entry.removed()) {
            if (installed != null) {
                LOG.info("Guide bundle {} removed on node {}: uninstalling it here", key, entry.node());
                GuideBundleInstalls.uninstall(installed);
            }
            return true;
        }
        if (installed != null || Long.valueOf(entry.revision()).equals(refusedRevisions.get(key))) {
            return true;
        }
        Optional<byte[]> content = cluster.content(KIND, entry.key());
        if (content.isEmpty()) {
            return true;
        }
        try {
            GuideJar jar = GuideJar.inspect(content.get());
            GuideEdition edition = installs.install(jar, content.get(), Base64.getDecoder().decode(entry.value()));
            LOG.info("Guide {} {} installed on node {} as on node {}", edition.key(), edition.version(),
                    cluster.nodeName(), entry.node());
            refusedRevisions.remove(key);
        } catch (ProblemException e) {
            refusedRevisions.put(key, entry.revision());
            LOG.error("Guide bundle {}, installed on node {}, is refused on node {}: {} ({})", key, entry.node(),
                    cluster.nodeName(), e.detail(), e.title());
        } catch (RuntimeException e) {
            LOG.error("Guide bundle {} could not be installed on node {}; tried again at the next pass", key,
                    cluster.nodeName(), e);
            return false;
        }
        return true;
    }

    private void applyChoice(SharedEntry entry) {
        String guide = entry.key().substring(ACTIVE.length());
        try {
            GuideId id = GuideId.parse(guide);
            Optional<EditionChoice> choice = registry.choice(id);
            if (choice.isPresent() && entry.value().equals(choice.get().chosenVersion())) {
                return;
            }
            registry.activate(id, entry.value());
            LOG.info("Guide {}: edition {} active on node {} as chosen on node {}", guide, entry.value(),
                    cluster.nodeName(), entry.node());
        } catch (GuideActivationException | RuntimeException e) {
            LOG.warn("Guide {}: edition {}, chosen on node {}, cannot be activated on node {} yet: {}",
                    LogText.of(guide), entry.value(), entry.node(), cluster.nodeName(), e.getMessage());
        }
    }
}
