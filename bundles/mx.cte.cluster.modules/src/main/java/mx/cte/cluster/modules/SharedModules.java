package mx.cte.cluster.modules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mx.cte.cluster.api.Cluster;
import mx.cte.cluster.api.SharedEntry;
import mx.cte.cluster.api.SharedStateListener;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.RepositoryEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's features (named {@code cte-…}) as the installation's desired state, kind {@value #KIND}: one an
 * administrator installs on a node (the shell's {@code feature:install}, or any other way) is installed on every node,
 * one uninstalled is uninstalled on every node, and a node that was down, or starts from a clean cache with the
 * distribution's boot features, is brought to the same state. Only when several nodes share the database; a node
 * alone keeps Karaf's own behaviour. Updating a module's bundles in place is not a feature change and stays on the
 * node where it is done, so that a module can be updated one node at a time.
 */
@Component(service = SharedStateListener.class, property = SharedStateListener.KIND + "=" + SharedModules.KIND)
public final class SharedModules implements SharedStateListener, FeaturesListener {

    private static final Logger LOG = LoggerFactory.getLogger(SharedModules.class);
    static final String KIND = "modulos";
    static final String PREFIX = "cte-";

    private final FeaturesService features;
    private final Cluster cluster;
    /** Feature changes run here, one at a time, never on the cluster's watcher thread: they take seconds. */
    private final Executor applying;
    /** A pass is waiting to run: passes that pile up while a feature installs collapse into one. */
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Features this node is changing to follow the shared state: their events are not recorded again. */
    private final Set<String> following = ConcurrentHashMap.newKeySet();
    /** Events before the node first caught up come from its own start (its boot features), not from an administrator. */
    private volatile boolean caughtUp;

    @Activate
    public SharedModules(@Reference FeaturesService features, @Reference Cluster cluster,
            @Reference BootFinished booted) {
        this(features, cluster, Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "cte-shared-modules");
            thread.setDaemon(true);
            return thread;
        }));
    }

    SharedModules(FeaturesService features, Cluster cluster, Executor applying) {
        this.features = features;
        this.cluster = cluster;
        this.applying = applying;
        if (cluster.clustered()) {
            features.registerListener(this);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        features.unregisterListener(this);
        if (applying instanceof ExecutorService service) {
            service.shutdownNow();
            service.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void featureEvent(FeatureEvent event) {
        Feature feature = event.getFeature();
        if (!cluster.clustered() || !caughtUp || event.isReplay() || !feature.getName().startsWith(PREFIX)
                || following.contains(feature.getName())) {
            return;
        }
        Optional<SharedEntry> desired = desired(feature.getName());
        if (event.getType() == FeatureEvent.EventType.FeatureInstalled) {
            if (desired.isEmpty() || desired.get().removed() || !desired.get().value().equals(feature.getVersion())) {
                LOG.info("Feature {} {} installed on node {}: installed on every node", feature.getName(),
                        feature.getVersion(), cluster.nodeName());
                cluster.put(KIND, feature.getName(), feature.getVersion(), null);
            }
        } else if (event.getType() == FeatureEvent.EventType.FeatureUninstalled && desired.map(e -> !e.removed())
                .orElse(true) && !installedAnyVersion(feature.getName())) {
            LOG.info("Feature {} uninstalled on node {}: uninstalled on every node", feature.getName(),
                    cluster.nodeName());
            cluster.remove(KIND, feature.getName());
        }
    }

    @Override
    public void repositoryEvent(RepositoryEvent event) {
        // Repositories come with the distribution on every node.
    }

    @Override
    public void reconcile(List<SharedEntry> entries) {
        if (!cluster.clustered()) {
            caughtUp = true;
            return;
        }
        if (!pending.getAndSet(true)) {
            applying.execute(this::applyPending);
        }
        // Health waits for this call only; what it asks is installed in the background, like a module hot-swapped.
        caughtUp = true;
    }

    /**
     * Reads the shared state when the pass runs, not when it was asked for: a pass queued behind a feature that takes
     * seconds to install would otherwise undo what an administrator installed here meanwhile.
     */
    private void applyPending() {
        if (!pending.getAndSet(false)) {
            return;
        }
        for (SharedEntry entry : cluster.entries(KIND)) {
            try {
                apply(entry);
            } catch (Exception e) {
                LOG.error("Feature {} {} as node {} left it: not applied on node {} ({}); tried again at the next"
                        + " pass", entry.key(), entry.removed() ? "uninstalled" : entry.value(), entry.node(),
                        cluster.nodeName(), e.getMessage());
            }
        }
    }

    private void apply(SharedEntry entry) throws Exception {
        String name = entry.key();
        if (!name.startsWith(PREFIX)) {
            return;
        }
        following.add(name);
        try {
            if (entry.removed()) {
                List<Feature> installed = installedVersions(name);
                // Read again just before: an administrator may have installed it here since this pass read the state.
                if (!installed.isEmpty() && desired(name).map(SharedEntry::removed).orElse(false)) {
                    LOG.info("Feature {} was uninstalled on node {}: uninstalling it on node {}", name, entry.node(),
                            cluster.nodeName());
                    for (Feature feature : installed) {
                        features.uninstallFeature(name, feature.getVersion());
                    }
                }
            } else if (!installed(name, entry.value())) {
                LOG.info("Feature {} {} was installed on node {}: installing it on node {}", name, entry.value(),
                        entry.node(), cluster.nodeName());
                features.installFeature(name, entry.value(), EnumSet.noneOf(FeaturesService.Option.class));
            }
        } finally {
            following.remove(name);
        }
    }

    private Optional<SharedEntry> desired(String name) {
        return cluster.entries(KIND).stream().filter(e -> e.key().equals(name)).findFirst();
    }

    private boolean installed(String name, String version) throws Exception {
        Feature feature = features.getFeature(name, version);
        return feature != null && features.isInstalled(feature) && features.isRequired(feature);
    }

    /** Whether some version of the feature is still installed on purpose; when unknown, yes (nothing is removed). */
    private boolean installedAnyVersion(String name) {
        try {
            return !installedVersions(name).isEmpty();
        } catch (Exception e) {
            LOG.warn("The installed features could not be listed: {}", e.getMessage());
            return true;
        }
    }

    /** The versions of the feature installed on purpose, not only as another's dependency. */
    private List<Feature> installedVersions(String name) throws Exception {
        List<Feature> versions = new ArrayList<>();
        for (Feature installed : features.listInstalledFeatures()) {
            if (installed.getName().equals(name) && features.isRequired(installed)) {
                versions.add(installed);
            }
        }
        return versions;
    }
}
