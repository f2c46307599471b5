package mx.cte.guide.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.Block;
import mx.cte.guide.api.Criterion;
import mx.cte.guide.api.Footnote;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.ItemList;
import mx.cte.guide.api.Prompt;
import mx.cte.guide.api.Reading;
import mx.cte.guide.api.Requirements;
import mx.cte.guide.api.Section;

/**
 * Rules of a descriptor that a JSON Schema cannot state: unique activity keys across the guide, unique ids, one product
 * of each type per activity, dates that exist, and references to readings and footnotes that exist, whether listed or
 * marked inside a text ({@code [^2]}). Each problem names the JSON path where it occurs.
 */
final class GuideConsistency {

    private final Guide guide;
    private final List<GuideProblem> problems = new ArrayList<>();
    private final Map<Integer, String> activityPaths = new HashMap<>();
    private final Set<String> sectionIds = new HashSet<>();
    private final Set<String> readingIds = new HashSet<>();
    private final Set<String> footnoteIds = new HashSet<>();

    /** Whether a path beside the descriptor names a shipped file; null when that cannot be known. */
    private final Predicate<String> shipped;

    /** The platform's version, to hold the guide's requirement to; null outside the platform. */
    private final String platform;

    private GuideConsistency(Guide guide, Predicate<String> shipped, String platform) {
        this.guide = guide;
        this.shipped = shipped;
        this.platform = platform;
    }

    static List<GuideProblem> check(Guide guide) {
        return check(guide, null, null);
    }

    static List<GuideProblem> check(Guide guide, Predicate<String> shipped, String platform) {
        GuideConsistency consistency = new GuideConsistency(guide, shipped, platform);
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
        checkRequirements();
        for (int i = 0; i < guide.dates().size(); i++) {
            checkDate(guide.dates().get(i), "$.dates[" + i + "]");
        }
        checkMarks(guide.introduction(), "$.introduction");
        checkMarks(guide.purposes(), "$.purposes");
        checkMarks(guide.materials(), "$.materials");
        checkMarks(guide.products(), "$.products");
        for (int i = 0; i < readings.size(); i++) {
            checkMarks(readings.get(i).paragraphs(), "$.readings[" + i + "].paragraphs");
            checkTextMarks(readings.get(i).items(), "$.readings[" + i + "].items");
        }
        // Format 1 asked for at least one activity; format 2 carries guides that are readings and front matter only.
        if (guide.schemaVersion() == 1 && guide.activities().isEmpty()) {
            problems.add(new GuideProblem("$.sections", "la guía no tiene ninguna actividad"));
        }
    }

    private void checkSection(Section section, String path) {
        if (!sectionIds.add(section.id())) {
            problems.add(new GuideProblem(path + ".id", "la sección '" + section.id() + "' está repetida"));
        }
        checkRefs(section.readings(), readingIds, path + ".readings", "la lectura");
        checkRefs(section.footnotes(), footnoteIds, path + ".footnotes", "la nota al pie");
        if (!section.date().isEmpty()) {
            checkDate(section.date(), path + ".date");
        }
        checkMarks(section.intro(), path + ".intro");
        checkMarks(section.closing(), path + ".closing");
        checkMarks(section.purposes(), path + ".purposes");
        checkMarks(section.materials(), path + ".materials");
        checkMarks(section.products(), path + ".products");
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
            boolean printedKey = activity.label().equals(String.valueOf(activity.number()));
            problems.add(new GuideProblem(path + (printedKey ? ".number" : ".key"), (printedKey ? "la actividad "
                    : "la clave ") + activity.number() + " está repetida: ya aparece en " + previous));
        }
        Set<String> productTypes = new HashSet<>();
        for (int i = 0; i < activity.products().size(); i++) {
            String type = activity.products().get(i).type();
            if (!productTypes.add(type)) {
                problems.add(new GuideProblem(path + ".products[" + i + "].type", "la actividad ya tiene un producto"
                        + " de tipo '" + type + "': cada producto de una actividad es de un tipo distinto"));
            }
        }
        checkMarks(activity.instructions(), path + ".instructions");
        checkTextMarks(activity.notes(), path + ".notes");
        checkMarks(activity.purposes(), path + ".purposes");
        checkMarks(activity.materials(), path + ".materials");
        checkRefs(activity.readings(), readingIds, path + ".readings", "la lectura");
        checkRefs(activity.footnotes(), footnoteIds, path + ".footnotes", "la nota al pie");
        List<Prompt> prompts = activity.prompts();
        for (int i = 0; i < prompts.size(); i++) {
            checkRefs(prompts.get(i).footnotes(), footnoteIds, path + ".prompts[" + i + "].footnotes",
                    "la nota al pie");
            checkTextMarks(List.of(prompts.get(i).text()), path + ".prompts[" + i + "].text", false);
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

    private void checkRequirements() {
        Requirements requires = guide.requires();
        if (!requires.platform().isEmpty()) {
            VersionRange range = VersionRange.parse(requires.platform());
            if (range.isEmpty()) {
                problems.add(new GuideProblem("$.requires.platform", "el rango " + requires.platform()
                        + " no contiene ninguna versión"));
            } else if (platform != null && !range.includes(platform)) {
                problems.add(new GuideProblem("$.requires.platform", "la guía pide la plataforma en versión "
                        + requires.platform() + " y esta instalación tiene la " + platform
                        + ": instálela donde la plataforma cumpla ese rango, o publique una edición para esta versión"));
            }
        }
        Set<String> types = new HashSet<>();
        List<Requirements.Capability> capabilities = requires.capabilities();
        for (int i = 0; i < capabilities.size(); i++) {
            String path = "$.requires.capabilities[" + i + "]";
            if (!types.add(capabilities.get(i).productType())) {
                problems.add(new GuideProblem(path + ".productType", "el tipo de producto '"
                        + capabilities.get(i).productType() + "' ya tiene un rango de versiones en esta lista"));
            }
            if (VersionRange.parse(capabilities.get(i).version()).isEmpty()) {
                problems.add(new GuideProblem(path + ".version", "el rango " + capabilities.get(i).version()
                        + " no contiene ninguna versión"));
            }
        }
    }

    private void checkDate(String date, String path) {
        try {
            LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            problems.add(new GuideProblem(path, "la fecha " + date + " no existe en el calendario"));
        }
    }

    private void checkMarks(ItemList list, String path) {
        checkTextMarks(List.of(list.lead()), path + ".lead", false);
        checkTextMarks(list.items(), path + ".items");
        checkTextMarks(list.notes(), path + ".notes");
    }

    private void checkMarks(List<Block> blocks, String path) {
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            List<String> texts = block instanceof Block.BulletList list ? list.items()
                    : block instanceof Block.Table table ? table.rows().stream().flatMap(List::stream).toList()
                    : List.of(block.plainText());
            checkTextMarks(texts, path + "[" + i + "]", false);
            if (block instanceof Block.Image image && shipped != null && !shipped.test(image.src())) {
                problems.add(new GuideProblem(path + "[" + i + "].src", "la imagen " + image.src()
                        + " no está en el bundle: va en la misma carpeta que el descriptor, en esa ruta"));
            }
        }
    }

    /** Footnote marks written inside a text, where the guide prints them: {@code … desempeño escolar[^2].} */
    private void checkTextMarks(List<String> texts, String path) {
        checkTextMarks(texts, path, true);
    }

    private void checkTextMarks(List<String> texts, String path, boolean indexed) {
        for (int i = 0; i < texts.size(); i++) {
            Matcher mark = Footnote.MARK.matcher(texts.get(i));
            while (mark.find()) {
                if (!footnoteIds.contains(mark.group(1))) {
                    problems.add(new GuideProblem(indexed ? path + "[" + i + "]" : path,
                            "la marca [^" + mark.group(1) + "] llama a una nota al pie que no está definida en la guía"));
                }
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
