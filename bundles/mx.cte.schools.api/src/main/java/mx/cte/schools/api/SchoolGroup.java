package mx.cte.schools.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A group of pupils with its teacher: {@code 2° A}. In a multigrade school one group spans several grades.
 *
 * @param name   as the school calls it: {@code A}, {@code B}, {@code Único}
 * @param grades the grades it teaches, ascending, at least one
 */
public record SchoolGroup(String name, List<Integer> grades) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ]{0,19}");

    public SchoolGroup {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("El nombre del grupo '" + name
                    + "' debe tener de 1 a 20 letras, números o espacios");
        }
        grades = grades == null ? List.of() : grades.stream().distinct().sorted().toList();
        if (grades.isEmpty()) {
            throw new IllegalArgumentException("El grupo " + name + " no tiene grado");
        }
    }

    public static SchoolGroup of(int grade, String name) {
        return new SchoolGroup(name, List.of(grade));
    }
}
