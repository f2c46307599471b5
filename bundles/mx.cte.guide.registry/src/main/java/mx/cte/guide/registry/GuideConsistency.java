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
import mx.cte.guide.api.FieldKind;
import mx.cte.guide.api.Footnote;
import mx.cte.guide.api.FormField;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.ItemList;
import mx.cte.guide.api.ProductForm;
import mx.cte.guide.api.ProductRef;
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
            checkForm(activity.products().get(i), path + ".products[" + i + "]");
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

    /**
     * A generic product (table, form, checklist, rubric) is laid out by its guide, and only those are: what each type
     * needs, unique field names and levels, options exactly where a field is a choice.
     */
    private void checkForm(ProductRef product, String path) {
        ProductForm form = product.form();
        String type = product.type();
        if (!ProductForm.configures(type)) {
            if (form != null) {
                problems.add(new GuideProblem(path + ".form", "solo los productos de tipo tabla, formulario,"
                        + " lista-cotejo o rubrica llevan 'form'; el módulo de '" + type + "' ya sabe cómo es"));
            }
            return;
        }
        if (form == null) {
            problems.add(new GuideProblem(path, "un producto de tipo '" + type + "' necesita 'form' con "
                    + (usesFields(type) ? "sus campos ('fields')" : "sus elementos ('items') y niveles ('levels')")));
            return;
        }
        if (usesFields(type)) {
            if (form.fields().isEmpty()) {
                problems.add(new GuideProblem(path + ".form", "un producto de tipo '" + type + "' necesita 'fields'"
                        + (type.equals(ProductForm.TABLE) ? ": sus columnas" : ": sus campos")));
            }
            if (!form.items().isEmpty() || !form.levels().isEmpty()) {
                problems.add(new GuideProblem(path + ".form", "'items' y 'levels' son de listas de cotejo y rúbricas;"
                        + " un producto de tipo '" + type + "' lleva solo 'fields'"));
            }
        } else {
            if (form.items().isEmpty()) {
                problems.add(new GuideProblem(path + ".form", "un producto de tipo '" + type + "' necesita 'items': "
                        + (type.equals(ProductForm.RUBRIC) ? "los criterios que evalúa" : "lo que revisa")));
            }
            if (form.levels().size() < 2) {
                problems.add(new GuideProblem(path + ".form", "un producto de tipo '" + type + "' necesita 'levels'"
                        + " con al menos dos niveles o respuestas"));
            }
            if (!form.fields().isEmpty()) {
                problems.add(new GuideProblem(path + ".form.fields", "'fields' es de tablas y formularios; un producto"
                        + " de tipo '" + type + "' lleva 'items' y 'levels'"));
            }
            checkDistinct(form.items(), path + ".form.items", "el elemento '%s' está repetido");
            checkDistinct(form.levels(), path + ".form.levels", "el nivel '%s' está repetido");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < form.fields().size(); i++) {
            FormField field = form.fields().get(i);
            String at = path + ".form.fields[" + i + "]";
            if (!names.add(field.name())) {
                problems.add(new GuideProblem(at + ".name", "el campo '" + field.name() + "' está repetido"));
            }
            if (field.kind() == FieldKind.CHOICE && field.options().size() < 2) {
                problems.add(new GuideProblem(at + ".options", "el campo '" + field.name() + "' es de tipo opcion:"
                        + " liste al menos dos opciones en 'options'"));
            } else if (field.kind() != FieldKind.CHOICE && !field.options().isEmpty()) {
                problems.add(new GuideProblem(at + ".options", "'options' es solo de los campos de tipo opcion; el"
                        + " campo '" + field.name() + "' es de tipo " + field.kind().wireName()));
            }
            checkDistinct(field.options(), at + ".options", "la opción '%s' está repetida");
        }
    }

    private static boolean usesFields(String type) {
        return type.equals(ProductForm.TABLE) || type.equals(ProductForm.FORM);
    }

    /** {@code message} names the repeated value with {@code %s}; values differing only in case count as the same. */
    private void checkDistinct(List<String> values, String path, String message) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i).strip().toLowerCase(java.util.Locale.ROOT))) {
                problems.add(new GuideProblem(path + "[" + i + "]", String.format(message, values.get(i))));
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
