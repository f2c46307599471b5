package mx.cte.programme.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the school wrote: the diagnosis by area (the area's key to its text), the objectives and the actions.
 */
public record ProgrammeContent(Map<String, String> diagnosis, List<Objective> objectives, List<Action> actions) {

    public ProgrammeContent {
        diagnosis = diagnosis == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(
                diagnosis));
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public static ProgrammeContent empty() {
        return new ProgrammeContent(Map.of(), List.of(), List.of());
    }

    public java.util.Optional<Action> action(String id) {
        return actions.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
