package mx.cte.schools.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a school's director sets: whether it is multigrade, and its groups. */
public record SchoolStructure(boolean multigrade, List<SchoolGroup> groups) {

    public SchoolStructure {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** The problems of this structure for a school of the level; empty when it is valid. In Spanish, for users. */
    public List<String> problems(Level level) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SchoolGroup group : groups) {
            String label = "el grupo " + group.name();
            if (!names.add(group.name().toUpperCase(java.util.Locale.ROOT) + group.grades())) {
                problems.add(label + " está repetido");
            }
            for (int grade : group.grades()) {
                if (grade < 1 || grade > level.grades()) {
                    problems.add(label + " tiene el grado " + grade + ", que no existe en "
                            + level.displayName().toLowerCase(java.util.Locale.ROOT) + " (grados 1 a "
                            + level.grades() + ")");
                }
            }
            if (!multigrade && group.grades().size() > 1) {
                problems.add(label + " abarca varios grados, lo que solo ocurre en una escuela multigrado");
            }
        }
        return problems;
    }
}
