package mx.cte.trust.openpgp.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mx.cte.core.api.tasks.BackgroundTasks;
import mx.cte.core.api.text.LogText;
import mx.cte.trust.api.PublisherTrust;
import mx.cte.trust.api.TrustListener;
import mx.cte.trust.api.TrustStatus;
import mx.cte.trust.api.TrustVerdict;
import mx.cte.trust.openpgp.ArtifactEntries;
import mx.cte.trust.openpgp.TrustStore;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publisher trust from {@code etc/mx.cte.trust.cfg}: the SEP root key file, the folder of publisher keys it certified
 * (read again whenever a file there changes, so keys are added, renewed, revoked or rotated without a restart), and
 * the verification mode. An installed bundle's signature is found beside its jar ({@code file:} locations, such as
 * {@code deploy/}), in the distribution's {@code system/} repository ({@code mvn:} locations of the shipped content),
 * or among the artifacts admitted before installation (the publishing API, the channel), which this keeps under
 * {@code data/cte-trust/admitidos} by the fingerprint of their entries.
 */
@Component(service = PublisherTrust.class, configurationPid = "mx.cte.trust", immediate = true)
@Designate(ocd = OpenPgpPublisherTrust.Config.class)
public final class OpenPgpPublisherTrust implements PublisherTrust {

    /**
     * The repository's demonstration root (bundles/cte-publicador/claves-demostracion): its secret half is public, so
     * an installation still trusting it is told so at every start and in the administration.
     */
    static final String DEMO_ROOT_FINGERPRINT = "A40D5F93F1C64DF546B674E38DDFB0E30A020552";

    /** The mode that turns verification off, for guide authors on their own machine. */
    public static final String DEVELOPMENT_MODE = "desactivada";

    @ObjectClassDefinition(name = "CTE publisher trust")
    public @interface Config {
        @AttributeDefinition(description = "The SEP root public key (armoured); relative paths are under karaf.etc")
        String rootKey() default "cte-trust/sep-raiz.asc";

        @AttributeDefinition(description = "Folder of publisher public keys (*.asc) carrying the root's certifications;"
                + " relative paths are under karaf.etc")
        String keysFolder() default "cte-trust/claves";

        @AttributeDefinition(description = "obligatoria (default) or desactivada: development only, accepts unsigned"
                + " content and says so at every start")
        String verification() default "obligatoria";

        @AttributeDefinition(description = "Seconds between two looks at the key files; every TrustListener is told"
                + " of each change")
        int checkSeconds() default 10;
    }

    private static final Logger LOG = LoggerFactory.getLogger(OpenPgpPublisherTrust.class);

    private final Path rootKey;
    private final Path keysFolder;
    private final Path admitted;
    private final Path systemRepository;
    private final boolean enforced;
    private final Clock clock;
    private volatile Loaded loaded;
    /** Grows each time the key files are read again. */
    private final AtomicLong revision = new AtomicLong();
    private final List<TrustListener> listeners = new CopyOnWriteArrayList<>();
    private long toldRevision;
    private ScheduledExecutorService keysWatch;

    private record Loaded(String stamp, TrustStore store, String failure) {
    }

    @Activate
    public OpenPgpPublisherTrust(Config config) {
        this(config, Path.of(System.getProperty("karaf.etc", "etc")), Path.of(System.getProperty("karaf.data",
                "data")), Path.of(System.getProperty("karaf.home", ".")).resolve(System.getProperty(
                        "karaf.default.repository", "system")), Clock.systemUTC());
        int seconds = Math.max(1, config.checkSeconds());
        keysWatch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cte-trust-keys");
            thread.setDaemon(true);
            return thread;
        });
        keysWatch.scheduleWithFixedDelay(this::tellListenersIfKeysChanged, seconds, seconds, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        // Listeners told of a change write to the database (withdrawn guides and packs are audited): let them finish.
        if (keysWatch != null && !BackgroundTasks.stop(keysWatch, Duration.ofSeconds(30))) {
            LOG.warn("The listeners of a key change were still running 30 s after the trust service stopped");
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(TrustListener listener) {
        listeners.add(listener);
    }

    void removeListener(TrustListener listener) {
        listeners.remove(listener);
    }

    /**
     * Reads the key files again when one changed and then tells every listener, once per change: a revocation takes
     * effect on what is already installed within {@code checkSeconds}, without anyone asking.
     */
    void tellListenersIfKeysChanged() {
        if (!enforced) {
            return;
        }
        try {
            store();
            long current = revision.get();
            if (current == toldRevision) {
                return;
            }
            toldRevision = current;
            for (TrustListener listener : listeners) {
                try {
                    listener.trustChanged();
                } catch (RuntimeException e) {
                    LOG.error("A listener of the trusted keys failed: {}", listener, e);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Looking at the publisher key files failed", e);
        }
    }

    OpenPgpPublisherTrust(Config config, Path etc, Path data, Path systemRepository, Clock clock) {
        this.rootKey = etc.resolve(config.rootKey());
        this.keysFolder = etc.resolve(config.keysFolder());
        this.admitted = data.resolve("cte-trust").resolve("admitidos");
        this.systemRepository = systemRepository;
        this.clock = clock;
        String mode = config.verification() == null ? "" : config.verification().strip();
        this.enforced = !DEVELOPMENT_MODE.equalsIgnoreCase(mode);
        if (!enforced) {
            LOG.warn("DEVELOPMENT MODE: signature verification of guides, packs and overlays is OFF (etc/mx.cte.trust"
                    + ".cfg verification=desactivada); unsigned content is accepted. Never run a school's installation"
                    + " like this.");
        } else {
            Loaded store = store();
            if (store.store() != null) {
                LOG.info("Publisher trust: root key {} ({}), {} publisher keys from {}", store.store()
                        .rootFingerprint(), rootKey, store.store().keys(clock.instant()).size(), keysFolder);
                if (DEMO_ROOT_FINGERPRINT.equals(store.store().rootFingerprint())) {
                    LOG.warn("The trusted root {} is the repository's DEMONSTRATION root, whose secret key is public:"
                            + " anyone can sign content this installation accepts. Replace {} with the SEP's root.",
                            DEMO_ROOT_FINGERPRINT, rootKey);
                }
            }
            toldRevision = revision.get();
        }
    }

    @Override
    public boolean enforced() {
        return enforced;
    }

    @Override
    public TrustStatus status() {
        Loaded current = store();
        if (current.store() == null) {
            return new TrustStatus(enforced, "", false, List.of(), List.of(current.failure()));
        }
        TrustStore store = current.store();
        List<TrustStatus.PublisherKey> keys = store.keys(clock.instant()).stream()
                .map(key -> new TrustStatus.PublisherKey(key.fingerprint(), key.userId(), key.publisher(),
                        key.validFrom(), key.validUntil(), key.revokedAt(), key.problem())).toList();
        return new TrustStatus(enforced, store.rootFingerprint(), DEMO_ROOT_FINGERPRINT.equals(
                store.rootFingerprint()), keys, store.problems());
    }

    @Override
    public TrustVerdict verify(byte[] artifact, byte[] signature, String publisher) {
        if (!enforced) {
            return new TrustVerdict(true, "", "", "", "verificación de firmas desactivada (modo de desarrollo)");
        }
        Loaded current = store();
        if (current.store() == null) {
            return TrustVerdict.refused(current.failure());
        }
        return current.store().verify(artifact, signature, publisher, clock.instant());
    }

    @Override
    public TrustVerdict admit(byte[] artifact, byte[] signature, String publisher) {
        TrustVerdict verdict = verify(artifact, signature, publisher);
        if (verdict.trusted() && enforced) {
            try {
                String fingerprint = ArtifactEntries.of(artifact);
                Files.createDirectories(admitted);
                write(admitted.resolve(fingerprint + ".jar.asc"), signature);
                write(admitted.resolve(fingerprint + ".jar"), artifact);
            } catch (IOException e) {
                LOG.error("Could not keep the admitted artifact in {}", admitted, e);
                return TrustVerdict.refused(verdict.signer(), verdict.signerName(), verdict.scope(), "no se pudo"
                        + " guardar el artefacto verificado en " + admitted + ": " + e.getMessage());
            }
        }
        return verdict;
    }

    @Override
    public TrustVerdict verify(Bundle bundle, String publisher) {
        if (!enforced) {
            return new TrustVerdict(true, "", "", "", "verificación de firmas desactivada (modo de desarrollo)");
        }
        String installed;
        try {
            installed = ArtifactEntries.of(bundle);
        } catch (IOException e) {
            return TrustVerdict.refused("no se pudo leer el contenido del bundle: " + e.getMessage());
        }
        List<Path> candidates = new ArrayList<>();
        Path jar = jarOf(bundle.getLocation());
        if (jar != null) {
            candidates.add(jar);
        }
        candidates.add(admitted.resolve(installed + ".jar"));
        // Trusted when some signed jar, verified now, holds exactly the entries the framework serves.
        TrustVerdict firstRefusal = null;
        for (Path candidate : candidates) {
            Path signature = candidate.resolveSibling(candidate.getFileName() + ".asc");
            if (!Files.isRegularFile(candidate) || !Files.isRegularFile(signature)) {
                continue;
            }
            TrustVerdict verdict;
            try {
                byte[] content = Files.readAllBytes(candidate);
                verdict = verify(content, Files.readAllBytes(signature), publisher);
                if (verdict.trusted() && !installed.equals(ArtifactEntries.of(content))) {
                    verdict = TrustVerdict.refused(verdict.signer(), verdict.signerName(), verdict.scope(), "lo que"
                            + " el framework instaló no es el jar firmado " + candidate + ": sus entradas difieren");
                }
            } catch (IOException e) {
                verdict = TrustVerdict.refused("no se pudo leer " + candidate + " o su firma: " + e.getMessage());
            }
            if (verdict.trusted()) {
                return verdict;
            }
            firstRefusal = firstRefusal == null ? verdict : firstRefusal;
        }
        return firstRefusal != null ? firstRefusal : TrustVerdict.refused("no está firmado: no hay firma OpenPGP de"
                + " este bundle (" + (jar == null ? "instálelo con su firma por el API de publicación o el canal"
                        : "falta " + jar.getFileName() + ".asc junto a " + jar) + ")");
    }

    /** The jar a bundle was installed from, when its location names one on this machine. */
    private Path jarOf(String location) {
        if (location == null) {
            return null;
        }
        try {
            if (location.startsWith("file:")) {
                return Path.of(URI.create(location));
            }
            if (location.startsWith("mvn:")) {
                return systemRepository.resolve(MavenLocation.parse(location).path());
            }
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            LOG.debug("Bundle location {} names no jar here", LogText.of(location));
        }
        return null;
    }

    /** The trust store, read again when the root key or a file of the keys folder changed. */
    private Loaded store() {
        String stamp = stamp();
        Loaded current = loaded;
        if (current != null && current.stamp().equals(stamp)) {
            return current;
        }
        synchronized (this) {
            current = loaded;
            if (current != null && current.stamp().equals(stamp)) {
                return current;
            }
            Loaded fresh;
            try {
                TrustStore store = TrustStore.load(rootKey, keysFolder);
                store.problems().forEach(problem -> LOG.warn("Publisher key file skipped: {}", LogText.of(problem)));
                fresh = new Loaded(stamp, store, "");
                if (current != null) {
                    LOG.info("Publisher keys read again from {}: {} keys", keysFolder, store.keys(clock.instant())
                            .size());
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("The SEP root key {} cannot be read: nothing signed can be trusted until it is there: {}",
                        rootKey, e.getMessage());
                fresh = new Loaded(stamp, null, "no se puede verificar ninguna firma: falta o no se puede leer la"
                        + " clave raíz de la SEP (" + rootKey + ")");
            }
            loaded = fresh;
            revision.incrementAndGet();
            return fresh;
        }
    }

    private String stamp() {
        StringBuilder stamp = new StringBuilder();
        appendStamp(stamp, rootKey);
        if (Files.isDirectory(keysFolder)) {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(keysFolder)) {
                listing.forEach(files::add);
            } catch (IOException e) {
                stamp.append("?");
            }
            files.stream().sorted().forEach(file -> appendStamp(stamp, file));
        }
        return stamp.toString();
    }

    private static void appendStamp(StringBuilder stamp, Path file) {
        try {
            stamp.append(file.getFileName()).append(':').append(Files.size(file)).append(':')
                    .append(Files.getLastModifiedTime(file).toMillis()).append(';');
        } catch (IOException e) {
            stamp.append(file.getFileName()).append(":-;");
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
