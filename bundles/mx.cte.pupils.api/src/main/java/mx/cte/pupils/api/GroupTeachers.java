package mx.cte.pupils.api;

import java.util.List;
import java.util.Objects;
import mx.cte.schools.api.SchoolGroup;

/**
 * The teachers the director assigned to one of the school's groups for a school year: with the director, the only
 * people who read and write its pupils' named records.
 *
 * @param group    the group as the school directory has it (a multigrade group spans several grades)
 * @param teachers their user names, sorted; empty while the director has assigned nobody
 */
public record GroupTeachers(SchoolGroup group, List<String> teachers) {

    public GroupTeachers {
        Objects.requireNonNull(group, "group");
        teachers = teachers == null ? List.of() : teachers.stream().distinct().sorted().toList();
    }

    /** Whether a pupil of {@code grade} in the group named {@code name} is of this group. */
    public boolean covers(int grade, String name) {
        return covers(group, grade, name);
    }

    /** Whether a pupil of {@code grade} in the group named {@code name} is of {@code group} (names in any case). */
    public static boolean covers(SchoolGroup group, int grade, String name) {
        return name != null && group.name().equalsIgnoreCase(name.strip()) && group.grades().contains(grade);
    }

    /**
     * Whether {@code teacher} is assigned to the group a pupil of {@code grade} in the group named {@code name} is of,
     * among a school's {@code assignments} for the year: with the director, who may read it by name.
     */
    public static boolean assigned(List<GroupTeachers> assignments, int grade, String name, String teacher) {
        return assignments.stream().anyMatch(a -> a.covers(grade, name) && a.teachers().contains(teacher));
    }
}
