package mx.cte.guide.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import mx.cte.audit.api.AuditLog;
import mx.cte.content.guard.ContentBundles;
import mx.cte.core.api.text.LogText;
import mx.cte.guide.api.EditionChoice;
import mx.cte.guide.api.GuideActivationException;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.guide.api.GuideSource;
import mx.cte.guide.api.GuideStatus;
import mx.cte.guide.api.ProductTypeInfo;
import mx.cte.guide.api.Provenance;
import mx.cte.guide.api.RefusedGuide;
import mx.cte.guide.spi.ProductType;
import mx.cte.trust.api.PublisherTrust;
import mx.cte.trust.api.TrustListener;
import mx.cte.trust.api.TrustVerdict;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guide extender: tracks every bundle with a {@value #GUIDE_HEADER} manifest header, reads its descriptor and
 * publishes the guide. A guide bundle's contribution is replaced when the bundle is updated and dropped only when it
 * is uninstalled, so stopping, updating or refreshing it never leaves readers without a guide in between.
 */
@Component(service = GuideRegistry.class, immediate = true)
public final class GuideRegistryImpl implements GuideRegistry {

    /** Manifest header naming the descriptor inside a guide bundle, e.g. {@code CTE-Guide: guide/guide.json}. */
    public static final String GUIDE_HEADER = ContentBundles.GUIDE_HEADER;
    static final String CHOICES_FILE = "active-editions.properties";
    /** The last valid descriptor of each guide bundle, so a refused update keeps its edition serving after a restart. */
    static final String KEPT_FOLDER = "kept-descriptors";
    /** Where a refusal for a missing or untrusted signature points, among a descriptor's JSON paths. */
    static final String SIGNATURE_PATH = "firma";
    /** Where a refusal of an edition older than the newest installed one points. */
    static final String ROLLBACK_PATH = "edicion-anterior";
    /** Older editions an administrator allowed, one {@code key version} per line. */
    static final String ALLOWED_OLDER_FILE = "allowed-older-editions.txt";
    /** Digests of the descriptors found valid against their schema ({@link SchemaPasses}). */
    static final String SCHEMA_PASSES_FILE = "schema-passes.txt";

    private static final Logger LOG = LoggerFactory.getLogger(GuideRegistryImpl.class);
    /** Every state but UNINSTALLED: a guide stays published while its bundle is stopped or being updated. */
    private static final int TRACKED_STATES = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE
            | Bundle.STOPPING;

    private final DescriptorReader reader;
    private final BundleContext context;
    /** Whether a guide bundle or overlay was signed by its publisher; nothing unsigned is ever published. */
    private final PublisherTrust trust;
    /** The platform's version, a guide's {@code requires.platform} is held to: the release this registry belongs to. */
    private final String platformVersion;
    private final RegistryState state;
    private final Path choicesFile;
    private final Path keptFolder;
    private final Path allowedOlderFile;
    /** {@code key version} of each older edition an administrator allowed to be installed. */
    private final java.util.Set<String> allowedOlder = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** True while the tracker offers the bundles already installed, one by one, at start. */
    private volatile boolean opening = true;
    private final BundleTracker<GuideSource> tracker;
    /** Optional: guides are served without a database, and audited once the audit log is there. */
    private volatile AuditLog audit;
    /** Told by the trust service when the keys changed: every guide bundle is then held to its signature again. */
    private final ServiceRegistration<TrustListener> trustListening;

    @Activate
    public GuideRegistryImpl(BundleContext context, @Reference PublisherTrust trust) {
        this.context = context;
        this.trust = trust;
        this.platformVersion = context.getBundle().getVersion().toString();
        this.reader = new DescriptorReader(SchemaPasses.keptIn(context.getDataFile(SCHEMA_PASSES_FILE).toPath()));
        this.choicesFile = context.getDataFile(CHOICES_FILE).toPath();
        this.keptFolder = context.getDataFile(KEPT_FOLDER).toPath();
        this.allowedOlderFile = context.getDataFile(ALLOWED_OLDER_FILE).toPath();
        loadAllowedOlder();
        this.state = new RegistryState(loadChoices(choicesFile), new RegistryState.StatusListener() {
            @Override
            public void statusChanged(GuideEdition edition, GuideStatus previous) {
                String missing = edition.missingProductTypes().isEmpty() ? ""
                        : ", faltan los tipos de producto " + edition.missingProductTypes();
                LOG.info("Guide {} edition {} is now {} (was {}){}", edition.key(), edition.version(),
                        edition.status().wireName(), previous.wireName(), missing);
                audit("guia-estado", edition.key() + " " + edition.version(), "ahora " + edition.status().wireName()
                        + " (antes " + previous.wireName() + ")" + missing);
            }

            @Override
            public void choiceChanged(String key, EditionChoice previous, EditionChoice now) {
                if (opening) {
                    return; // while the bundles are offered one by one, an earlier edition may serve for a moment
                }
                if (now.isFallback()) {
                    reportFallback(key, now);
                } else {
                    LOG.info("Guide {}: the chosen edition {} serves again", key, now.chosenVersion());
                    audit("guia-respaldo-fin", key + " " + now.chosenVersion(), "la edición elegida vuelve a usarse");
                }
            }

            @Override
            public void choicesChanged(Map<String, String> chosen) {
                saveChoices(chosen);
            }
        });
        this.tracker = new BundleTracker<>(context, TRACKED_STATES, new GuideBundleCustomizer());
        this.tracker.open();
        opening = false;
        this.trustListening = context.registerService(TrustListener.class, this::holdToSignaturesAgain, null);
        state.catalog().choices().forEach((key, choice) -> {
            if (choice.isFallback()) {
                reportFallback(key, choice);
            }
        });
    }

    /** Another edition serves in place of the chosen one: said in the log and in the audit log, never silently. */
    private void reportFallback(String key, EditionChoice choice) {
        LOG.warn("Guide {}: {}", key, LogText.of(choice.fallbackReason()));
        audit("guia-respaldo", key + " " + choice.chosenVersion(), choice.fallbackReason());
    }

    @Deactivate
    void deactivate() {
        try {
            trustListening.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping: the framework removed it
        }
        tracker.close();
    }

    /**
     * When the trusted keys changed (a revocation, an expiry renewed, a key added or removed), every guide bundle is
     * held to its signature again: an edition whose signature is no longer trusted stops serving, one refused for its
     * signature that is trusted now is published.
     */
    void holdToSignaturesAgain() {
        try {
            LOG.info("The trusted publisher keys changed: checking every guide bundle's signature again");
            for (Map.Entry<Bundle, GuideSource> tracked : tracker.getTracked().entrySet()) {
                Bundle bundle = tracked.getKey();
                long id = bundle.getBundleId();
                Optional<GuideEdition> edition = state.catalog().editions().stream()
                        .filter(e -> e.source().bundleId() == id).findFirst();
                boolean changed = edition.isPresent()
                        ? !trust.verify(bundle, edition.get().guide().id().publisher()).trusted()
                        : state.catalog().refused().stream().anyMatch(r -> r.source().bundleId() == id
                                && r.problems().stream().anyMatch(p -> SIGNATURE_PATH.equals(p.path())));
                if (changed) {
                    offer(bundle, tracked.getValue());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Checking the guide bundles' signatures again failed", e);
        }
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

    private void audit(String action, String target, String detail) {
        AuditLog log = audit;
        if (log != null) {
            log.record(action, target, detail);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProductType(ProductType type, ServiceReference<ProductType> reference) {
        String provider = reference.getBundle() != null ? reference.getBundle().getSymbolicName() : "?";
        String version = reference.getBundle() != null ? reference.getBundle().getVersion().toString() : "0.0.0";
        state.addProductType(reference, new ProductTypeInfo(type.id(), type.title(), type.description(), provider,
                version));
        LOG.info("Product type '{}' provided by {}", type.id(), provider);
    }

    void removeProductType(ProductType type, ServiceReference<ProductType> reference) {
        state.removeProductType(reference);
        LOG.info("Product type '{}' withdrawn", type.id());
    }

    @Override
    public List<GuideEdition> editions() {
        return state.catalog().editions();
    }

    @Override
    public List<GuideEdition> editions(GuideId id) {
        return state.catalog().editions(id);
    }

    @Override
    public Optional<GuideEdition> edition(GuideId id, String version) {
        return state.catalog().edition(id, version);
    }

    @Override
    public Optional<GuideEdition> active(GuideId id) {
        return state.catalog().active(id);
    }

    @Override
    public List<RefusedGuide> refused() {
        return state.catalog().refused();
    }

    @Override
    public List<ProductTypeInfo> productTypes() {
        return state.catalog().productTypes();
    }

    @Override
    public Optional<EditionChoice> choice(GuideId id) {
        return state.catalog().choice(id);
    }

    @Override
    public GuideEdition activate(GuideId id, String version) throws GuideActivationException {
        synchronized (state) {
            GuideEdition edition = state.activate(id, version);
            LOG.info("Guide {} edition {} made active", id.key(), version);
            audit("guia-activada", id.key() + " " + version, "elegida como edición activa");
            return edition;
        }
    }

    /**
     * Reads, verifies and publishes (or refuses) one guide bundle. One at a time: bundle events and the trust
     * re-check may offer the same bundle at once, and a withdrawal and its refusal belong together.
     */
    private void offer(Bundle bundle, GuideSource source) {
        synchronized (state) {
            offerLocked(bundle, source);
        }
    }

    private void offerLocked(Bundle bundle, GuideSource source) {
        List<String> code = ContentBundles.problems(bundle);
        String text = code.isEmpty() ? descriptorText(bundle, source.descriptor()) : null;
        DescriptorResult result = !code.isEmpty()
                ? DescriptorResult.invalid(code.stream().map(problem -> new GuideProblem("bundle", problem)).toList())
                : text == null ? missingDescriptor(source.descriptor())
                : reader.read(text, src -> bundle.getEntry(besideDescriptor(source, src)) != null, platformVersion);
        // The guide's publisher, or for an overlay, the state: whose key must have signed the bundle.
        TrustVerdict verdict = result.isValid() ? trust.verify(bundle, result.id().publisher()) : null;
        if (verdict != null && !verdict.trusted()) {
            result = DescriptorResult.invalid(List.of(new GuideProblem(SIGNATURE_PATH, verdict.reason())));
        }
        // An untrusted bundle never serves, not even the descriptor it had when it was trusted (its key may be revoked).
        boolean untrusted = verdict != null && !verdict.trusted();
        if (untrusted && state.hasAccepted(source.bundleId())) {
            state.withdraw(source.bundleId()).ifPresent(removed -> {
                LOG.warn("Guide {} edition {} withdrawn: {}", removed.guide().id().key(), removed.guide().version(),
                        LogText.of(verdict.reason()));
                audit("guia-retirada", removed.guide().id().key() + " " + removed.guide().version(),
                        "su firma ya no es de confianza: " + verdict.reason());
            });
        }
        String rollback = result.isValid() ? rollbackRefusal(bundle, result) : null;
        if (rollback != null) {
            result = DescriptorResult.invalid(List.of(new GuideProblem(ROLLBACK_PATH, rollback)));
        }
        if (!result.isValid() && !untrusted && !state.hasAccepted(source.bundleId())) {
            // A refused update that was kept serving before a restart keeps serving after it, as the registry said.
            keptEdition(bundle).ifPresent(kept -> {
                state.offer(source, kept);
                LOG.warn("Guide bundle {}: its descriptor is refused; {} kept from its last valid descriptor",
                        LogText.of(source.describe()), kept.describe());
            });
        }
        RegistryState.Outcome outcome = state.offer(source, result);
        if (outcome instanceof RegistryState.Published published) {
            keep(bundle, text);
            GuideEdition edition = published.edition();
            LOG.info("Guide {} edition {} from bundle {}: {}{}", edition.key(), edition.version(), source.describe(),
                    edition.status().wireName(), edition.missingProductTypes().isEmpty() ? ""
                            : " (missing product types " + edition.missingProductTypes() + ")");
            audit("guia-publicada", edition.key() + " " + edition.version(), "desde " + source.describe() + ": "
                    + edition.status().wireName());
        } else if (outcome instanceof RegistryState.Refused refused) {
            LOG.warn("Guide bundle {} refused: {}", LogText.of(source.describe()),
                    LogText.of(refused.refusal().problems()));
            audit("guia-rechazada", source.describe(), String.valueOf(refused.refusal().problems()));
        }
    }

    /**
     * Why an edition may not be installed for being older than the newest installed edition of its guide, or null.
     * An edition this bundle already served before (read again at start) is not new, so never a rollback.
     */
    private String rollbackRefusal(Bundle bundle, DescriptorResult result) {
        GuideId id = result.id();
        String version = result.version();
        if (allowedOlder.contains(id.key() + " " + version)) {
            return null;
        }
        Optional<String> newest = state.catalog().editions(id).stream().map(GuideEdition::version)
                .max(Versions.ASCENDING);
        if (newest.isEmpty() || Versions.compare(version, newest.get()) >= 0) {
            return null;
        }
        Optional<DescriptorResult> kept = keptEdition(bundle);
        if (kept.isPresent() && version.equals(kept.get().version())) {
            return null;
        }
        return "la edición " + version + " es anterior a la edición " + newest.get() + " ya instalada de " + id.key()
                + ": no se instala una edición superada; si es una decisión, un administrador la permite con"
                + " cte:guide-allow-older " + id.key() + " " + version + " o POST /api/v1/guide-rollbacks";
    }

    @Override
    public void allowOlderEdition(GuideId id, String version) {
        if (!allowedOlder.add(id.key() + " " + version)) {
            return;
        }
        saveAllowedOlder();
        LOG.warn("Guide {}: edition {} allowed although older than the newest installed one", id.key(), version);
        audit("guia-retroceso-permitido", id.key() + " " + version, "se permite instalar esta edición anterior");
        // A bundle of that edition already installed and refused for its age is read again now.
        for (RefusedGuide refused : state.catalog().refused()) {
            boolean forAge = refused.problems().stream().anyMatch(p -> ROLLBACK_PATH.equals(p.path()));
            Bundle bundle = context.getBundle(refused.source().bundleId());
            if (forAge && bundle != null) {
                GuideSource source = guideSourceOf(bundle);
                if (source != null) {
                    offer(bundle, source);
                }
            }
        }
    }

    private void loadAllowedOlder() {
        if (Files.isRegularFile(allowedOlderFile)) {
            try {
                Files.readAllLines(allowedOlderFile, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(line -> !line.isEmpty()).forEach(allowedOlder::add);
            } catch (IOException e) {
                LOG.error("Could not read the allowed older guide editions from {}", allowedOlderFile, e);
            }
        }
    }

    private void saveAllowedOlder() {
        try {
            writeAtomically(allowedOlderFile, String.join("\n", new java.util.TreeSet<>(allowedOlder)) + "\n");
        } catch (IOException e) {
            LOG.error("Could not save the allowed older guide editions to {}", allowedOlderFile, e);
        }
    }

    /** A path relative to the folder of a bundle's descriptor, as the bundle names its entries. */
    private static String besideDescriptor(GuideSource source, String relative) {
        int slash = source.descriptor().lastIndexOf('/');
        return (slash < 0 ? "" : source.descriptor().substring(0, slash + 1)) + relative;
    }

    @Override
    public Optional<URL> file(GuideId id, String version, String path) {
        return edition(id, version).filter(edition -> edition.guide().images().contains(path)).map(edition -> {
            // A state's guide shows the national guide's images from the national bundle, its own from its own.
            Provenance provenance = edition.guide().provenance();
            GuideEdition owner = provenance == null ? edition : edition(GuideId.parse(provenance.baseKey()),
                    provenance.baseVersion()).filter(base -> base.guide().images().contains(path)).orElse(edition);
            Bundle bundle = context.getBundle(owner.source().bundleId());
            return bundle == null ? null : bundle.getEntry(besideDescriptor(owner.source(), path));
        });
    }

    /** The descriptor's text, or null when the bundle does not hold it or it cannot be read (logged). */
    private static String descriptorText(Bundle bundle, String path) {
        URL entry = bundle.getEntry(path);
        if (entry == null) {
            return null;
        }
        try (InputStream in = entry.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Guide bundle {}: {} could not be read", bundle.getSymbolicName(), path, e);
            return null;
        }
    }

    private static DescriptorResult missingDescriptor(String path) {
        return DescriptorResult.invalid(List.of(new GuideProblem("$", "el bundle declara " + GUIDE_HEADER + ": "
                + path + " pero no contiene ese archivo o no pudo leerse")));
    }

    /** Where a bundle's last valid descriptor is kept: named by its location, which an update in place keeps. */
    private Path keptFile(Bundle bundle) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bundle.getLocation().getBytes(StandardCharsets.UTF_8));
            return keptFolder.resolve(java.util.HexFormat.of().formatHex(hash, 0, 12) + ".json");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private void keep(Bundle bundle, String text) {
        Path file = keptFile(bundle);
        try {
            writeAtomically(file, text);
        } catch (IOException e) {
            LOG.error("Could not keep the descriptor of guide bundle {} in {}", bundle.getSymbolicName(), file, e);
        }
    }

    private Optional<DescriptorResult> keptEdition(Bundle bundle) {
        Path file = keptFile(bundle);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            DescriptorResult kept = reader.read(Files.readString(file, StandardCharsets.UTF_8));
            return kept.isValid() ? Optional.of(kept) : Optional.empty();
        } catch (IOException e) {
            LOG.error("Could not read the kept descriptor {} of guide bundle {}", file, bundle.getSymbolicName(), e);
            return Optional.empty();
        }
    }

    private void forgetKept(Bundle bundle) {
        try {
            Files.deleteIfExists(keptFile(bundle));
        } catch (IOException e) {
            LOG.warn("Could not delete the kept descriptor of guide bundle {}", bundle.getSymbolicName(), e);
        }
    }

    /** The bundle as a guide source, or null if it carries no {@value #GUIDE_HEADER} header. */
    private static GuideSource guideSourceOf(Bundle bundle) {
        String descriptor = bundle.getHeaders("").get(GUIDE_HEADER);
        if (descriptor == null || descriptor.isBlank()) {
            return null;
        }
        return new GuideSource(bundle.getBundleId(), String.valueOf(bundle.getSymbolicName()),
                bundle.getVersion().toString(), descriptor.trim());
    }

    private static Map<String, String> loadChoices(Path file) {
        Map<String, String> choices = new HashMap<>();
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
                properties.stringPropertyNames().forEach(key -> choices.put(key, properties.getProperty(key)));
            } catch (IOException e) {
                LOG.error("Could not read the active guide editions from {}; using the newest of each", file, e);
            }
        }
        return choices;
    }

    private void saveChoices(Map<String, String> choices) {
        Properties properties = new Properties();
        properties.putAll(choices);
        try {
            java.io.StringWriter text = new java.io.StringWriter();
            properties.store(text, "Chosen edition of each guide: an administrator's activation, or the first"
                    + " edition that could serve");
            writeAtomically(choicesFile, text.toString());
        } catch (IOException e) {
            LOG.error("Could not save the active guide editions to {}", choicesFile, e);
        }
    }

    /** Writes beside the file and moves it in place: a crash leaves the old file or the new, never half of one. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private final class GuideBundleCustomizer implements BundleTrackerCustomizer<GuideSource> {

        @Override
        public GuideSource addingBundle(Bundle bundle, BundleEvent event) {
            GuideSource source = guideSourceOf(bundle);
            if (source != null) {
                offer(bundle, source);
            }
            return source;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, GuideSource previous) {
            if (event == null || event.getType() != BundleEvent.UPDATED) {
                return;
            }
            GuideSource source = guideSourceOf(bundle);
            if (source == null) {
                removedBundle(bundle, event, previous);
                return;
            }
            offer(bundle, source);
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, GuideSource source) {
            if (event == null) {
                // The tracker is closing because the registry stops: nothing was uninstalled.
                return;
            }
            forgetKept(bundle);
            state.withdraw(bundle.getBundleId()).ifPresent(removed -> {
                LOG.info("Guide {} edition {} withdrawn: bundle {} uninstalled", removed.guide().id().key(),
                        removed.guide().version(), removed.source().describe());
                audit("guia-retirada", removed.guide().id().key() + " " + removed.guide().version(),
                        "se desinstaló el bundle " + removed.source().describe());
            });
        }
    }
}
