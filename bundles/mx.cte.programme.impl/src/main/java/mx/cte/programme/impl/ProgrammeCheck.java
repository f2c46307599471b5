package mx.cte.programme.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.core.api.errors.InvalidContentException.FieldProblem;
import mx.cte.core.api.errors.TextFields;
import mx.cte.programme.api.Action;
import mx.cte.programme.api.Goal;
import mx.cte.programme.api.Objective;
import mx.cte.programme.api.ProgrammeContent;
import mx.cte.programme.api.ProgrammeKind;

/**
 * Checks a programme field by field, every problem at once and named by its path ({@code objetivos[1].verbo}) with
 * the item's number as the school counts ("objetivo 2"), and gives keys to the new objectives, goals and actions.
 * Keys the page chose are kept (so that a new action can name a new objective in the same save).
 */
final class ProgrammeCheck {

    static final int MAX_OBJECTIVES = 20;
    static final int MAX_GOALS = 10;
    static final int MAX_ACTIONS = 100;
    static final int MAX_RESPONSIBLES = 10;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,19}");

    private final ProgrammeKind kind;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    private ProgrammeCheck(ProgrammeKind kind) {
        this.kind = kind;
    }

    /** The content with every item keyed; {@link InvalidContentException} with every problem otherwise. */
    static ProgrammeContent checked(ProgrammeKind kind, ProgrammeContent content) {
        return new ProgrammeCheck(kind).check(content);
    }

    private ProgrammeContent check(ProgrammeContent content) {
        Map<String, String> diagnosis = new LinkedHashMap<>();
        content.diagnosis().forEach((area, text) -> {
            String path = "diagnostico." + area;
            if (kind.area(area).isEmpty()) {
                problems.add(new FieldProblem(path, "'" + area + "' no es un ámbito del " + kind.title() + ": "
                        + areaKeys()));
            } else {
                text(path, "diagnóstico de " + kind.area(area).get().title(), text, 4000, false)
                        .filter(t -> !t.isEmpty()).ifPresent(t -> diagnosis.put(area, t));
            }
        });
        if (content.objectives().size() > MAX_OBJECTIVES) {
            problems.add(new FieldProblem("objetivos", "tiene " + content.objectives().size() + " objetivos; el"
                    + " máximo es " + MAX_OBJECTIVES));
        }
        if (content.actions().size() > MAX_ACTIONS) {
            problems.add(new FieldProblem("acciones", "tiene " + content.actions().size() + " acciones; el máximo es "
                    + MAX_ACTIONS));
        }
        content.objectives().forEach(o -> claim(o.id()));
        content.objectives().forEach(o -> o.goals().forEach(g -> claim(g.id())));
        content.actions().forEach(a -> claim(a.id()));
        Set<String> seen = new HashSet<>();
        List<Objective> objectives = new ArrayList<>();
        for (int i = 0; i < content.objectives().size(); i++) {
            objectives.add(objective(i, content.objectives().get(i), seen));
        }
        Set<String> objectiveKeys = new HashSet<>();
        objectives.forEach(o -> objectiveKeys.add(o.id()));
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < content.actions().size(); i++) {
            actions.add(action(i, content.actions().get(i), seen, objectiveKeys));
        }
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        return new ProgrammeContent(diagnosis, objectives, actions);
    }

    private Objective objective(int index, Objective objective, Set<String> seen) {
        String path = "objetivos[" + index + "]";
        String label = "objetivo " + (index + 1);
        String id = key(path, label, objective.id(), "o", seen);
        String verb = text(path + ".verbo", label + ", verbo", objective.verb(), 60, true).orElse(null);
        String indicator = text(path + ".indicador", label + ", indicador", objective.indicator(), 300, true)
                .orElse(null);
        String metric = text(path + ".metrica", label + ", métrica", objective.metric(), 60, true).orElse(null);
        String target = text(path + ".meta", label + ", meta", objective.target(), 60, true).orElse(null);
        required(path + ".fecha", label + ", fecha", objective.date());
        for (int a = 0; a < objective.areas().size(); a++) {
            String area = objective.areas().get(a);
            if (kind.area(area).isEmpty()) {
                problems.add(new FieldProblem(path + ".ambitos[" + a + "]", label + ": '" + area + "' no es un"
                        + " ámbito del " + kind.title() + ": " + areaKeys()));
            }
        }
        if (objective.goals().size() > MAX_GOALS) {
            problems.add(new FieldProblem(path + ".metas", label + " tiene " + objective.goals().size()
                    + " metas; el máximo es " + MAX_GOALS));
        }
        List<Goal> goals = new ArrayList<>();
        for (int g = 0; g < objective.goals().size(); g++) {
            Goal goal = objective.goals().get(g);
            String goalPath = path + ".metas[" + g + "]";
            String goalLabel = label + ", meta " + (g + 1);
            String goalId = key(goalPath, goalLabel, goal.id(), "m", seen);
            String text = text(goalPath + ".descripcion", goalLabel, goal.text(), 300, true).orElse(null);
            required(goalPath + ".fecha", goalLabel + ", fecha", goal.date());
            goals.add(new Goal(goalId, text, goal.date()));
        }
        return new Objective(id, verb, indicator, metric, target, objective.date(), List.copyOf(
                new java.util.LinkedHashSet<>(objective.areas())), goals);
    }

    private Action action(int index, Action action, Set<String> seen, Set<String> objectiveKeys) {
        String path = "acciones[" + index + "]";
        String label = "acción " + (index + 1);
        String id = key(path, label, action.id(), "a", seen);
        String objective = action.objective() == null ? "" : action.objective().strip();
        if (objective.isEmpty()) {
            problems.add(new FieldProblem(path + ".objetivo", label + ": indique el objetivo al que sirve"));
        } else if (!objectiveKeys.contains(objective)) {
            problems.add(new FieldProblem(path + ".objetivo", label + ": el programa no tiene el objetivo '"
                    + objective + "'"));
        }
        String area = action.area() == null ? "" : action.area().strip();
        if (kind.area(area).isEmpty()) {
            problems.add(new FieldProblem(path + ".ambito", label + ": " + (area.isEmpty() ? "indique el ámbito"
                    : "'" + area + "' no es un ámbito del " + kind.title()) + ": " + areaKeys()));
        }
        String text = text(path + ".descripcion", label + ", descripción", action.text(), 500, true).orElse(null);
        List<String> responsibles = new ArrayList<>();
        if (action.responsibles().isEmpty()) {
            problems.add(new FieldProblem(path + ".responsables", label + ": nombre al menos a un responsable"));
        } else if (action.responsibles().size() > MAX_RESPONSIBLES) {
            problems.add(new FieldProblem(path + ".responsables", label + " tiene " + action.responsibles().size()
                    + " responsables; el máximo es " + MAX_RESPONSIBLES));
        }
        for (int r = 0; r < action.responsibles().size(); r++) {
            text(path + ".responsables[" + r + "]", label + ", responsable " + (r + 1), action.responsibles().get(r),
                    120, true).ifPresent(responsibles::add);
        }
        String resources = text(path + ".recursos", label + ", recursos", action.resources(), 500, false)
                .orElse(null);
        required(path + ".inicio", label + ", inicio", action.start());
        required(path + ".fin", label + ", fin", action.end());
        if (action.start() != null && action.end() != null && action.end().isBefore(action.start())) {
            problems.add(new FieldProblem(path + ".fin", label + ": termina (" + action.end() + ") antes de empezar ("
                    + action.start() + ")"));
        }
        String measure = text(path + ".medicion", label + ", cómo se mide", action.measure(), 300, true)
                .orElse(null);
        return new Action(id, objective, area, text, responsibles, resources, action.start(), action.end(), measure);
    }

    /** Keys the page sent are reserved first, so that a key given here never takes one sent further on. */
    private void claim(String key) {
        if (key != null && !key.isBlank()) {
            keys.add(key.strip());
        }
    }

    private String key(String path, String label, String sent, String prefix, Set<String> seen) {
        if (sent == null || sent.isBlank()) {
            int n = 1;
            while (keys.contains(prefix + n)) {
                n++;
            }
            keys.add(prefix + n);
            seen.add(prefix + n);
            return prefix + n;
        }
        String key = sent.strip();
        if (!KEY.matcher(key).matches()) {
            problems.add(new FieldProblem(path + ".id", label + ": la clave '" + key + "' no es válida (minúsculas,"
                    + " cifras y guiones, hasta 20, empezando por letra)"));
        } else if (!seen.add(key)) {
            problems.add(new FieldProblem(path + ".id", label + ": la clave '" + key + "' ya la tiene otro elemento"
                    + " del programa"));
        }
        return key;
    }

    private Optional<String> text(String path, String label, String value, int max, boolean required) {
        Optional<String> problem = TextFields.problem(value, max, required);
        if (problem.isPresent()) {
            problems.add(new FieldProblem(path, label + ": " + problem.get()));
            return Optional.empty();
        }
        return Optional.of(value == null ? "" : value.strip());
    }

    private void required(String path, String label, LocalDate date) {
        if (date == null) {
            problems.add(new FieldProblem(path, label + ": indique la fecha (AAAA-MM-DD)"));
        }
    }

    private String areaKeys() {
        return String.join(", ", kind.areas().stream().map(ProgrammeKind.Area::key).toList());
    }
}
