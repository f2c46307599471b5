package mx.cte.exchange.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import mx.cte.exchange.api.ExchangeGroup;
import mx.cte.exchange.api.Presentation;
import mx.cte.exchange.api.SchoolMatch;
import mx.cte.exchange.api.Unpaired;
import mx.cte.schools.api.Cct;

/**
 * How two presentations are scored and how schools are grouped, free of storage and of the search library so that
 * it is tested on its own. The score weighs the Spanish text similarity of problems, causes, actions and results
 * (0.7) with the shared indicator areas (0.2) and grades (0.1), each as the overlap of the two sets.
 */
final class Grouping {

    static final double TEXT_WEIGHT = 0.7;
    static final double AREA_WEIGHT = 0.2;
    static final double GRADE_WEIGHT = 0.1;
    /** Below this, two schools have too little in common to be suggested together. */
    static final double MINIMUM = 0.15;

    private Grouping() {
    }

    static SchoolMatch match(Presentation a, Presentation b, double textScore, List<String> sharedWords) {
        List<String> areas = a.areas().stream().filter(x -> b.areas().stream().anyMatch(x::equalsIgnoreCase))
                .toList();
        List<Integer> grades = a.grades().stream().filter(b.grades()::contains).toList();
        double score = TEXT_WEIGHT * textScore
                + AREA_WEIGHT * overlap(areas.size(), a.areas().size(), b.areas().size())
                + GRADE_WEIGHT * overlap(grades.size(), a.grades().size(), b.grades().size());
        List<String> reasons = new ArrayList<>();
        if (textScore > 0) {
            reasons.add(String.format(java.util.Locale.ROOT, "Problemáticas parecidas (%.0f %%)", textScore * 100)
                    + (sharedWords.isEmpty() ? "" : ": comparten «" + String.join("», «", sharedWords) + "»"));
        }
        if (!areas.isEmpty()) {
            reasons.add((areas.size() == 1 ? "Misma área: " : "Mismas áreas: ") + String.join(", ", areas));
        }
        if (!grades.isEmpty()) {
            reasons.add((grades.size() == 1 ? "Mismo grado: " : "Mismos grados: ")
                    + String.join(", ", grades.stream().map(g -> g + "°").toList()));
        }
        boolean ordered = a.school().value().compareTo(b.school().value()) < 0;
        return new SchoolMatch(ordered ? a.school() : b.school(), ordered ? b.school() : a.school(),
                Math.round(score * 1000) / 1000.0, Math.round(textScore * 1000) / 1000.0, sharedWords, areas, grades,
                reasons);
    }

    /** Jaccard overlap of two sets given the size of their intersection. */
    private static double overlap(int shared, int first, int second) {
        int union = first + second - shared;
        return union == 0 ? 0 : (double) shared / union;
    }

    /**
     * Groups of up to {@code size} schools, strongest pairs first: a pair starts a group when both are free; a free
     * school joins a group when it matches every member above the minimum. Each school is in one group at most.
     * A school still alone whose closest match is in a group of three or more takes that match out into a pair of
     * their own: four schools with the same problem and groups of three make two pairs, not a trio and a school
     * left out.
     */
    static List<ExchangeGroup> groups(List<SchoolMatch> pairs, int size) {
        List<SchoolMatch> strongest = new ArrayList<>(pairs.stream().filter(p -> p.score() >= MINIMUM).toList());
        strongest.sort(Comparator.comparingDouble(SchoolMatch::score).reversed()
                .thenComparing(p -> p.first().value()).thenComparing(p -> p.second().value()));
        Map<String, SchoolMatch> byPair = new HashMap<>();
        strongest.forEach(p -> byPair.put(key(p.first(), p.second()), p));
        Map<Cct, List<Cct>> groupOf = new HashMap<>();
        List<List<Cct>> groups = new ArrayList<>();
        for (SchoolMatch pair : strongest) {
            List<Cct> first = groupOf.get(pair.first());
            List<Cct> second = groupOf.get(pair.second());
            if (first == null && second == null) {
                List<Cct> group = new ArrayList<>(List.of(pair.first(), pair.second()));
                groups.add(group);
                groupOf.put(pair.first(), group);
                groupOf.put(pair.second(), group);
            } else if ((first == null) != (second == null)) {
                List<Cct> group = first == null ? second : first;
                Cct joining = first == null ? pair.first() : pair.second();
                if (group.size() < size && group.stream().allMatch(m -> byPair.containsKey(key(m, joining)))) {
                    group.add(joining);
                    groupOf.put(joining, group);
                }
            }
        }
        for (SchoolMatch pair : strongest) {
            List<Cct> first = groupOf.get(pair.first());
            List<Cct> second = groupOf.get(pair.second());
            if ((first == null) == (second == null)) {
                continue;
            }
            List<Cct> group = first == null ? second : first;
            Cct alone = first == null ? pair.first() : pair.second();
            Cct partner = first == null ? pair.second() : pair.first();
            if (group.size() >= 3) {
                group.remove(partner);
                List<Cct> two = new ArrayList<>(List.of(partner, alone));
                groups.add(two);
                groupOf.put(partner, two);
                groupOf.put(alone, two);
            }
        }
        List<ExchangeGroup> result = new ArrayList<>();
        for (List<Cct> group : groups) {
            List<SchoolMatch> inside = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    inside.add(byPair.get(key(group.get(i), group.get(j))));
                }
            }
            double mean = inside.stream().mapToDouble(SchoolMatch::score).average().orElse(0);
            Set<String> reasons = new LinkedHashSet<>();
            inside.stream().sorted(Comparator.comparingDouble(SchoolMatch::score).reversed())
                    .forEach(p -> reasons.addAll(p.reasons()));
            result.add(new ExchangeGroup(0, new TreeSet<>(group.stream().map(Cct::value).toList()).stream()
                    .map(Cct::parse).toList(), Math.round(mean * 1000) / 1000.0, List.copyOf(reasons)));
        }
        result.sort(Comparator.comparingDouble(ExchangeGroup::score).reversed());
        return result;
    }

    /**
     * Why each published school outside every group is there, for the supervisor: the school's closest match (if
     * any) says whether nothing, too little or a full group kept it out.
     */
    static List<Unpaired> whyUnpaired(List<Cct> unmatched, int published, List<SchoolMatch> pairs,
            List<ExchangeGroup> groups, int size, Function<Cct, String> name) {
        Map<Cct, ExchangeGroup> groupOf = new HashMap<>();
        groups.forEach(g -> g.schools().forEach(c -> groupOf.put(c, g)));
        List<Unpaired> why = new ArrayList<>();
        for (Cct school : unmatched) {
            SchoolMatch closest = pairs.stream().filter(p -> p.first().equals(school) || p.second().equals(school))
                    .max(Comparator.comparingDouble(SchoolMatch::score)).orElse(null);
            String reason;
            if (published <= 1) {
                reason = "Es la única escuela que publicó su presentación; las demás aún no la publican.";
            } else if (closest == null) {
                reason = "Su presentación no comparte palabras, áreas ni grados con las de las otras escuelas que la"
                        + " publicaron.";
            } else {
                Cct other = closest.first().equals(school) ? closest.second() : closest.first();
                String closestIs = "Lo más parecido es la presentación de " + name.apply(other) + " ("
                        + Math.round(closest.score() * 100) + " % en común), ";
                if (closest.score() < MINIMUM) {
                    reason = closestIs + "menos del " + Math.round(MINIMUM * 100) + " % con que se sugiere un grupo.";
                } else if (groupOf.containsKey(other) && groupOf.get(other).schools().size() >= size) {
                    reason = closestIs + "que ya está en un grupo completo de " + size
                            + " escuelas; con grupos más grandes se uniría a él.";
                } else {
                    reason = closestIs + "pero no se parece lo suficiente a las otras escuelas de su grupo.";
                }
            }
            why.add(new Unpaired(school, reason));
        }
        return why;
    }

    private static String key(Cct a, Cct b) {
        return a.value().compareTo(b.value()) < 0 ? a.value() + "|" + b.value() : b.value() + "|" + a.value();
    }
}
