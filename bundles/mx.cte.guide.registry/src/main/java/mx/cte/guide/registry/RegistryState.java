package mx.cte.guide.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cte.guide.api.EditionChoice;
import mx.cte.guide.api.GuideActivationException;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.GuideSource;
import mx.cte.guide.api.GuideStatus;
import mx.cte.guide.api.ProductTypeInfo;
import mx.cte.guide.api.RefusedGuide;

/**
 * The registry's mutable state, free of OSGi so it can be tested alone. Every change rebuilds an immutable
 * {@link GuideCatalog} which readers take without locking.
 */
final class RegistryState {

    /** Result of offering a bundle's descriptor. */
    sealed interface Outcome permits Published, Refused {
    }

    record Published(GuideEdition edition) implements Outcome {
    }

    record Refused(RefusedGuide refusal) implements Outcome {
    }

    private final Map<Long, GuideCatalog.Accepted> accepted = new LinkedHashMap<>();
    private final Map<Long, RefusedGuide> refused = new LinkedHashMap<>();
    /** States' overlays, by bundle: composed on every rebuild with the base editions installed then. */
    private final Map<Long, AcceptedOverlay> overlays = new LinkedHashMap<>();
    /** What the last rebuild could not compose, by overlay bundle: conflicts, or a base edition missing. */
    private Map<Long, RefusedGuide> overlayProblems = Map.of();

    record AcceptedOverlay(Overlay overlay, GuideSource source) {
    }
    private final Map<Object, ProductTypeInfo> productTypes = new LinkedHashMap<>();
    private final Map<String, String> chosen;
    /** The choices as the listener last heard them (at first, as they were given). */
    private Map<String, String> announcedChoices;
    private final StatusListener listener;
    private volatile GuideCatalog catalog = GuideCatalog.EMPTY;

    /** Told when an edition already published changes status (e.g. a module brought its missing product types). */
    interface StatusListener {
        void statusChanged(GuideEdition edition, GuideStatus previous);

        /**
         * Told when the serving edition of a guide stops or starts being the chosen one, or another takes its place
         * (a fallback must be seen: log and audit).
         *
         * @param previous the choice before, null for a guide that had none
         */
        default void choiceChanged(String key, EditionChoice previous, EditionChoice now) {
        }

        /**
         * Told when the chosen edition of any guide changed (an activation, an in-place upgrade, a first usable
         * edition): what must survive a restart.
         */
        default void choicesChanged(Map<String, String> chosen) {
        }
    }

    RegistryState(Map<String, String> chosen) {
        this(chosen, (edition, previous) -> { });
    }

    RegistryState(Map<String, String> chosen, StatusListener listener) {
        this.chosen = new HashMap<>(chosen);
        this.announcedChoices = Map.copyOf(chosen);
        this.listener = listener;
        rebuild();
    }

    GuideCatalog catalog() {
        return catalog;
    }

    synchronized Map<String, String> chosen() {
        return Map.copyOf(chosen);
    }

    /**
     * Publishes or refuses the descriptor of a bundle. A valid descriptor replaces what the bundle contributed before;
     * an invalid one is recorded as refused and never replaces a valid edition the bundle already published.
     */
    synchronized Outcome offer(GuideSource source, DescriptorResult result) {
        refused.remove(source.bundleId());
        if (result.isOverlay()) {
            accepted.remove(source.bundleId());
            overlays.put(source.bundleId(), new AcceptedOverlay(result.overlay(), source));
            rebuild();
            RefusedGuide problems = overlayProblems.get(source.bundleId());
            Optional<GuideEdition> composed = catalog.edition(result.overlay().id(), result.overlay().version())
                    .filter(e -> e.source().bundleId() == source.bundleId());
            return composed.<Outcome>map(Published::new).orElseGet(() -> new Refused(problems));
        }
        if (result.isValid()) {
            overlays.remove(source.bundleId());
        }
        List<GuideProblem> problems = new ArrayList<>(result.problems());
        if (result.isValid()) {
            GuideId id = result.guide().id();
            String version = result.guide().version();
            for (GuideCatalog.Accepted other : accepted.values()) {
                if (other.source().bundleId() != source.bundleId()
                        && other.guide().id().equals(id) && other.guide().version().equals(version)) {
                    problems.add(new GuideProblem("$.version", "la edición " + version + " de la guía " + id.key()
                            + " ya está instalada desde el bundle " + other.source().describe()));
                }
            }
        }
        Outcome outcome;
        if (problems.isEmpty()) {
            followInPlaceUpdate(accepted.get(source.bundleId()), result.guide().id(), result.guide().version());
            accepted.remove(source.bundleId());
            accepted.put(source.bundleId(), new GuideCatalog.Accepted(result.guide(), source));
            rebuild();
            outcome = new Published(catalog.edition(result.guide().id(), result.guide().version()).orElseThrow());
        } else {
            RefusedGuide refusal = new RefusedGuide(source, problems);
            refused.put(source.bundleId(), refusal);
            rebuild();
            outcome = new Refused(refusal);
        }
        return outcome;
    }

    /**
     * Updating in place the bundle of the chosen edition with a new edition of the same guide is the publisher's
     * upgrade of what is in use: the choice follows it. An edition installed from another bundle waits to be chosen.
     */
    private void followInPlaceUpdate(GuideCatalog.Accepted before, GuideId id, String version) {
        if (before != null && before.guide().id().equals(id)
                && before.guide().version().equals(chosen.get(id.key()))) {
            chosen.put(id.key(), version);
        }
    }

    synchronized boolean hasAccepted(long bundleId) {
        return accepted.containsKey(bundleId) || overlays.containsKey(bundleId);
    }

    /** Forgets whatever a bundle contributed; returns the edition it had published, if any. */
    synchronized Optional<GuideCatalog.Accepted> withdraw(long bundleId) {
        GuideCatalog.Accepted removed = accepted.remove(bundleId);
        RefusedGuide refusal = refused.remove(bundleId);
        AcceptedOverlay overlay = overlays.remove(bundleId);
        if (removed != null || refusal != null || overlay != null) {
            rebuild();
        }
        return Optional.ofNullable(removed);
    }

    synchronized void addProductType(Object key, ProductTypeInfo type) {
        productTypes.put(key, type);
        rebuild();
    }

    synchronized void removeProductType(Object key) {
        if (productTypes.remove(key) != null) {
            rebuild();
        }
    }

    synchronized GuideEdition activate(GuideId id, String version) throws GuideActivationException {
        GuideCatalog current = catalog;
        GuideEdition edition = current.edition(id, version).orElseThrow(() -> new GuideActivationException(
                current.editions(id).isEmpty()
                        ? "No hay ninguna guía instalada con la clave " + id.key()
                        : "La guía " + id.key() + " no tiene instalada la edición " + version + "; hay: "
                                + current.editions(id).stream().map(GuideEdition::version).toList()));
        if (edition.status() == GuideStatus.UNSATISFIED) {
            throw new GuideActivationException("La edición " + version + " de la guía " + id.key()
                    + " no puede activarse: faltan los tipos de producto " + edition.missingProductTypes());
        }
        chosen.put(id.key(), version);
        rebuild();
        return catalog.edition(id, version).orElseThrow();
    }

    /**
     * Composes an overlay with the newest installed edition of its base guide that its range accepts and that it
     * applies to without conflict; the conflicts with newer editions are reported (a corrected national edition the
     * state's changes no longer fit), and the state's guide keeps serving on the older one meanwhile.
     */
    private void compose(AcceptedOverlay overlay, List<GuideCatalog.Accepted> into, Map<Long, RefusedGuide> problems) {
        Overlay.Base base = overlay.overlay().base();
        VersionRange range = VersionRange.parse(base.versions());
        List<GuideCatalog.Accepted> candidates = accepted.values().stream()
                .filter(a -> a.guide().id().equals(base.id()) && range.includes(a.guide().version()))
                .sorted(java.util.Comparator.comparing((GuideCatalog.Accepted a) -> a.guide().version(),
                        Versions.ASCENDING).reversed())
                .toList();
        List<GuideProblem> conflicts = new ArrayList<>();
        Optional<GuideCatalog.Accepted> sameEdition = into.stream().filter(a -> a.guide().id().equals(
                overlay.overlay().id()) && a.guide().version().equals(overlay.overlay().version())).findFirst();
        if (sameEdition.isPresent()) {
            problems.put(overlay.source().bundleId(), new RefusedGuide(overlay.source(), List.of(new GuideProblem(
                    "$.version", "la edición " + overlay.overlay().version() + " de la guía " + overlay.overlay().id()
                            .key() + " ya está instalada desde el bundle " + sameEdition.get().source().describe()))));
            return;
        }
        if (candidates.isEmpty()) {
            List<String> installed = accepted.values().stream().filter(a -> a.guide().id().equals(base.id()))
                    .map(a -> a.guide().version()).toList();
            conflicts.add(new GuideProblem("$.base", "la guía base " + base.id().key() + " no tiene instalada ninguna"
                    + " edición en " + base.versions() + (installed.isEmpty() ? " (no hay ninguna instalada)"
                    : " (hay: " + String.join(", ", installed) + ")")));
        }
        for (GuideCatalog.Accepted candidate : candidates) {
            OverlayComposer.Composed composed = OverlayComposer.apply(candidate.guide(), overlay.overlay());
            if (composed.isClean()) {
                into.add(new GuideCatalog.Accepted(composed.guide(), overlay.source()));
                break;
            }
            conflicts.addAll(composed.conflicts());
        }
        if (!conflicts.isEmpty()) {
            problems.put(overlay.source().bundleId(), new RefusedGuide(overlay.source(), conflicts));
        }
    }

    private void rebuild() {
        GuideCatalog previous = catalog;
        List<GuideCatalog.Accepted> all = new ArrayList<>(accepted.values());
        Map<Long, RefusedGuide> notComposed = new LinkedHashMap<>();
        for (AcceptedOverlay overlay : overlays.values()) {
            compose(overlay, all, notComposed);
        }
        overlayProblems = Map.copyOf(notComposed);
        List<RefusedGuide> allRefused = new ArrayList<>(refused.values());
        allRefused.addAll(notComposed.values());
        catalog = GuideCatalog.build(all, allRefused, List.copyOf(productTypes.values()), chosen);
        for (GuideEdition edition : catalog.editions()) {
            previous.edition(edition.guide().id(), edition.version())
                    .filter(before -> before.status() != edition.status()
                            && before.source().bundleId() == edition.source().bundleId())
                    .ifPresent(before -> listener.statusChanged(edition, before.status()));
        }
        for (Map.Entry<String, EditionChoice> entry : catalog.choices().entrySet()) {
            // The first edition that could serve a guide nobody chose for becomes its choice: one installed later
            // beside it waits for an administrator instead of replacing it under the schools' feet.
            chosen.putIfAbsent(entry.getKey(), entry.getValue().chosenVersion());
            EditionChoice before = previous.choices().get(entry.getKey());
            if (!entry.getValue().equals(before) && (entry.getValue().isFallback()
                    || before != null && before.isFallback())) {
                listener.choiceChanged(entry.getKey(), before, entry.getValue());
            }
        }
        // Every change of a choice goes through here (activate, followInPlaceUpdate, the first usable edition above).
        if (!chosen.equals(announcedChoices)) {
            announcedChoices = Map.copyOf(chosen);
            listener.choicesChanged(announcedChoices);
        }
    }
}
