package mx.cte.cluster.impl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import mx.cte.cluster.api.AnnouncementListener;
import mx.cte.cluster.api.Cluster;
import mx.cte.cluster.api.SharedEntry;
import mx.cte.cluster.api.SharedStateListener;
import mx.cte.core.api.health.HealthStatus;
import mx.cte.core.api.health.Readiness;
import mx.cte.core.api.health.RegisteredComponents;
import mx.cte.core.api.text.LogText;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.Sql;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desired state shared by the nodes, and the thread that keeps this node on it: it waits for a notification
 * (PostgreSQL) or {@code checkSeconds}, reads the installation's revision, and calls the listeners of every kind
 * changed since it last looked; every {@code reconcileSeconds} it calls all of them anyway, so that a change made
 * behind the platform's back on this node is undone too. The node reports ready once every listener has caught up.
 */
@Component(service = {Cluster.class, Readiness.class}, configurationPid = "mx.cte.cluster", immediate = true)
@Designate(ocd = ClusterService.Config.class)
public final class ClusterService implements Cluster, Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterService.class);
    static final String SINGLE = "single";
    static final String CLUSTER = "cluster";
    /**
     * Kind of the shared state where each node records the kinds it follows (key: node, a space, kind): a node that
     * restarts waits for their followers even while the DS runtime does not know them yet (a bundle being started).
     */
    static final String FOLLOWED = "seguidos";

    @ObjectClassDefinition(name = "CTE cluster", description = "Several nodes on one PostgreSQL (docs/operations.md)")
    public @interface Config {
        @AttributeDefinition(description = "single (default: one node, H2 or PostgreSQL) or cluster (several nodes"
                + " on one PostgreSQL; refused on H2)")
        String mode() default SINGLE;

        @AttributeDefinition(description = "This node's name in logs and in the shared state; empty: the host name")
        String node() default "";

        @AttributeDefinition(description = "Seconds between two looks at the shared revision when no notification"
                + " came")
        int checkSeconds() default 2;

        @AttributeDefinition(description = "Seconds between two full reconciliations of every kind")
        int reconcileSeconds() default 60;

        @AttributeDefinition(description = "Seconds a starting node waits, before it reports ready all the same, for"
                + " a follower that fails to catch up or that followed the shared state before it restarted and has"
                + " not come back")
        int catchUpSeconds() default 120;
    }

    private record Follower(SharedStateListener listener, String kind, String component) {
    }

    private record Hearer(AnnouncementListener listener, String topic) {
    }

    private final Database database;
    private final Clock clock;
    private final SharedStateStore store;
    private final boolean clustered;
    private final String node;
    private final String refusal;
    private final Duration check;
    private final Duration reconcile;
    private final ListenConnection.Opener opener;
    private final ServiceTracker<SharedStateListener, SharedStateListener> listeners;
    private final ServiceTracker<AnnouncementListener, AnnouncementListener> hearers;
    private final List<Hearer> announcementsHeard = new CopyOnWriteArrayList<>();
    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    /** Listeners registered that have not yet applied the shared state once: the node is not ready while there is one. */
    private final Set<SharedStateListener> catchingUp = ConcurrentHashMap.newKeySet();
    /** The kinds this node has recorded in {@link #FOLLOWED}. */
    private final Set<String> recordedKinds = ConcurrentHashMap.newKeySet();
    /** Kinds this node followed before it started, whose follower has not applied the shared state since. */
    private final Set<String> kindsAwaited = ConcurrentHashMap.newKeySet();
    private final Duration catchUp;
    private final long startedAt = System.nanoTime();

    /** The components of the installation, to know the followers that are still to register. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime components;
    private final Map<String, ReentrantLock> localJobs = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private final Thread watcher;
    private volatile boolean running = true;
    private volatile boolean firstLookDone;

    @Activate
    public ClusterService(@Reference Database database, Config config, BundleContext context) {
        this(database, config, Clock.systemUTC(), new DatabaseSettings(context), context);
    }

    ClusterService(Database database, Config config, Clock clock, ListenConnection.Opener opener) {
        this(database, config, clock, opener, null);
    }

    private ClusterService(Database database, Config config, Clock clock, ListenConnection.Opener opener,
            BundleContext context) {
        this.database = database;
        this.clock = clock;
        this.opener = opener;
        // Tracked, not a DS reference: a listener needs this service, so it can only be had once this is registered.
        this.listeners = context == null ? null : new ServiceTracker<>(context, SharedStateListener.class,
                new ServiceTrackerCustomizer<SharedStateListener, SharedStateListener>() {
                    @Override
                    public SharedStateListener addingService(ServiceReference<SharedStateListener> reference) {
                        SharedStateListener listener = context.getService(reference);
                        if (listener != null) {
                            Map<String, Object> properties = new java.util.HashMap<>();
                            properties.put(SharedStateListener.KIND, String.valueOf(
                                    reference.getProperty(SharedStateListener.KIND)));
                            Object component = reference.getProperty(ComponentConstants.COMPONENT_NAME);
                            if (component != null) {
                                properties.put(ComponentConstants.COMPONENT_NAME, component);
                            }
                            addListener(listener, properties);
                        }
                        return listener;
                    }

                    @Override
                    public void modifiedService(ServiceReference<SharedStateListener> reference,
                            SharedStateListener listener) {
                        // the kind is fixed at registration
                    }

                    @Override
                    public void removedService(ServiceReference<SharedStateListener> reference,
                            SharedStateListener listener) {
                        // Gone for good, not with this service or the whole platform stopping: nothing to await.
                        removeListener(listener, running && context.getBundle(0).getState() == Bundle.ACTIVE);
                        context.ungetService(reference);
                    }
                });
        this.hearers = context == null ? null : new ServiceTracker<>(context, AnnouncementListener.class,
                new ServiceTrackerCustomizer<AnnouncementListener, AnnouncementListener>() {
                    @Override
                    public AnnouncementListener addingService(ServiceReference<AnnouncementListener> reference) {
                        AnnouncementListener listener = context.getService(reference);
                        if (listener != null) {
                            addAnnouncementListener(listener, String.valueOf(reference.getProperty(
                                    AnnouncementListener.TOPIC)));
                        }
                        return listener;
                    }

                    @Override
                    public void modifiedService(ServiceReference<AnnouncementListener> reference,
                            AnnouncementListener listener) {
                        // the topic is fixed at registration
                    }

                    @Override
                    public void removedService(ServiceReference<AnnouncementListener> reference,
                            AnnouncementListener listener) {
                        announcementsHeard.removeIf(h -> h.listener() == listener);
                        context.ungetService(reference);
                    }
                });
        String mode = config.mode() == null ? SINGLE : config.mode().strip().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals(SINGLE) && !mode.equals(CLUSTER)) {
            throw new IllegalArgumentException("etc/mx.cte.cluster.cfg: mode must be single or cluster, not '"
                    + config.mode() + "'");
        }
        this.clustered = mode.equals(CLUSTER);
        this.node = config.node() == null || config.node().isBlank() ? hostName() : config.node().strip();
        this.check = Duration.ofSeconds(Math.max(1, config.checkSeconds()));
        this.reconcile = Duration.ofSeconds(Math.max(5, config.reconcileSeconds()));
        this.catchUp = Duration.ofSeconds(Math.max(1, config.catchUpSeconds()));
        if (clustered && database.kind() == DatabaseKind.H2) {
            this.refusal = "Modo clúster (etc/mx.cte.cluster.cfg, mode = cluster) sobre la base H2 embebida: varios"
                    + " nodos solo comparten una base PostgreSQL. Configure PostgreSQL en"
                    + " etc/org.ops4j.datasource-cte.cfg o vuelva a mode = single.";
            LOG.error("This node does not serve: {}", refusal);
            this.store = null;
            this.watcher = null;
            return;
        }
        this.refusal = null;
        this.store = new SharedStateStore(database, clock, node);
        LOG.info("Node {} in {} mode on {}", node, mode, database.kind());
        this.watcher = new Thread(this::watch, "cte-cluster-" + node);
        this.watcher.setDaemon(true);
        this.watcher.start();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "nodo";
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        if (listeners != null) {
            listeners.close();
            hearers.close();
        }
        if (watcher != null) {
            wake.release();
            // Not interrupted: a listener may be installing a bundle or writing to the database.
            watcher.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    void addListener(SharedStateListener listener, Map<String, Object> properties) {
        Object kind = properties.get(SharedStateListener.KIND);
        if (kind == null || "null".equals(kind)) {
            LOG.error("A shared state listener without the {} property is ignored: {}", SharedStateListener.KIND,
                    listener);
            return;
        }
        catchingUp.add(listener);
        Object component = properties.get(ComponentConstants.COMPONENT_NAME);
        followers.add(new Follower(listener, kind.toString(), component == null ? null : component.toString()));
        wake.release();
    }

    void addAnnouncementListener(AnnouncementListener listener, String topic) {
        announcementsHeard.add(new Hearer(listener, topic));
    }

    void removeListener(SharedStateListener listener, boolean forGood) {
        String kind = followers.stream().filter(f -> f.listener() == listener).map(Follower::kind).findFirst()
                .orElse(null);
        followers.removeIf(f -> f.listener() == listener);
        catchingUp.remove(listener);
        if (forGood && kind != null && followers.stream().noneMatch(f -> f.kind().equals(kind))) {
            forget(kind);
        }
    }

    /** A kind this node no longer follows: a restart does not wait for its follower. */
    private void forget(String kind) {
        kindsAwaited.remove(kind);
        if (recordedKinds.remove(kind) && store != null) {
            try {
                store.put(FOLLOWED, node + " " + kind, null, null, true);
            } catch (RuntimeException e) {
                LOG.warn("Node {} could not record that it no longer follows {}: {}", node, kind, e.getMessage());
            }
        }
    }

    @Override
    public String nodeName() {
        return node;
    }

    @Override
    public boolean clustered() {
        return clustered;
    }

    private SharedStateStore store() {
        if (store == null) {
            throw new IllegalStateException(refusal);
        }
        return store;
    }

    @Override
    public void put(String kind, String key, String value, byte[] content) {
        long revision = store().put(kind, key, value, content, false);
        LOG.info("Shared state {} {} desired (revision {})", kind, LogText.of(key), revision);
        wake.release();
    }

    @Override
    public void remove(String kind, String key) {
        long revision = store().put(kind, key, null, null, true);
        LOG.info("Shared state {} {} removed (revision {})", kind, LogText.of(key), revision);
        wake.release();
    }

    @Override
    public List<SharedEntry> entries(String kind) {
        return store().entries(kind);
    }

    @Override
    public Optional<byte[]> content(String kind, String key) {
        return store().content(kind, key);
    }

    @Override
    public void announce(String topic, String message) {
        if (topic.length() + message.length() >= MAX_ANNOUNCEMENT || topic.contains("\n")) {
            throw new IllegalArgumentException("An announcement's topic (one line) and message take at most "
                    + MAX_ANNOUNCEMENT + " characters: " + topic);
        }
        if (database.kind() == DatabaseKind.POSTGRESQL && refusal == null) {
            store.announce(topic, message);
        } else {
            hear(topic, message);
        }
    }

    private void hear(String topic, String message) {
        for (Hearer hearer : announcementsHeard) {
            if (hearer.topic().equals(topic)) {
                try {
                    hearer.listener().announced(message);
                } catch (RuntimeException e) {
                    LOG.error("The listener of announcements {} failed on node {}", topic, node, e);
                }
            }
        }
    }

    /** Gives an announcement that came through the listening connection to this node's listeners of its topic. */
    private void heard(String payload) {
        if (payload == null || !payload.startsWith(SharedStateStore.ANNOUNCEMENT)) {
            return;
        }
        String body = payload.substring(SharedStateStore.ANNOUNCEMENT.length());
        int lineBreak = body.indexOf('\n');
        if (lineBreak > 0) {
            hear(body.substring(0, lineBreak), body.substring(lineBreak + 1));
        }
    }

    @Override
    public boolean runAlone(String job, Runnable task) {
        if (database.kind() != DatabaseKind.POSTGRESQL) {
            ReentrantLock lock = localJobs.computeIfAbsent(job, j -> new ReentrantLock());
            if (!lock.tryLock()) {
                return false;
            }
            try {
                task.run();
                return true;
            } finally {
                lock.unlock();
            }
        }
        // A session-level advisory lock on a connection held for the job: released when the job ends, and by the
        // server when this node dies holding it.
        try (Connection connection = database.dataSource().getConnection()) {
            long lockId = lockId(job);
            boolean mine = Sql.first(connection, "SELECT pg_try_advisory_lock(?)", row -> row.getBoolean(1), lockId)
                    .orElse(false);
            if (!mine) {
                LOG.debug("Job {} runs on another node now", job);
                return false;
            }
            try {
                task.run();
                return true;
            } finally {
                Sql.first(connection, "SELECT pg_advisory_unlock(?)", row -> row.getBoolean(1), lockId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the cluster lock of job " + job + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public boolean runOncePer(String job, Duration interval, Runnable task) {
        boolean[] ran = {false};
        runAlone(job, () -> {
            Instant now = clock.instant();
            Optional<SharedEntry> last = store().entries(JOBS).stream()
                    .filter(entry -> entry.key().equals(job) && !entry.removed()).findFirst();
            if (last.isPresent() && Instant.parse(last.get().value()).plus(interval).isAfter(now)) {
                LOG.debug("Job {} ran on node {} at {}: not due yet", job, last.get().node(), last.get().value());
                return;
            }
            task.run();
            store().put(JOBS, job, now.toString(), null, false);
            ran[0] = true;
        });
        return ran[0];
    }

    /** A stable 64-bit lock number for a job name, the same on every node. */
    static long lockId(String job) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("cte-job:" + job)
                    .getBytes(StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<NotReady> notReady() {
        if (refusal != null) {
            return Optional.of(new NotReady(HealthStatus.DOWN, refusal));
        }
        if (!firstLookDone || !catchingUp.isEmpty()) {
            return Optional.of(new NotReady(HealthStatus.STARTING, "El nodo se pone al día con el estado compartido"
                    + " (guías y ediciones activas)."));
        }
        if (!kindsAwaited.isEmpty()) {
            return Optional.of(new NotReady(HealthStatus.STARTING, "El nodo espera al módulo que sigue «"
                    + String.join("», «", new java.util.TreeSet<>(kindsAwaited)) + "» del estado compartido, como"
                    + " antes de reiniciarse."));
        }
        // Until a follower is bound here, nothing has told it what to install.
        return RegisteredComponents.firstNotAmong(components, SharedStateListener.class.getName(),
                followers.stream().map(Follower::component).filter(java.util.Objects::nonNull)
                        .collect(java.util.stream.Collectors.toSet()))
                .map(name -> new NotReady(HealthStatus.STARTING, "El nodo espera a " + name + ", que sigue el estado"
                        + " compartido, para ponerse al día."));
    }

    private void watch() {
        if (listeners != null) {
            listeners.open();
            hearers.open();
        }
        long seen = -1;
        long nextFullPass = 0;
        boolean recordsRead = false;
        ListenConnection listening = null;
        boolean listenFailureLogged = false;
        while (running) {
            try {
                if (listening == null && database.kind() == DatabaseKind.POSTGRESQL) {
                    try {
                        listening = new ListenConnection(opener);
                        listenFailureLogged = false;
                        seen = -1; // notifications may have been missed while not listening: look at everything
                        LOG.info("Node {} listens for shared state changes", node);
                    } catch (SQLException | RuntimeException | LinkageError e) {
                        if (!listenFailureLogged) {
                            LOG.warn("Node {} cannot listen for shared state changes ({}); it looks every {} s"
                                    + " instead", node, e.getMessage(), check.toSeconds());
                            listenFailureLogged = true;
                        }
                    }
                }
                if (!recordsRead) {
                    readWhatThisNodeFollowed();
                    recordsRead = true;
                }
                long now = store.revision();
                long clock = System.nanoTime();
                if (seen < 0 || clock - nextFullPass >= 0) {
                    tellAll(store.kinds());
                    nextFullPass = clock + reconcile.toNanos();
                } else if (now != seen) {
                    tellAll(store.kindsChanged(seen, now));
                }
                seen = now;
                catchUpNewcomers();
                if (!kindsAwaited.isEmpty() && catchUpTimeIsOver()) {
                    for (String kind : List.copyOf(kindsAwaited)) {
                        LOG.error("Node {} followed {} before it restarted, but no follower of it applied the shared"
                                + " state within {} s: it serves without it (is its module still installed?)", node,
                                kind, catchUp.toSeconds());
                        forget(kind);
                    }
                }
                firstLookDone = true;
                if (listening != null) {
                    try {
                        listening.await((int) check.toMillis()).forEach(this::heard);
                    } catch (SQLException e) {
                        LOG.warn("Node {} lost its listening connection ({}); opening another", node,
                                e.getMessage());
                        listening.close();
                        listening = null;
                    }
                    wake.drainPermits();
                } else {
                    wake.tryAcquire(check.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("Node {} could not follow the shared state; trying again in {} s", node,
                        check.toSeconds(), e);
                sleepQuietly(check);
            }
        }
        if (listening != null) {
            listening.close();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tellAll(Set<String> kinds) {
        for (String kind : kinds) {
            List<SharedEntry> entries = null;
            for (Follower follower : followers) {
                if (follower.kind().equals(kind)) {
                    if (entries == null) {
                        entries = store.entries(kind);
                    }
                    tell(follower, entries);
                }
            }
        }
    }

    private void catchUpNewcomers() {
        for (Follower follower : followers) {
            if (catchingUp.contains(follower.listener())) {
                tell(follower, store.entries(follower.kind()));
            }
        }
    }

    private void readWhatThisNodeFollowed() {
        for (SharedEntry entry : store.entries(FOLLOWED)) {
            if (!entry.removed() && entry.key().startsWith(node + " ")) {
                String kind = entry.key().substring(node.length() + 1);
                recordedKinds.add(kind);
                if (followers.stream().noneMatch(f -> f.kind().equals(kind))) {
                    kindsAwaited.add(kind);
                }
            }
        }
        if (!kindsAwaited.isEmpty()) {
            LOG.info("Node {} waits, before it reports ready, for the followers of {} it had before it started", node,
                    kindsAwaited);
        }
    }

    private boolean catchUpTimeIsOver() {
        return System.nanoTime() - startedAt > catchUp.toNanos();
    }

    /**
     * A follower that could not apply everything (it throws) while its node catches up keeps the node starting and
     * is called again at the next look, for at most {@code catchUpSeconds}; later, at the next change or full pass.
     */
    private void tell(Follower follower, List<SharedEntry> entries) {
        try {
            follower.listener().reconcile(entries);
        } catch (RuntimeException e) {
            if (catchingUp.contains(follower.listener()) && !catchUpTimeIsOver()) {
                LOG.warn("The follower of {} has not caught up on node {} yet ({}); called again in {} s",
                        follower.kind(), node, e.getMessage(), check.toSeconds());
                return;
            }
            LOG.error("The follower of {} failed on node {}; it is called again at the next change or full pass",
                    follower.kind(), node, e);
        }
        catchingUp.remove(follower.listener());
        kindsAwaited.remove(follower.kind());
        if (recordedKinds.add(follower.kind())) {
            store.put(FOLLOWED, node + " " + follower.kind(), "", null, false);
        }
    }
}
