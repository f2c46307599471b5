package mx.cte.guide.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import mx.cte.guide.api.EditionChoice;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideSource;
import mx.cte.guide.api.GuideStatus;
import mx.cte.guide.api.ProductTypeInfo;
import mx.cte.guide.api.RefusedGuide;

/**
 * An immutable snapshot of everything the registry knows. Built in one step from the accepted guides, the refusals,
 * the product types present and the administrators' choices, then swapped in whole: readers never see half a change.
 */
final class GuideCatalog {

    static final GuideCatalog EMPTY = build(List.of(), List.of(), List.of(), Map.of());

    /** A valid descriptor from a bundle. */
    record Accepted(Guide guide, GuideSource source) {
    }

    private final List<GuideEdition> editions;
    private final Map<String, List<GuideEdition>> editionsByKey;
    private final List<RefusedGuide> refused;
    private final List<ProductTypeInfo> productTypes;
    private final Map<String, EditionChoice> choices;

    private GuideCatalog(List<GuideEdition> editions, List<RefusedGuide> refused, List<ProductTypeInfo> productTypes,
            Map<String, EditionChoice> choices) {
        this.editions = List.copyOf(editions);
        Map<String, List<GuideEdition>> byKey = new LinkedHashMap<>();
        for (GuideEdition edition : editions) {
            byKey.computeIfAbsent(edition.key(), k -> new ArrayList<>()).add(edition);
        }
        byKey.replaceAll((k, v) -> List.copyOf(v));
        this.editionsByKey = Map.copyOf(byKey);
        this.refused = List.copyOf(refused);
        this.productTypes = List.copyOf(productTypes);
        this.choices = Map.copyOf(choices);
    }

    /**
     * @param accepted     valid guides, at most one per key and version
     * @param refused      refused bundles
     * @param productTypes product types present, one entry per providing module (a guide may need one in a version
     *                     range); listed once per id, the first registered
     * @param chosen       version an administrator made active, by guide key
     */
    static GuideCatalog build(Collection<Accepted> accepted, Collection<RefusedGuide> refused,
            Collection<ProductTypeInfo> productTypes, Map<String, String> chosen) {

        Map<String, List<Accepted>> byKey = new TreeMap<>();
        for (Accepted a : accepted) {
            byKey.computeIfAbsent(a.guide().id().key(), k -> new ArrayList<>()).add(a);
        }
        List<GuideEdition> editions = new ArrayList<>();
        Map<String, EditionChoice> choices = new TreeMap<>();
        for (Map.Entry<String, List<Accepted>> entry : byKey.entrySet()) {
            List<Accepted> versions = new ArrayList<>(entry.getValue());
            versions.sort(Comparator.comparing((Accepted a) -> a.guide().version(), Versions.ASCENDING).reversed());
            String chosenVersion = chosen.get(entry.getKey());
            String activeVersion = activeVersion(versions, productTypes, chosenVersion);
            List<GuideEdition> ofThisGuide = new ArrayList<>();
            for (Accepted a : versions) {
                Set<String> missing = missingTypes(a.guide(), productTypes);
                GuideStatus status = !missing.isEmpty() ? GuideStatus.UNSATISFIED
                        : a.guide().version().equals(activeVersion) ? GuideStatus.ACTIVE : GuideStatus.AVAILABLE;
                ofThisGuide.add(new GuideEdition(a.guide(), status, missing, a.source()));
            }
            editions.addAll(ofThisGuide);
            if (chosenVersion != null) {
                choices.put(entry.getKey(), new EditionChoice(chosenVersion, activeVersion,
                        fallbackReason(chosenVersion, activeVersion, ofThisGuide)));
            } else if (activeVersion != null) {
                choices.put(entry.getKey(), new EditionChoice(activeVersion, activeVersion, ""));
            }
        }
        List<RefusedGuide> refusedSorted = new ArrayList<>(refused);
        refusedSorted.sort(Comparator.comparingLong(r -> r.source().bundleId()));
        Map<String, ProductTypeInfo> firstById = new LinkedHashMap<>();
        productTypes.forEach(type -> firstById.putIfAbsent(type.id(), type));
        List<ProductTypeInfo> typesSorted = new ArrayList<>(firstById.values());
        typesSorted.sort(Comparator.comparing(ProductTypeInfo::id));
        return new GuideCatalog(editions, refusedSorted, typesSorted, choices);
    }

    /**
     * Why another edition serves in place of the chosen one, in the words the administrator reads; empty when the
     * chosen one serves, or when none can (the editions' status says that: insatisfecha, with what is missing).
     */
    private static String fallbackReason(String chosenVersion, String activeVersion, List<GuideEdition> editions) {
        if (activeVersion == null || chosenVersion.equals(activeVersion)) {
            return "";
        }
        String instead = "se usa la edición " + activeVersion + " en su lugar";
        return editions.stream().filter(e -> e.version().equals(chosenVersion)).findFirst()
                .map(e -> "a la edición elegida " + chosenVersion + " le faltan los tipos de producto "
                        + e.missingProductTypes() + "; " + instead)
                .orElse("la edición elegida " + chosenVersion + " ya no está instalada (se retiró o se reemplazó su"
                        + " bundle); " + instead);
    }

    /**
     * The product types a guide needs that no installed module provides, or provides only in a version outside the
     * range the guide requires of it.
     */
    static Set<String> missingTypes(Guide guide, Collection<ProductTypeInfo> present) {
        Map<String, VersionRange> ranges = new TreeMap<>();
        guide.requires().capabilities().forEach(c -> ranges.put(c.productType(), VersionRange.parse(c.version())));
        Set<String> missing = new TreeSet<>();
        for (String type : guide.productTypes()) {
            VersionRange range = ranges.get(type);
            if (present.stream().noneMatch(p -> p.id().equals(type) && (range == null || range.includes(p.version())))) {
                missing.add(type);
            }
        }
        return missing;
    }

    /** The chosen version if it is satisfied, else the newest satisfied one; null if none is. */
    private static String activeVersion(List<Accepted> newestFirst, Collection<ProductTypeInfo> present,
            String chosen) {
        String newestSatisfied = null;
        for (Accepted a : newestFirst) {
            if (missingTypes(a.guide(), present).isEmpty()) {
                if (a.guide().version().equals(chosen)) {
                    return chosen;
                }
                if (newestSatisfied == null) {
                    newestSatisfied = a.guide().version();
                }
            }
        }
        return newestSatisfied;
    }

    List<GuideEdition> editions() {
        return editions;
    }

    List<GuideEdition> editions(GuideId id) {
        return editionsByKey.getOrDefault(id.key(), List.of());
    }

    Optional<GuideEdition> edition(GuideId id, String version) {
        return editions(id).stream().filter(e -> e.version().equals(version)).findFirst();
    }

    Optional<GuideEdition> active(GuideId id) {
        return editions(id).stream().filter(e -> e.status() == GuideStatus.ACTIVE).findFirst();
    }

    /** The chosen and the serving edition of a guide that has editions installed. */
    Optional<EditionChoice> choice(GuideId id) {
        return Optional.ofNullable(choices.get(id.key()));
    }

    Map<String, EditionChoice> choices() {
        return choices;
    }

    List<RefusedGuide> refused() {
        return refused;
    }

    List<ProductTypeInfo> productTypes() {
        return productTypes;
    }
}
