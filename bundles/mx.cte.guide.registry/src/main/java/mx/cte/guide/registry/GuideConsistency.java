package mx.cte.guide.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.Criterion;
import mx.cte.guide.api.Footnote;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.Prompt;
import mx.cte.guide.api.Reading;
import mx.cte.guide.api.Section;

/**
 * Rules of a descriptor that a JSON Schema cannot state: unique activity numbers across the guide, unique ids, and
 * references to readings and footnotes that exist. Each problem names the JSON path where it occurs.
 */
final class GuideConsistency {

    private final Guide guide;
    private final List<GuideProblem> problems = new ArrayList<>();
    private final Map<Integer, String> activityPaths = new HashMap<>();
    private final Set<String> sectionIds = new HashSet<>();
    private final Set<String> readingIds = new HashSet<>();
    private final Set<String> footnoteIds = new HashSet<>();

    private GuideConsistency(Guide guide) {
        this.guide = guide;
    }

    static List<GuideProblem> check(Guide guide) {
        GuideConsistency consistency = new GuideConsistency(guide);
        consistency.run();
        return consistency.problems;
    }

    private void run() {
        if (!guide.publisher().code().equals(guide.id().publisher())) {
            problems.add(new GuideProblem("$.publisher.code", "el editor '" + guide.publisher().code()
                    + "' no coincide con el de la identidad de la guía, '" + guide.id().publisher() + "'"));
        }
        List<Reading> readings = guide.readings();
        for (int i = 0; i < readings.size(); i++) {
            if (!readingIds.add(readings.get(i).id())) {
                problems.add(new GuideProblem("$.readings[" + i + "].id",
                        "la lectura '" + readings.get(i).id() + "' está repetida"));
            }
        }
        List<Footnote> footnotes = guide.footnotes();
        for (int i = 0; i < footnotes.size(); i++) {
            if (!footnoteIds.add(footnotes.get(i).id())) {
                problems.add(new GuideProblem("$.footnotes[" + i + "].id",
                        "la nota al pie '" + footnotes.get(i).id() + "' está repetida"));
            }
        }
        List<Section> sections = guide.sections();
        for (int i = 0; i < sections.size(); i++) {
            checkSection(sections.get(i), "$.sections[" + i + "]");
        }
        if (guide.activities().isEmpty()) {
            problems.add(new GuideProblem("$.sections", "la guía no tiene ninguna actividad"));
        }
    }

    private void checkSection(Section section, String path) {
        if (!sectionIds.add(section.id())) {
            problems.add(new GuideProblem(path + ".id", "la sección '" + section.id() + "' está repetida"));
        }
        checkRefs(section.readings(), readingIds, path + ".readings", "la lectura");
        checkRefs(section.footnotes(), footnoteIds, path + ".footnotes", "la nota al pie");
        List<Activity> activities = section.activities();
        for (int i = 0; i < activities.size(); i++) {
            checkActivity(activities.get(i), path + ".activities[" + i + "]");
        }
        List<Section> subsections = section.sections();
        for (int i = 0; i < subsections.size(); i++) {
            checkSection(subsections.get(i), path + ".sections[" + i + "]");
        }
    }

    private void checkActivity(Activity activity, String path) {
        String previous = activityPaths.putIfAbsent(activity.number(), path);
        if (previous != null) {
            problems.add(new GuideProblem(path + ".number", "la actividad " + activity.number()
                    + " está repetida: ya aparece en " + previous));
        }
        checkRefs(activity.readings(), readingIds, path + ".readings", "la lectura");
        checkRefs(activity.footnotes(), footnoteIds, path + ".footnotes", "la nota al pie");
        List<Prompt> prompts = activity.prompts();
        for (int i = 0; i < prompts.size(); i++) {
            checkRefs(prompts.get(i).footnotes(), footnoteIds, path + ".prompts[" + i + "].footnotes",
                    "la nota al pie");
        }
        Set<String> criterionKeys = new HashSet<>();
        List<Criterion> criteria = activity.criteria();
        for (int i = 0; i < criteria.size(); i++) {
            if (!criterionKeys.add(criteria.get(i).key())) {
                problems.add(new GuideProblem(path + ".criteria[" + i + "].key",
                        "el criterio '" + criteria.get(i).key() + "' está repetido en la actividad"));
            }
        }
    }

    private void checkRefs(List<String> refs, Set<String> known, String path, String what) {
        for (int i = 0; i < refs.size(); i++) {
            if (!known.contains(refs.get(i))) {
                problems.add(new GuideProblem(path + "[" + i + "]",
                        what + " '" + refs.get(i) + "' no está definida en la guía"));
            }
        }
    }
}
