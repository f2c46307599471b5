package mx.cte.results.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import mx.cte.results.api.ConcentrateItem;
import mx.cte.results.api.ExpectedResult;
import mx.cte.results.api.GradeCoincidences.Convergence;
import mx.cte.results.api.Progress;
import mx.cte.results.api.Rating;
import mx.cte.results.api.Tally;
import mx.cte.schools.api.School;

/**
 * The computations of the analysis, free of storage so that they are tested on their own: which groups an expected
 * result applies to, the coincidences of a grade, the concentrate a school or collective starts from, and the tallies
 * of the roll-ups.
 */
final class Aggregation {

    private Aggregation() {
    }

    /** The school's groups that study the grade (a multigrade group counts for each of its grades). */
    static List<String> groupsOf(School school, int grade) {
        return school.groups().stream().filter(g -> g.grades().contains(grade)).map(g -> g.name()).toList();
    }

    /** A grade's expected result applies to all its groups; a group's own, only to that group. */
    static boolean appliesTo(ExpectedResult result, int grade, String group) {
        return result.content().grade() == grade
                && (result.content().group() == null || result.content().group().equalsIgnoreCase(group));
    }

    /** How the groups of a grade assessed each of its expected results. */
    static List<Convergence> convergences(int grade, List<String> groups, List<ExpectedResult> results,
            List<Rating> ratings) {
        List<Convergence> convergences = new ArrayList<>();
        for (ExpectedResult result : results) {
            if (result.content().grade() != grade) {
                continue;
            }
            List<String> concerned = groups.stream().filter(g -> appliesTo(result, grade, g)).toList();
            Tally tally = Tally.ZERO;
            List<String> hardestIn = new ArrayList<>();
            List<String> unrated = new ArrayList<>();
            TreeSet<Progress> given = new TreeSet<>();
            for (String group : concerned) {
                Rating rating = ratings.stream().filter(r -> r.expectedResultId() == result.id()
                        && r.group().equalsIgnoreCase(group)).findFirst().orElse(null);
                if (rating == null) {
                    unrated.add(group);
                    continue;
                }
                tally = tally.plus(rating.progress());
                given.add(rating.progress());
                if (rating.hardest()) {
                    hardestIn.add(group);
                }
            }
            boolean shared = unrated.isEmpty() && given.size() == 1;
            convergences.add(new Convergence(result, tally.asMap(), hardestIn, unrated, shared));
        }
        return convergences;
    }

    /**
     * The coincidences written out for the team to start from: what every group it concerns (more than one) assessed
     * alike, and what more than one group (or the grade's only group) finds hardest.
     */
    static String suggestedCoincidences(List<String> groups, List<Convergence> convergences) {
        StringBuilder text = new StringBuilder();
        for (Convergence c : convergences) {
            int rated = c.counts().values().stream().mapToInt(Integer::intValue).sum();
            if (c.shared() && rated > 1) {
                Progress progress = c.counts().entrySet().stream().filter(e -> e.getValue() > 0).findFirst()
                        .orElseThrow().getKey();
                line(text, "Todos los grupos lo valoran " + label(progress) + ": «" + c.result().content().text()
                        + "».");
            }
            if (c.hardestIn().size() >= 2 || (groups.size() == 1 && c.hardestIn().size() == 1)) {
                line(text, "Representa mayor dificultad en " + String.join(", ", c.hardestIn()) + ": «"
                        + c.result().content().text() + "».");
            }
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String line) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(line);
    }

    static String label(Progress progress) {
        return switch (progress) {
            case LOGRADO -> "como logrado";
            case EN_PROCESO -> "en proceso";
            case SIN_AVANCE -> "sin avance";
        };
    }

    /**
     * The concentrate the collective starts from. An expected result is an achievement when more than half of the
     * groups that rated it report it achieved; otherwise it is a challenge when a group reports no progress or counts
     * it among its hardest. Results still in process elsewhere are left to the collective. The same result (grade,
     * area, text) across groups or schools of a collective is counted once, and the same line across grades is one
     * line naming them.
     */
    static List<ConcentrateItem> proposal(List<ExpectedResult> results, List<Rating> ratings) {
        record Key(int grade, String area, String text) {
        }
        Map<Key, Tally> tallies = new LinkedHashMap<>();
        Map<Key, Boolean> hardest = new LinkedHashMap<>();
        Map<Key, ExpectedResult> first = new LinkedHashMap<>();
        List<ExpectedResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingInt((ExpectedResult r) -> r.content().grade()).thenComparingLong(r -> r.id()));
        for (ExpectedResult result : ordered) {
            Key key = new Key(result.content().grade(), result.content().area().toLowerCase(),
                    normalized(result.content().text()));
            first.putIfAbsent(key, result);
            for (Rating rating : ratings) {
                if (rating.expectedResultId() == result.id()) {
                    tallies.merge(key, Tally.ZERO.plus(rating.progress()), Tally::plus);
                    hardest.merge(key, rating.hardest(), Boolean::logicalOr);
                }
            }
        }
        record Line(ConcentrateItem.Kind kind, String area, String text) {
        }
        Map<Line, TreeSet<Integer>> grades = new LinkedHashMap<>();
        Map<Line, ExpectedResult> source = new LinkedHashMap<>();
        for (Map.Entry<Key, Tally> entry : tallies.entrySet()) {
            Tally tally = entry.getValue();
            ConcentrateItem.Kind kind;
            if (tally.logrado() * 2 > tally.total()) {
                kind = ConcentrateItem.Kind.LOGRO;
            } else if (tally.sinAvance() > 0 || hardest.get(entry.getKey())) {
                kind = ConcentrateItem.Kind.DESAFIO;
            } else {
                continue;
            }
            ExpectedResult result = first.get(entry.getKey());
            Line line = new Line(kind, entry.getKey().area(), entry.getKey().text());
            grades.computeIfAbsent(line, l -> new TreeSet<>()).add(entry.getKey().grade());
            source.putIfAbsent(line, result);
        }
        List<ConcentrateItem> items = new ArrayList<>();
        for (ConcentrateItem.Kind kind : ConcentrateItem.Kind.values()) {
            grades.forEach((line, lineGrades) -> {
                if (line.kind() == kind) {
                    ExpectedResult result = source.get(line);
                    items.add(new ConcentrateItem(0, kind, result.content().area(), List.copyOf(lineGrades),
                            result.content().text(), result.content().rmeObjective(), result.content().rmeGoal(), "",
                            0));
                }
            });
        }
        return items;
    }

    /** Two lines say the same when they differ only in case, spacing or final period. */
    static String normalized(String text) {
        String collapsed = text.strip().replaceAll("\\s+", " ").toLowerCase();
        return collapsed.endsWith(".") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }

    /** One counted group of assessments as the roll-up query returns it. */
    record Count(String cct, int grade, String area, Progress progress, int count) {
    }

    static Map<String, Tally> byArea(List<Count> counts) {
        Map<String, Tally> byArea = new TreeMap<>();
        counts.forEach(c -> byArea.merge(c.area(), times(c.progress(), c.count()), Tally::plus));
        return byArea;
    }

    static Map<Integer, Tally> byGrade(List<Count> counts) {
        Map<Integer, Tally> byGrade = new TreeMap<>();
        counts.forEach(c -> byGrade.merge(c.grade(), times(c.progress(), c.count()), Tally::plus));
        return byGrade;
    }

    static Tally total(List<Count> counts) {
        return counts.stream().map(c -> times(c.progress(), c.count())).reduce(Tally.ZERO, Tally::plus);
    }

    private static Tally times(Progress progress, int count) {
        return switch (progress) {
            case LOGRADO -> new Tally(count, 0, 0);
            case EN_PROCESO -> new Tally(0, count, 0);
            case SIN_AVANCE -> new Tally(0, 0, count);
        };
    }
}
