package mx.cte.catalogue.api;

import java.util.List;

/**
 * What describes a resource.
 *
 * @param author   its author or publisher, may be empty
 * @param location a link, or where the school keeps it (biblioteca de aula, dirección…)
 * @param grades   the grades it serves, empty for all
 * @param areas    the indicator areas it serves (Lenguaje oral, Pensamiento matemático…)
 * @param session  the session it was proposed in (a guide key), may be empty
 * @param shared   whether the school shares it with the other schools of its state
 */
public record ResourceDraft(String title, ResourceKind kind, String author, String location, String description,
        List<Integer> grades, List<String> areas, String session, boolean shared) {

    public ResourceDraft {
        title = strip(title);
        author = strip(author);
        location = strip(location);
        description = strip(description);
        grades = grades == null ? List.of() : grades.stream().distinct().sorted().toList();
        areas = areas == null ? List.of() : areas.stream().map(String::strip).filter(a -> !a.isEmpty()).distinct()
                .toList();
        session = strip(session);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
