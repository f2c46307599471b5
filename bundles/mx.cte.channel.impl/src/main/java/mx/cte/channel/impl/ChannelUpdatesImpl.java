package mx.cte.channel.impl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import mx.cte.audit.api.AuditLog;
import mx.cte.channel.api.ChannelArtifact;
import mx.cte.channel.api.ChannelStatus;
import mx.cte.channel.api.ChannelUpdates;
import mx.cte.cluster.api.Cluster;
import mx.cte.cluster.api.SharedEntry;
import mx.cte.cluster.api.SharedStateListener;
import mx.cte.channel.api.InstallOutcome;
import mx.cte.content.guard.ContentBundles;
import mx.cte.core.api.tasks.BackgroundTasks;
import mx.cte.core.api.text.LogText;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.guide.api.RefusedGuide;
import mx.cte.trust.api.PublisherTrust;
import mx.cte.trust.api.TrustVerdict;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels an installation subscribes to, checked every {@code checkIntervalSeconds} (default daily) and on
 * demand. An index counts only if its publisher signed it, it has not expired (a frozen channel installs nothing) and
 * its version is not lower than the last one trusted (a replayed old index is refused). An artifact is downloaded to
 * {@code data/cte-channel/staging} (continuing a cut download), checked against the index's size and SHA-256, held
 * to the content rules and to its own publisher's signature, and only then installed from the verified bytes; the
 * guide registry then reads it as any other guide. What a channel installed and someone uninstalls (the shell, the
 * modules page) is uninstalled on every node and stays so: the shared state no longer lists it.
 */
@Component(service = {ChannelUpdates.class, SharedStateListener.class}, configurationPid = "mx.cte.channel.updates",
        immediate = true, property = SharedStateListener.KIND + "=" + ChannelUpdatesImpl.SHARED_KIND)
@Designate(ocd = ChannelUpdatesImpl.Config.class)
public final class ChannelUpdatesImpl implements ChannelUpdates, SharedStateListener, BundleListener {

    @ObjectClassDefinition(name = "CTE publication channel checks")
    public @interface Config {
        @AttributeDefinition(description = "Seconds between two checks of every channel (default: daily)")
        long checkIntervalSeconds() default 86_400;

        @AttributeDefinition(description = "Seconds after start before the first check")
        long firstCheckSeconds() default 120;

        @AttributeDefinition(description = "A folder where offline kits (*.zip) are dropped (a USB stick's mount"
                + " point); each new or changed kit is imported at every check. Empty: none")
        String kitFolder() default "";
    }

    static final String LOCATION_PREFIX = "cte-channel:";
    /**
     * The shared state's kind of what a channel installed on some node: {@code channel path} → edition. Every node
     * installs the same artifact from its own subscription to that channel, verifying it itself.
     */
    static final String SHARED_KIND = "canal";
    /**
     * The value of a {@link #SHARED_KIND} entry that is scheduled and not yet installed: this prefix and the instant.
     * Every node keeps the date, so the installation happens then even if the node where it was scheduled is down.
     */
    static final String SCHEDULED_PREFIX = "programada ";
    /**
     * The shared state's kind of the files of offline kits that a node installed from ({@code kit/path} → content):
     * the other nodes, which have no copy of the kit, install the same artifacts from them, verifying them as any kit.
     */
    static final String KIT_FILES_KIND = "canal-kit";
    /** An imported kit is the channel {@code kit-} followed by the channel's name in its index. */
    static final String KIT_PREFIX = "kit-";
    /** The scheduled check's name in the cluster: done by one node per interval. */
    static final String SCHEDULED_CHECK = "canal-revision";
    /** The job name, followed by {@code channel path}, of a scheduled installation: done by one node. */
    static final String SCHEDULED_INSTALL = "canal-programada";
    static final long MAX_INDEX_BYTES = 1024 * 1024;
    static final long MAX_SIGNATURE_BYTES = 64 * 1024;
    static final long MAX_ARTIFACT_BYTES = 50L * 1024 * 1024;
    static final int DOWNLOAD_ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ChannelUpdatesImpl.class);

    private final BundleContext context;
    private final PublisherTrust trust;
    private final GuideRegistry registry;
    private final Clock clock;
    private final Version platform;
    private final Path folder;
    private final Map<String, ChannelSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();
    /** {@code channel path} → when it is to be installed. */
    private final Map<String, Instant> scheduled = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    /** The periodic check and the installation of what is due, as the configuration times them. */
    private final List<ScheduledFuture<?>> scheduledWork = new ArrayList<>();
    private volatile AuditLog audit;
    /** Optional: without it every node checks on its own and installs only what it finds itself. */
    private volatile Cluster cluster;
    private volatile Duration checkInterval = Duration.ofDays(1);
    /** Where an administrator drops offline kits, or null. */
    private volatile Path watchedKits;
    /** Size and time of each kit in the watched folder when it was last imported. */
    private final Map<String, String> importedKits = new ConcurrentHashMap<>();
    /** Bundles this component uninstalls itself, whose events are not someone else's uninstall. */
    private final java.util.Set<Long> uninstalledByThisChannel = ConcurrentHashMap.newKeySet();

    /** What the last check of a channel found: the trusted index (kept while a later check fails) and the problem. */
    private record Checked(ChannelIndex index, Instant checkedAt, String problem) {
    }

    @Activate
    public ChannelUpdatesImpl(BundleContext context, @Reference PublisherTrust trust,
            @Reference GuideRegistry registry, Config config) {
        this(context, trust, registry, Clock.systemUTC(), context.getDataFile("cte-channel").toPath(),
                context.getBundle().getVersion());
        schedule(config);
        context.addBundleListener(this);
    }

    /**
     * A changed configuration is applied in place: restarting the component would take the channels' pages away (their
     * servlet holds it) while an administrator is looking at them.
     */
    @Modified
    void modified(Config config) {
        schedule(config);
    }

    private synchronized void schedule(Config config) {
        this.watchedKits = config.kitFolder() == null || config.kitFolder().isBlank() ? null
                : Path.of(config.kitFolder().strip());
        long interval = Math.max(1, config.checkIntervalSeconds());
        this.checkInterval = Duration.ofSeconds(interval);
        // A check already running is let finish; only the next runs follow the new timing.
        scheduledWork.forEach(work -> work.cancel(false));
        scheduledWork.clear();
        scheduledWork.add(scheduler.scheduleWithFixedDelay(this::checkAndInstallAutomatically,
                Math.max(0, config.firstCheckSeconds()), interval, TimeUnit.SECONDS));
        scheduledWork.add(scheduler.scheduleWithFixedDelay(this::installDue, 5, Math.min(30, interval),
                TimeUnit.SECONDS));
    }

    ChannelUpdatesImpl(BundleContext context, PublisherTrust trust, GuideRegistry registry, Clock clock, Path folder,
            Version platform) {
        this.context = context;
        this.trust = trust;
        this.registry = registry;
        this.clock = clock;
        this.folder = folder;
        this.platform = new Version(platform.getMajor(), platform.getMinor(), platform.getMicro());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cte-channel");
            thread.setDaemon(true);
            return thread;
        });
        loadScheduled();
        subscribeImportedKits();
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        // A check under way is let finish: it writes the audit log and installs bundles.
        if (!BackgroundTasks.stop(scheduler, Duration.ofSeconds(30))) {
            LOG.warn("A channel check was still running 30 s after the channels' configuration changed; it finishes on"
                    + " its own");
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSubscription(ChannelSubscription subscription) {
        subscriptions.put(subscription.name(), subscription);
        loadIndex(subscription);
        LOG.info("Channel subscription '{}': {} (index signed by {}, installation {})", subscription.name(),
                subscription.url(), subscription.publisher(), subscription.automatic() ? "automatic" : "manual");
        if (scheduler != null && !scheduler.isShutdown()) {
            scheduler.execute(() -> checkAndInstall(subscription));
        }
    }

    void removeSubscription(ChannelSubscription subscription) {
        subscriptions.remove(subscription.name(), subscription);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAudit(AuditLog audit) {
        this.audit = audit;
    }

    void unsetAudit(AuditLog audit) {
        if (this.audit == audit) {
            this.audit = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCluster(Cluster cluster) {
        this.cluster = cluster;
    }

    void unsetCluster(Cluster cluster) {
        if (this.cluster == cluster) {
            this.cluster = null;
        }
    }

    /** Records what this node installed from a channel, so that every node installs it from its own subscription. */
    private void share(String channel, String path, String edition) {
        Cluster nodes = cluster;
        if (nodes == null) {
            return;
        }
        String key = channel + " " + path;
        boolean known = nodes.entries(SHARED_KIND).stream()
                .anyMatch(e -> e.key().equals(key) && !e.removed() && edition.equals(e.value()));
        if (!known) {
            nodes.put(SHARED_KIND, key, edition, null);
        }
    }

    /**
     * An artifact installed from an offline kit of this node is shared with the kit's index, so that the other nodes,
     * which have no copy of the kit (it may weigh hundreds of megabytes), install it too: what was installed, not the
     * whole kit. The files go before the installation's entry, which is what the other nodes act on.
     */
    private void shareKitFiles(ChannelSubscription subscription, String path, byte[] content, byte[] signature) {
        Cluster nodes = cluster;
        if (nodes == null || !nodes.clustered() || subscription == null
                || !(subscription.source() instanceof ChannelSource.Kit kit)) {
            return;
        }
        try {
            String prefix = subscription.name() + "/";
            nodes.put(KIT_FILES_KIND, prefix + "channel.json", "", kit.read("channel.json", MAX_INDEX_BYTES));
            nodes.put(KIT_FILES_KIND, prefix + "channel.json.asc", "", kit.read("channel.json.asc",
                    MAX_SIGNATURE_BYTES));
            nodes.put(KIT_FILES_KIND, prefix + path, "", content);
            if (signature != null) {
                nodes.put(KIT_FILES_KIND, prefix + path + ".asc", "", signature);
            }
        } catch (IOException e) {
            LOG.error("Kit '{}': {} installed here could not be shared with the other nodes: {}", subscription.name(),
                    path, e.getMessage());
        }
    }

    /**
     * A kit imported on another node, read from what that node shared; null when nothing of it is shared (it was
     * imported there and nothing installed from it yet, or this is not a kit).
     */
    private ChannelSubscription sharedKit(String name) {
        Cluster nodes = cluster;
        if (nodes == null || !name.startsWith(KIT_PREFIX)) {
            return null;
        }
        ChannelSource source = new ChannelSource.SharedKit(name, path -> nodes.content(KIT_FILES_KIND,
                name + "/" + path));
        try {
            ChannelIndex index = ChannelIndex.parse(source.read("channel.json", MAX_INDEX_BYTES));
            ChannelSubscription subscription = new ChannelSubscription(name, "(kit importado en otro nodo)",
                    index.publisher(), false, source);
            ChannelSubscription known = subscriptions.putIfAbsent(name, subscription);
            if (known == null) {
                LOG.info("Kit '{}' imported on another node: what was installed from it is installed here from the"
                        + " shared files", name);
            }
            return known != null ? known : subscription;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Kit '{}' imported on another node cannot be read from the shared state: {}", name,
                    e.getMessage());
            return null;
        }
    }

    /**
     * Installs here what a channel installed on another node: from this node's own subscription to that channel (or
     * the files shared of a kit imported there), checking the channel first when this node has not seen the artifact
     * in its index yet.
     */
    @Override
    public void reconcile(List<SharedEntry> entries) {
        for (SharedEntry entry : entries) {
            if (entry.removed()) {
                uninstallRemovedElsewhere(entry);
            }
            if (keepsSchedule(entry)) {
                continue;
            }
            String[] parts = entry.key().split(" ", 2);
            ChannelSubscription subscription = parts.length != 2 ? null
                    : subscriptions.containsKey(parts[0]) ? subscriptions.get(parts[0]) : sharedKit(parts[0]);
            if (entry.removed() || subscription == null) {
                if (!entry.removed() && parts.length == 2) {
                    LOG.warn("Channel '{}' installed {} on node {}, but this node does not subscribe to it: give"
                            + " every node the same etc/mx.cte.channel-*.cfg", parts[0], parts[1], entry.node());
                }
                continue;
            }
            try {
                if (!knows(parts[0], parts[1])) {
                    check(subscription);
                }
                InstallOutcome outcome = install(parts[0], parts[1]);
                if (!outcome.installed()) {
                    LOG.error("Channel '{}': {}, installed on node {}, is not installed here: {}", parts[0],
                            parts[1], entry.node(), outcome.message());
                }
            } catch (RuntimeException e) {
                LOG.error("Channel '{}': {}, installed on node {}, could not be installed here", parts[0], parts[1],
                        entry.node(), e);
            }
        }
    }

    /**
     * Keeps a schedule made on another node as this node's own, and forgets one another node carried out or ended.
     *
     * @return true when the entry leaves nothing to install (a schedule, or a removal)
     */
    private boolean keepsSchedule(SharedEntry entry) {
        if (!entry.removed() && entry.value() != null && entry.value().startsWith(SCHEDULED_PREFIX)) {
            Instant at;
            try {
                at = Instant.parse(entry.value().substring(SCHEDULED_PREFIX.length()));
            } catch (java.time.format.DateTimeParseException e) {
                LOG.error("Channel installation {} scheduled on node {} has no readable date: {}", entry.key(),
                        entry.node(), entry.value());
                return true;
            }
            if (!at.equals(scheduled.put(entry.key(), at))) {
                saveScheduled();
                LOG.info("Channel installation {} scheduled on node {} for {}: kept here too", entry.key(),
                        entry.node(), at);
            }
            return true;
        }
        if (scheduled.remove(entry.key()) != null) {
            saveScheduled();
        }
        return entry.removed();
    }

    /** What a channel installed, uninstalled on another node: uninstalled here too. */
    private void uninstallRemovedElsewhere(SharedEntry entry) {
        String[] parts = entry.key().split(" ", 2);
        if (parts.length != 2) {
            return;
        }
        installedBundle(parts[0], parts[1]).ifPresent(bundle -> {
            LOG.info("Channel '{}': {} was uninstalled on node {}: uninstalled here too", parts[0], parts[1],
                    entry.node());
            uninstall(bundle);
        });
    }

    /**
     * A bundle a channel installed, uninstalled here by other means than the channel (the shell, the modules page):
     * its entry leaves the shared state, so that no node installs it again at the next change and every node
     * uninstalls it.
     */
    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (event.getType() != BundleEvent.UNINSTALLED || bundle.getLocation() == null
                || !bundle.getLocation().startsWith(LOCATION_PREFIX) || uninstalledByThisChannel.remove(bundle
                        .getBundleId())) {
            return;
        }
        Cluster nodes = cluster;
        if (nodes == null) {
            return;
        }
        for (SharedEntry entry : nodes.entries(SHARED_KIND)) {
            String[] parts = entry.key().split(" ", 2);
            if (entry.removed() || parts.length != 2 || entry.value() == null
                    || entry.value().startsWith(SCHEDULED_PREFIX)
                    || !bundle.getLocation().equals(location(parts[0], parts[1]))) {
                continue;
            }
            // Events arrive late: installed again from the channel since, it stays.
            if (installedBundle(parts[0], parts[1]).isPresent()) {
                return;
            }
            LOG.info("Channel '{}': {} was uninstalled on node {}: uninstalled on every node", parts[0], parts[1],
                    nodes.nodeName());
            audit("canal-desinstalada", entry.key(), "desinstalada en el nodo " + nodes.nodeName()
                    + "; se desinstala en todos");
            nodes.remove(SHARED_KIND, entry.key());
        }
    }

    /** Whether this node's last trusted index of the channel lists the artifact. */
    private boolean knows(String channel, String path) {
        Checked last = checked.get(channel);
        return last != null && last.index() != null && last.index().artifact(path) != null;
    }

    private void audit(String action, String target, String detail) {
        AuditLog log = audit;
        if (log != null) {
            log.record(action, target, detail);
        }
    }

    @Override
    public List<ChannelStatus> channels() {
        List<ChannelStatus> statuses = new ArrayList<>();
        for (ChannelSubscription subscription : sorted()) {
            Checked last = checked.get(subscription.name());
            ChannelIndex index = last == null ? null : last.index();
            statuses.add(new ChannelStatus(subscription.name(), subscription.url(), subscription.publisher(),
                    subscription.automatic(), last == null ? null : last.checkedAt(), index == null ? 0
                            : index.version(), index == null ? null : index.expires(), last == null ? ""
                                    : last.problem()));
        }
        return statuses;
    }

    private List<ChannelSubscription> sorted() {
        return subscriptions.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    @Override
    public List<ChannelStatus> checkAll() {
        sorted().forEach(this::check);
        return channels();
    }

    private void checkAndInstallAutomatically() {
        Cluster nodes = cluster;
        if (nodes == null) {
            importWatchedKits();
            sorted().forEach(this::checkAndInstall);
            return;
        }
        // Once per interval for the whole installation (each node's timer fires; the first one due does it), a tenth
        // early so that the timers' drift does not skip a whole interval. What it installs reaches the other nodes
        // through the shared state.
        Duration every = checkInterval.minus(checkInterval.dividedBy(10));
        if (!nodes.runOncePer(SCHEDULED_CHECK, every, () -> {
            importWatchedKits();
            sorted().forEach(this::checkAndInstall);
        })) {
            LOG.debug("The scheduled channel check ran on another node less than {} ago", every);
        }
    }

    /** Imports each kit of the watched folder that is new or changed since it was last imported. */
    void importWatchedKits() {
        Path dropped = watchedKits;
        if (dropped == null || !Files.isDirectory(dropped)) {
            return;
        }
        try (var kits = Files.newDirectoryStream(dropped, "*.zip")) {
            for (Path kit : kits) {
                String stamp = Files.size(kit) + ":" + Files.getLastModifiedTime(kit).toMillis();
                if (stamp.equals(importedKits.get(kit.toString()))) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(kit)) {
                    ChannelStatus status = importKit(kit.getFileName().toString(), in);
                    LOG.info("Offline kit {} imported as channel '{}'{}", kit, status.name(), status.problem()
                            .isEmpty() ? "" : ": " + status.problem());
                } catch (IllegalArgumentException e) {
                    LOG.warn("Offline kit {} refused: {}", kit, LogText.of(e.getMessage()));
                    audit("canal-kit-rechazado", kit.getFileName().toString(), e.getMessage());
                }
                importedKits.put(kit.toString(), stamp);
            }
        } catch (IOException e) {
            LOG.warn("Could not read the kit folder {}: {}", dropped, e.getMessage());
        }
    }

    private void checkAndInstall(ChannelSubscription subscription) {
        try {
            check(subscription);
            if (subscription.automatic()) {
                for (ChannelArtifact artifact : available(subscription)) {
                    if (artifact.status() == ChannelArtifact.Status.NEW) {
                        install(subscription.name(), artifact.path());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Channel '{}': the scheduled check failed", subscription.name(), e);
        }
    }

    /** Reads, verifies and keeps the channel's index; says why not in its status and the audit log. */
    synchronized void check(ChannelSubscription subscription) {
        Checked previous = checked.get(subscription.name());
        ChannelIndex trusted = previous == null ? null : previous.index();
        Instant now = clock.instant();
        String problem;
        try {
            byte[] index = subscription.source().read("channel.json", MAX_INDEX_BYTES);
            byte[] signature;
            try {
                signature = subscription.source().read("channel.json.asc", MAX_SIGNATURE_BYTES);
            } catch (IOException e) {
                signature = null;
            }
            problem = accept(subscription, index, signature, trusted, now);
            if (problem.isEmpty()) {
                ChannelIndex accepted = ChannelIndex.parse(index);
                saveIndex(subscription, index);
                checked.put(subscription.name(), new Checked(accepted, now, ""));
                if (trusted == null || accepted.version() != trusted.version()) {
                    LOG.info("Channel '{}': index version {} trusted, {} artifacts, expires {}", subscription.name(),
                            accepted.version(), accepted.artifacts().size(), accepted.expires());
                    audit("canal-revisado", subscription.name(), "índice versión " + accepted.version() + ", "
                            + accepted.artifacts().size() + " artefactos, vence " + accepted.expires());
                }
                return;
            }
        } catch (IOException e) {
            problem = "no se pudo leer el canal (" + subscription.url() + "): " + e.getMessage();
        }
        // A stale index installs nothing either: the one kept is dropped when it has expired too.
        ChannelIndex kept = trusted != null && now.isBefore(trusted.expires()) ? trusted : null;
        checked.put(subscription.name(), new Checked(kept, now, problem));
        LOG.warn("Channel '{}': {}", subscription.name(), LogText.of(problem));
        audit("canal-rechazado", subscription.name(), problem);
    }

    /** Why an index is not trusted, or empty. */
    private String accept(ChannelSubscription subscription, byte[] index, byte[] signature, ChannelIndex trusted,
            Instant now) {
        TrustVerdict verdict = trust.verify(index, signature, subscription.publisher());
        if (!verdict.trusted()) {
            return "el índice del canal " + verdict.reason();
        }
        ChannelIndex parsed;
        try {
            parsed = ChannelIndex.parse(index);
        } catch (IllegalArgumentException e) {
            return "el índice del canal no es válido: " + e.getMessage();
        }
        if (!parsed.publisher().equals(subscription.publisher())) {
            return "el índice dice ser de " + parsed.publisher() + ", y esta suscripción es de "
                    + subscription.publisher();
        }
        if (!now.isBefore(parsed.expires())) {
            return "el índice del canal venció el " + parsed.expires() + ": no se instala nada de él hasta que el"
                    + " publicador publique uno vigente (un canal que deja de renovarse puede estar ocultando una"
                    + " corrección)";
        }
        long last = Math.max(trusted == null ? 0 : trusted.version(), lastVersion(subscription));
        if (parsed.version() < last) {
            return "el índice tiene la versión " + parsed.version() + ", anterior a la " + last + " ya vista: se"
                    + " rechaza un índice viejo servido de nuevo";
        }
        return "";
    }

    @Override
    public List<ChannelArtifact> available() {
        List<ChannelArtifact> artifacts = new ArrayList<>();
        sorted().forEach(subscription -> artifacts.addAll(available(subscription)));
        return artifacts;
    }

    private List<ChannelArtifact> available(ChannelSubscription subscription) {
        Checked last = checked.get(subscription.name());
        if (last == null || last.index() == null || !clock.instant().isBefore(last.index().expires())) {
            return List.of();
        }
        List<ChannelArtifact> artifacts = new ArrayList<>();
        for (ChannelIndex.Artifact artifact : last.index().artifacts()) {
            artifacts.add(new ChannelArtifact(subscription.name(), artifact.path(), artifact.kind(), artifact.key(),
                    artifact.edition(), artifact.publisher(), artifact.title(), artifact.platform(),
                    status(subscription, artifact), scheduled.get(subscription.name() + " " + artifact.path())));
        }
        return artifacts;
    }

    private ChannelArtifact.Status status(ChannelSubscription subscription, ChannelIndex.Artifact artifact) {
        if (artifact.kind().equals(ChannelIndex.MODULE)) {
            Optional<Bundle> module = moduleBundle(artifact.key());
            if (module.isEmpty() || !compatible(artifact)) {
                return ChannelArtifact.Status.INCOMPATIBLE;
            }
            int order = versionOf(artifact).compareTo(module.get().getVersion());
            return order == 0 ? ChannelArtifact.Status.INSTALLED : order < 0 ? ChannelArtifact.Status.OLDER
                    : ChannelArtifact.Status.NEW;
        }
        if (installedBundle(subscription.name(), artifact.path()).isPresent()) {
            return ChannelArtifact.Status.INSTALLED;
        }
        if (!compatible(artifact)) {
            return ChannelArtifact.Status.INCOMPATIBLE;
        }
        if (!artifact.kind().equals("paquete")) {
            try {
                List<GuideEdition> editions = registry.editions(GuideId.parse(artifact.key()));
                Version offered = Version.parseVersion(artifact.edition());
                if (editions.stream().anyMatch(e -> Version.parseVersion(e.version()).equals(offered))) {
                    return ChannelArtifact.Status.INSTALLED;
                }
                if (editions.stream().anyMatch(e -> Version.parseVersion(e.version()).compareTo(offered) > 0)) {
                    return ChannelArtifact.Status.OLDER;
                }
            } catch (IllegalArgumentException e) {
                return ChannelArtifact.Status.INCOMPATIBLE;
            }
        }
        return ChannelArtifact.Status.NEW;
    }

    private boolean compatible(ChannelIndex.Artifact artifact) {
        try {
            return new VersionRange(artifact.platform()).includes(platform);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The installed platform bundle a module artifact would update. */
    private Optional<Bundle> moduleBundle(String symbolicName) {
        if (!symbolicName.startsWith("mx.cte.")) {
            return Optional.empty();
        }
        return java.util.Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .filter(b -> b.getState() != Bundle.UNINSTALLED).findFirst();
    }

    private static Version versionOf(ChannelIndex.Artifact artifact) {
        try {
            return Version.parseVersion(artifact.edition());
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }

    /** Where a channel installs an artifact: one bundle per channel and path. */
    private static String location(String channel, String path) {
        return LOCATION_PREFIX + channel + "/" + path;
    }

    private Optional<Bundle> installedBundle(String channel, String path) {
        Bundle bundle = context.getBundle(location(channel, path));
        return Optional.ofNullable(bundle).filter(b -> b.getState() != Bundle.UNINSTALLED);
    }

    /** The kits' folder: each imported kit, subscribed to again at every start. */
    private Path kitsFolder() {
        return folder.resolve("kits");
    }

    @Override
    public ChannelStatus importKit(String fileName, InputStream kit) {
        Path kits;
        Path received;
        try {
            kits = Files.createDirectories(kitsFolder());
            received = Files.createTempFile(kits, "recibido-", ".zip.part");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare " + kitsFolder(), e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(received)) {
                long copied = 0;
                byte[] buffer = new byte[64 * 1024];
                for (int read = kit.read(buffer); read >= 0; read = kit.read(buffer)) {
                    copied += read;
                    if (copied > MAX_KIT_BYTES) {
                        throw new IllegalArgumentException("el kit pasa de " + MAX_KIT_BYTES / (1024 * 1024) + " MB");
                    }
                    out.write(buffer, 0, read);
                }
            }
            ChannelIndex index;
            try {
                index = ChannelIndex.parse(new ChannelSource.Kit(received).read("channel.json", MAX_INDEX_BYTES));
            } catch (IOException e) {
                throw new IllegalArgumentException(fileName + " no es un kit de canal: " + e.getMessage());
            }
            String name = KIT_PREFIX + index.channel().replaceAll("[^A-Za-z0-9_-]", "_");
            Path kept = kits.resolve(name + ".zip");
            Files.move(received, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            ChannelSubscription subscription = kitSubscription(kept, name, index.publisher());
            subscriptions.put(name, subscription);
            check(subscription);
            audit("canal-kit-importado", name, fileName + ": índice versión " + index.version() + " de "
                    + index.publisher());
            return channels().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalArgumentException("no se pudo leer el kit " + fileName + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(received);
            } catch (IOException e) {
                LOG.warn("Could not delete {}", received);
            }
        }
    }

    private static ChannelSubscription kitSubscription(Path kit, String name, String publisher) {
        return new ChannelSubscription(name, kit.toUri().toString(), publisher, false, new ChannelSource.Kit(kit));
    }

    /** The kits imported before, subscribed to again (their publisher read from the kept index). */
    private void subscribeImportedKits() {
        if (!Files.isDirectory(kitsFolder())) {
            return;
        }
        try (var kits = Files.newDirectoryStream(kitsFolder(), "kit-*.zip")) {
            for (Path kit : kits) {
                try {
                    ChannelIndex index = ChannelIndex.parse(new ChannelSource.Kit(kit).read("channel.json",
                            MAX_INDEX_BYTES));
                    String name = kit.getFileName().toString().replaceFirst("\\.zip$", "");
                    ChannelSubscription subscription = kitSubscription(kit, name, index.publisher());
                    subscriptions.put(name, subscription);
                    loadIndex(subscription);
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warn("Imported kit {} cannot be read: {}", kit, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not list the imported kits in {}", kitsFolder(), e);
        }
    }

    @Override
    public List<InstallOutcome> installAll() {
        List<InstallOutcome> outcomes = new ArrayList<>();
        for (ChannelArtifact artifact : available()) {
            if (artifact.status() == ChannelArtifact.Status.NEW) {
                outcomes.add(install(artifact.channel(), artifact.path()));
            }
        }
        return outcomes;
    }

    @Override
    public void schedule(String channel, String path, Instant at) {
        ChannelIndex.Artifact artifact = artifactOf(channel, path);
        if (!at.isAfter(clock.instant())) {
            throw new IllegalArgumentException("la fecha de instalación " + at + " ya pasó");
        }
        // A schedule that then failed would end the shared entry, and with it the installation on every node.
        if (status(subscriptions.get(channel), artifact) == ChannelArtifact.Status.INSTALLED) {
            throw new IllegalArgumentException(path + " del canal " + channel + " ya está instalada");
        }
        scheduled.put(channel + " " + path, at);
        saveScheduled();
        Cluster nodes = cluster;
        if (nodes != null) {
            nodes.put(SHARED_KIND, channel + " " + path, SCHEDULED_PREFIX + at, null);
        }
        audit("canal-programada", channel + " " + path, "se instalará el " + at);
    }

    /**
     * Installs what was scheduled for now or earlier. On several nodes one node does it (the others find the shared
     * entry no longer scheduled and install what it shares): a refusal ends the schedule for every node, as on one.
     */
    void installDue() {
        Instant now = clock.instant();
        for (Map.Entry<String, Instant> entry : Map.copyOf(scheduled).entrySet()) {
            if (entry.getValue().isAfter(now)) {
                continue;
            }
            String key = entry.getKey();
            Cluster nodes = cluster;
            if (nodes != null && !hasItsFiles(key.split(" ", 2)[0])) {
                continue; // a kit imported on another node: that node installs it, and this one then from its files
            }
            scheduled.remove(key);
            saveScheduled();
            if (nodes == null) {
                installScheduled(key);
                continue;
            }
            nodes.runAlone(SCHEDULED_INSTALL + " " + key, () -> {
                boolean stillScheduled = nodes.entries(SHARED_KIND).stream().anyMatch(e -> e.key().equals(key)
                        && !e.removed() && e.value() != null && e.value().startsWith(SCHEDULED_PREFIX));
                if (!stillScheduled) {
                    return;
                }
                Optional<String> edition = installScheduled(key);
                if (edition.isPresent()) {
                    share(key.split(" ", 2)[0], key.split(" ", 2)[1], edition.get());
                } else {
                    nodes.remove(SHARED_KIND, key);
                }
            });
        }
    }

    /** Whether this node reads the channel's artifacts itself (not a kit imported on another node). */
    private boolean hasItsFiles(String channel) {
        ChannelSubscription subscription = subscriptions.get(channel);
        return subscription != null && !(subscription.source() instanceof ChannelSource.SharedKit);
    }

    /** The scheduled installation of {@code channel path}: the edition installed (or there already), or empty. */
    private Optional<String> installScheduled(String key) {
        String[] parts = key.split(" ", 2);
        try {
            InstallOutcome outcome = install(parts[0], parts[1]);
            LOG.info("Scheduled installation of {} from channel '{}': {}", parts[1], parts[0],
                    LogText.of(outcome.message()));
            return outcome.installed() ? Optional.of(artifactOf(parts[0], parts[1]).edition()) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.error("Scheduled installation of {} from channel '{}' failed", parts[1], parts[0], e);
            return Optional.empty();
        }
    }

    private ChannelIndex.Artifact artifactOf(String channel, String path) {
        ChannelSubscription subscription = subscriptions.get(channel);
        if (subscription == null) {
            throw new IllegalArgumentException("no hay suscripción al canal " + channel);
        }
        Checked last = checked.get(channel);
        if (last == null || last.index() == null) {
            throw new IllegalArgumentException("el canal " + channel + " no tiene un índice de confianza"
                    + (last == null ? "; revíselo primero" : ": " + last.problem()));
        }
        if (!clock.instant().isBefore(last.index().expires())) {
            throw new IllegalArgumentException("el índice del canal " + channel + " venció el "
                    + last.index().expires());
        }
        ChannelIndex.Artifact artifact = last.index().artifact(path);
        if (artifact == null) {
            throw new IllegalArgumentException("el canal " + channel + " no ofrece " + path);
        }
        return artifact;
    }

    @Override
    public synchronized InstallOutcome install(String channel, String path) {
        ChannelIndex.Artifact artifact = artifactOf(channel, path);
        ChannelSubscription subscription = subscriptions.get(channel);
        if (status(subscription, artifact) == ChannelArtifact.Status.INSTALLED) {
            return new InstallOutcome(channel, path, true, installedBundle(channel, path).map(Bundle::getBundleId)
                    .orElse(-1L), "ya estaba instalada");
        }
        if (!compatible(artifact)) {
            return refused(channel, path, "es para las versiones " + artifact.platform() + " de la plataforma, y"
                    + " esta es la " + platform);
        }
        if (artifact.size() > MAX_ARTIFACT_BYTES) {
            return refused(channel, path, "pasa de " + MAX_ARTIFACT_BYTES / (1024 * 1024) + " MB");
        }
        byte[] content;
        try {
            content = download(subscription, artifact);
        } catch (IOException e) {
            LOG.warn("Channel '{}': download of {} stopped: {}", channel, path, e.getMessage());
            return new InstallOutcome(channel, path, false, -1, "la descarga se interrumpió (" + e.getMessage()
                    + "); lo descargado se conserva y el próximo intento continúa desde ahí");
        }
        if (content == null) {
            return refused(channel, path, "su contenido no coincide con el índice (tamaño o SHA-256): se descartó"
                    + " la descarga; no se instaló nada");
        }
        byte[] signature;
        try {
            signature = subscription.source().read(path + ".asc", MAX_SIGNATURE_BYTES);
        } catch (IOException e) {
            signature = null;
        }
        if (artifact.kind().equals(ChannelIndex.MODULE)) {
            return updateModule(channel, path, artifact, content, signature);
        }
        List<String> code = ContentBundles.problems(content);
        if (!code.isEmpty()) {
            return refused(channel, path, "no es solo contenido: " + String.join("; ", code));
        }
        TrustVerdict verdict = trust.admit(content, signature, artifact.publisher());
        if (!verdict.trusted()) {
            return refused(channel, path, verdict.reason());
        }
        Bundle bundle;
        try {
            bundle = context.installBundle(location(channel, path), new ByteArrayInputStream(content));
        } catch (BundleException e) {
            return refused(channel, path, "el framework no lo instaló: " + e.getMessage());
        }
        Optional<RefusedGuide> refusal = registry.refused().stream()
                .filter(r -> r.source().bundleId() == bundle.getBundleId()).findFirst();
        if (refusal.isPresent()) {
            uninstall(bundle);
            return refused(channel, path, "la guía tiene errores: " + refusal.get().problems());
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            uninstall(bundle);
            return refused(channel, path, "el framework no lo resolvió: " + e.getMessage());
        }
        String message = "instalada " + artifact.key() + " edición " + artifact.edition() + " (" + verdict.reason()
                + ")";
        LOG.info("Channel '{}': {} {}", channel, path, message);
        audit("canal-instalada", channel + " " + path, message);
        shareKitFiles(subscription, path, content, signature);
        share(channel, path, artifact.edition());
        return new InstallOutcome(channel, path, true, bundle.getBundleId(), message);
    }

    /**
     * A new version of an installed module bundle, signed by the project's release key ({@link PublisherTrust#PLATFORM}): updated in
     * place and refreshed alone, so only that module answers 503 for the moment it is away. A bundle that exports
     * packages (an API) is refused: refreshing it would restart every module that uses it; it comes with its feature.
     */
    private InstallOutcome updateModule(String channel, String path, ChannelIndex.Artifact artifact, byte[] content,
            byte[] signature) {
        Optional<Bundle> installed = moduleBundle(artifact.key());
        if (installed.isEmpty()) {
            return refused(channel, path, "no hay un módulo " + artifact.key() + " instalado: un canal solo actualiza"
                    + " los módulos que la instalación ya tiene");
        }
        Bundle module = installed.get();
        TrustVerdict verdict = trust.verify(content, signature, PublisherTrust.PLATFORM);
        if (!verdict.trusted()) {
            return refused(channel, path, verdict.reason());
        }
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(content))) {
            manifest = in.getManifest();
        } catch (IOException e) {
            return refused(channel, path, "no es un jar legible: " + e.getMessage());
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        String version = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
        if (name == null || version == null || !name.split(";")[0].strip().equals(artifact.key())
                || !Version.parseVersion(version.strip()).equals(versionOf(artifact))) {
            return refused(channel, path, "el jar no es " + artifact.key() + " " + artifact.edition()
                    + ", como dice el índice");
        }
        Version before = module.getVersion();
        if (versionOf(artifact).compareTo(before) <= 0) {
            return refused(channel, path, "la versión " + artifact.edition() + " no es posterior a la instalada ("
                    + before + ")");
        }
        org.osgi.framework.wiring.BundleWiring wiring = module.adapt(org.osgi.framework.wiring.BundleWiring.class);
        if (wiring != null && !wiring.getCapabilities(org.osgi.framework.namespace.PackageNamespace.PACKAGE_NAMESPACE)
                .isEmpty()) {
            return refused(channel, path, artifact.key() + " exporta paquetes (es un API): se actualiza con su"
                    + " feature, no desde el canal, para no reiniciar los módulos que lo usan");
        }
        try {
            module.update(new ByteArrayInputStream(content));
            java.util.concurrent.CountDownLatch refreshed = new java.util.concurrent.CountDownLatch(1);
            context.getBundle(0).adapt(org.osgi.framework.wiring.FrameworkWiring.class)
                    .refreshBundles(List.of(module), event -> refreshed.countDown());
            if (!refreshed.await(60, TimeUnit.SECONDS)) {
                LOG.warn("Module {} updated; its refresh did not finish within 60 s", artifact.key());
            }
        } catch (BundleException e) {
            return refused(channel, path, "el framework no lo actualizó: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String message = "módulo " + artifact.key() + " actualizado de " + before + " a " + module.getVersion() + " ("
                + verdict.reason() + ")";
        LOG.info("Channel '{}': {}", channel, message);
        audit("canal-modulo-actualizado", channel + " " + path, message);
        shareKitFiles(subscriptions.get(channel), path, content, signature);
        share(channel, path, artifact.edition());
        return new InstallOutcome(channel, path, true, module.getBundleId(), message);
    }

    private InstallOutcome refused(String channel, String path, String why) {
        LOG.warn("Channel '{}': {} refused: {}", channel, path, LogText.of(why));
        audit("canal-rechazada", channel + " " + path, why);
        return new InstallOutcome(channel, path, false, -1, "no se instaló: " + why);
    }

    /** Uninstalls a bundle this channel installed and refused, or that another node uninstalled. */
    private void uninstall(Bundle bundle) {
        uninstalledByThisChannel.add(bundle.getBundleId());
        try {
            bundle.uninstall();
        } catch (BundleException e) {
            uninstalledByThisChannel.remove(bundle.getBundleId());
            LOG.error("Could not uninstall bundle {} ({})", bundle.getBundleId(), bundle.getLocation(), e);
        }
    }

    /**
     * The artifact's bytes once complete and matching the index; null when they do not match (the download is
     * discarded); an IOException when every attempt stopped (the partial download is kept).
     */
    private byte[] download(ChannelSubscription subscription, ChannelIndex.Artifact artifact) throws IOException {
        Path staging = Files.createDirectories(folder.resolve("staging"));
        Path partial = staging.resolve(artifact.sha256() + ".part");
        IOException last = null;
        for (int attempt = 1; attempt <= DOWNLOAD_ATTEMPTS; attempt++) {
            try {
                subscription.source().download(artifact.path(), partial, artifact.size());
                if (Files.size(partial) < artifact.size()) {
                    throw new IOException("llegaron " + Files.size(partial) + " de " + artifact.size() + " bytes");
                }
                last = null;
                break;
            } catch (IOException e) {
                last = e;
                LOG.info("Channel '{}': attempt {} to download {} stopped: {}", subscription.name(), attempt,
                        artifact.path(), e.getMessage());
            }
        }
        if (last != null) {
            throw last;
        }
        byte[] content = Files.readAllBytes(partial);
        Files.delete(partial);
        if (content.length != artifact.size() || !artifact.sha256().equals(sha256(content))) {
            return null;
        }
        return content;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    // Persistence: the last trusted index of each channel (its version is the floor for the next one) and the
    // scheduled installations, under the bundle's data folder.

    private Path indexFile(ChannelSubscription subscription) {
        return folder.resolve("indices").resolve(subscription.name().replaceAll("[^A-Za-z0-9_-]", "_") + ".json");
    }

    private void saveIndex(ChannelSubscription subscription, byte[] index) {
        try {
            write(indexFile(subscription), index);
        } catch (IOException e) {
            LOG.error("Could not keep the index of channel '{}'", subscription.name(), e);
        }
    }

    private void loadIndex(ChannelSubscription subscription) {
        Path file = indexFile(subscription);
        if (Files.isRegularFile(file) && !checked.containsKey(subscription.name())) {
            try {
                checked.put(subscription.name(), new Checked(ChannelIndex.parse(Files.readAllBytes(file)),
                        Files.getLastModifiedTime(file).toInstant(), ""));
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Channel '{}': the kept index {} cannot be read; the next check replaces it",
                        subscription.name(), file);
            }
        }
    }

    private long lastVersion(ChannelSubscription subscription) {
        Path file = indexFile(subscription);
        try {
            return Files.isRegularFile(file) ? ChannelIndex.parse(Files.readAllBytes(file)).version() : 0;
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
    }

    private Path scheduledFile() {
        return folder.resolve("programadas.properties");
    }

    private void loadScheduled() {
        Path file = scheduledFile();
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
                properties.stringPropertyNames().forEach(key -> scheduled.put(key, Instant.parse(
                        properties.getProperty(key))));
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not read the scheduled channel installations from {}", file, e);
            }
        }
    }

    private synchronized void saveScheduled() {
        Properties properties = new Properties();
        scheduled.forEach((key, at) -> properties.setProperty(key, at.toString()));
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            properties.store(bytes, "Channel installations scheduled by an administrator: channel path = instant");
            write(scheduledFile(), bytes.toByteArray());
        } catch (IOException e) {
            LOG.error("Could not save the scheduled channel installations", e);
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
