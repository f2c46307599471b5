package mx.cte.guide.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.ItemList;
import mx.cte.guide.api.ProductRef;
import mx.cte.guide.api.Provenance;
import mx.cte.guide.api.Reading;
import mx.cte.guide.api.Section;

/**
 * Applies a state's overlay to one edition of the national guide: the result is the state's guide, the national text
 * with the state's changes and, for each item the state touched, its provenance. A change that does not fit this
 * edition (an activity it replaces is gone, a key it adds is taken) is a conflict, named item by item with the
 * edition; a composition with conflicts is not published.
 */
final class OverlayComposer {

    /** The state's guide, or the conflicts that keep it from being composed on this edition. */
    record Composed(Guide guide, List<GuideProblem> conflicts) {

        boolean isClean() {
            return conflicts.isEmpty();
        }
    }

    /** A section while changes are applied: its own data, and what changes can touch (readings, activities,
     * sub-sections) as lists. */
    private static final class Node {
        final Section section;
        final List<String> readings;
        final List<Activity> activities;
        final List<Node> children = new ArrayList<>();

        Node(Section section) {
            this.section = section;
            this.readings = new ArrayList<>(section.readings());
            this.activities = new ArrayList<>(section.activities());
            section.sections().forEach(child -> children.add(new Node(child)));
        }

        Section build() {
            return new Section(section.id(), section.kind(), section.label(), section.title(), section.editorialTitle(),
                    section.date(), section.minutes(), section.intro(), section.purposes(), section.materials(),
                    section.products(), section.agenda(), readings, activities,
                    children.stream().map(Node::build).toList(), section.closing(), section.footnotes());
        }
    }

    private final Guide base;
    private final Overlay overlay;
    private final List<Node> top = new ArrayList<>();
    private final List<Reading> readings;
    private final Map<String, String> provenance = new LinkedHashMap<>();
    private final List<GuideProblem> conflicts = new ArrayList<>();
    private final String edition;

    private OverlayComposer(Guide base, Overlay overlay) {
        this.base = base;
        this.overlay = overlay;
        base.sections().forEach(section -> top.add(new Node(section)));
        this.readings = new ArrayList<>(base.readings());
        this.edition = "la edición " + base.version() + " de " + base.id().key();
    }

    static Composed apply(Guide base, Overlay overlay) {
        return new OverlayComposer(base, overlay).compose();
    }

    private Composed compose() {
        List<Overlay.Change> changes = overlay.changes();
        for (int i = 0; i < changes.size(); i++) {
            apply(changes.get(i), "$.changes[" + i + "]");
        }
        List<String> purposeItems = new ArrayList<>(base.purposes().items());
        if (!overlay.purposes().items().isEmpty()) {
            purposeItems.addAll(overlay.purposes().items());
            provenance.put("propositos", Provenance.ADDED);
        }
        ItemList purposes = new ItemList(base.purposes().lead().isEmpty() ? overlay.purposes().lead()
                : base.purposes().lead(), purposeItems, base.purposes().notes());
        Guide composed = new Guide(2, overlay.id(), base.modalities(), overlay.version(),
                overlay.title().isEmpty() ? base.title() : overlay.title(),
                overlay.subtitle().isEmpty() ? base.subtitle() : overlay.subtitle(), overlay.publisher(),
                overlay.dates().isEmpty() ? base.dates() : overlay.dates(), base.introduction(), purposes,
                base.materials(), base.products(), base.agenda(), top.stream().map(Node::build).toList(), readings,
                base.footnotes(), base.references(), base.requires(),
                new Provenance(base.id().key(), base.version(), base.publisher().code(), provenance));
        if (conflicts.isEmpty()) {
            for (GuideProblem problem : GuideConsistency.check(composed)) {
                conflicts.add(new GuideProblem(problem.path(), "aplicada a " + edition + ", la guía resultante no es"
                        + " válida: " + problem.message()));
            }
        }
        return new Composed(conflicts.isEmpty() ? composed : null, List.copyOf(conflicts));
    }

    private void conflict(String path, String message) {
        conflicts.add(new GuideProblem(path, message + " (en " + edition + ")"));
    }

    private void apply(Overlay.Change change, String path) {
        switch (change.action()) {
            case "agregar-actividad" -> addActivity(change, path);
            case "reemplazar-actividad" -> withActivity(change.key(), path, (list, index) -> {
                if (change.activity().number() != change.key()) {
                    conflict(path + ".activity", "reemplaza la actividad " + change.key() + " con una de clave "
                            + change.activity().number() + ": la que la reemplaza conserva su clave");
                    return;
                }
                list.set(index, change.activity());
                provenance.put("actividad:" + change.key(), Provenance.REPLACED);
            });
            case "ocultar-actividad" -> withActivity(change.key(), path, (list, index) -> {
                list.remove(index);
                provenance.put("actividad:" + change.key(), Provenance.HIDDEN);
            });
            case "agregar-seccion" -> addSection(change, path);
            case "reemplazar-seccion" -> {
                Optional<List<Node>> siblings = siblingsOf(change.section().id());
                if (siblings.isEmpty()) {
                    conflict(path + ".section.id", "la sección '" + change.section().id() + "' que reemplaza no existe");
                } else {
                    List<Node> list = siblings.get();
                    int index = indexOf(list, change.section().id());
                    list.set(index, new Node(change.section()));
                    provenance.put("seccion:" + change.section().id(), Provenance.REPLACED);
                }
            }
            case "ocultar-seccion" -> siblingsOf(change.id()).ifPresentOrElse(list -> {
                list.remove(indexOf(list, change.id()));
                provenance.put("seccion:" + change.id(), Provenance.HIDDEN);
            }, () -> conflict(path + ".id", "la sección '" + change.id() + "' que oculta no existe"));
            case "agregar-lectura" -> {
                if (readingIndex(change.reading().id()) >= 0) {
                    conflict(path + ".reading.id", "la lectura '" + change.reading().id() + "' ya existe");
                } else {
                    readings.add(change.reading());
                    provenance.put("lectura:" + change.reading().id(), Provenance.ADDED);
                }
            }
            case "reemplazar-lectura" -> {
                int index = readingIndex(change.reading().id());
                if (index < 0) {
                    conflict(path + ".reading.id", "la lectura '" + change.reading().id() + "' que reemplaza no existe");
                } else {
                    readings.set(index, change.reading());
                    provenance.put("lectura:" + change.reading().id(), Provenance.REPLACED);
                }
            }
            case "ocultar-lectura" -> hideReading(change.id(), path);
            case "agregar-producto" -> withActivity(change.key(), path, (list, index) -> {
                Activity activity = list.get(index);
                if (activity.yields(change.product().type())) {
                    conflict(path + ".product.type", "la actividad " + change.key() + " ya tiene un producto de tipo '"
                            + change.product().type() + "'");
                    return;
                }
                List<ProductRef> products = new ArrayList<>(activity.products());
                products.add(change.product());
                list.set(index, copy(activity, activity.readings(), products));
                provenance.put("producto:" + change.key() + ":" + change.product().type(), Provenance.ADDED);
            });
            case "ocultar-producto" -> withActivity(change.key(), path, (list, index) -> {
                Activity activity = list.get(index);
                if (!activity.yields(change.type())) {
                    conflict(path + ".type", "la actividad " + change.key() + " no tiene un producto de tipo '"
                            + change.type() + "'");
                    return;
                }
                list.set(index, copy(activity, activity.readings(), activity.products().stream()
                        .filter(p -> !p.type().equals(change.type())).toList()));
                provenance.put("producto:" + change.key() + ":" + change.type(), Provenance.HIDDEN);
            });
            default -> conflict(path + ".action", "acción desconocida: " + change.action());
        }
    }

    private interface AtActivity {
        void apply(List<Activity> list, int index);
    }

    private void withActivity(int key, String path, AtActivity action) {
        for (Node node : all()) {
            for (int i = 0; i < node.activities.size(); i++) {
                if (node.activities.get(i).number() == key) {
                    action.apply(node.activities, i);
                    return;
                }
            }
        }
        conflict(path + ".key", "la actividad " + key + " no existe");
    }

    private void addActivity(Overlay.Change change, String path) {
        Activity activity = change.activity();
        Optional<Node> target = all().stream().filter(n -> n.section.id().equals(change.in())).findFirst();
        if (target.isEmpty()) {
            conflict(path + ".in", "la sección '" + change.in() + "' donde agrega la actividad no existe");
            return;
        }
        if (keyTaken(activity.number())) {
            conflict(path + ".activity", "la clave " + activity.number() + " que agrega ya la usa otra actividad:"
                    + " dele una clave que la guía nacional no use");
            return;
        }
        List<Activity> list = target.get().activities;
        int at = list.size();
        if (change.after() != null) {
            at = -1;
            for (int i = 0; i < list.size(); i++) {
                if (String.valueOf(list.get(i).number()).equals(change.after())) {
                    at = i + 1;
                }
            }
            if (at < 0) {
                conflict(path + ".after", "la actividad " + change.after() + " no está en la sección '" + change.in()
                        + "'");
                return;
            }
        }
        list.add(at, activity);
        provenance.put("actividad:" + activity.number(), Provenance.ADDED);
    }

    private void addSection(Overlay.Change change, String path) {
        Section section = change.section();
        if (all().stream().anyMatch(n -> n.section.id().equals(section.id()))) {
            conflict(path + ".section.id", "la sección '" + section.id() + "' ya existe");
            return;
        }
        for (Activity activity : section.allActivities()) {
            if (keyTaken(activity.number())) {
                conflict(path + ".section", "la clave " + activity.number() + " de una actividad que agrega ya la usa"
                        + " otra actividad");
                return;
            }
        }
        List<Node> siblings = top;
        if (change.in() != null) {
            Optional<Node> parent = all().stream().filter(n -> n.section.id().equals(change.in())).findFirst();
            if (parent.isEmpty()) {
                conflict(path + ".in", "la sección '" + change.in() + "' donde agrega la sección no existe");
                return;
            }
            siblings = parent.get().children;
        }
        int at = siblings.size();
        if (change.after() != null) {
            at = indexOf(siblings, change.after()) + 1;
            if (at == 0) {
                conflict(path + ".after", "la sección '" + change.after() + "' no está donde agrega la sección");
                return;
            }
        }
        siblings.add(at, new Node(section));
        provenance.put("seccion:" + section.id(), Provenance.ADDED);
        section.allActivities().forEach(a -> provenance.put("actividad:" + a.number(), Provenance.ADDED));
    }

    private void hideReading(String id, String path) {
        int index = readingIndex(id);
        if (index < 0) {
            conflict(path + ".id", "la lectura '" + id + "' que oculta no existe");
            return;
        }
        readings.remove(index);
        provenance.put("lectura:" + id, Provenance.HIDDEN);
        for (Node node : all()) {
            node.readings.remove(id);
            node.activities.replaceAll(a -> !a.readings().contains(id) ? a
                    : copy(a, a.readings().stream().filter(r -> !r.equals(id)).toList(), a.products()));
        }
    }

    /** The same activity with other readings or products: what an overlay can change of one it does not replace. */
    private static Activity copy(Activity a, List<String> readings, List<ProductRef> products) {
        return new Activity(a.number(), a.label(), a.title(), a.editorialTitle(), a.participations(), a.instructions(),
                a.prompts(), a.criteria(), a.notes(), readings, a.footnotes(), a.purposes(), a.materials(),
                a.minutes(), products);
    }

    private boolean keyTaken(int key) {
        return all().stream().anyMatch(n -> n.activities.stream().anyMatch(a -> a.number() == key));
    }

    private int readingIndex(String id) {
        for (int i = 0; i < readings.size(); i++) {
            if (readings.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(List<Node> nodes, String id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).section.id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The list that holds the section of that id, top level or a section's children. */
    private Optional<List<Node>> siblingsOf(String id) {
        if (indexOf(top, id) >= 0) {
            return Optional.of(top);
        }
        return all().stream().map(n -> n.children).filter(children -> indexOf(children, id) >= 0).findFirst();
    }

    private List<Node> all() {
        List<Node> all = new ArrayList<>();
        List<Node> pending = new ArrayList<>(top);
        while (!pending.isEmpty()) {
            Node node = pending.remove(0);
            all.add(node);
            pending.addAll(0, node.children);
        }
        return all;
    }
}
