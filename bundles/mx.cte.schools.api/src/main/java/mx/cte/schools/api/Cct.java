package mx.cte.schools.api;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Clave de Centro de Trabajo, the official id of a school: two digits of the entidad, three letters (funding and type
 * of school, e.g. {@code EJN} a state-funded preschool), four digits and a check letter, e.g. {@code 15EJN0123X}.
 */
public record Cct(String value) implements Comparable<Cct> {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{2}[A-Z]{3}[0-9]{4}[A-Z]");

    public Cct {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(shapeProblem(value));
        }
        if (State.byCode(value.substring(0, 2)).isEmpty()) {
            throw new IllegalArgumentException("La CCT " + value + " empieza con " + value.substring(0, 2)
                    + ", que no es una entidad: las entidades van de 01 a 32");
        }
    }

    /** Reads a CCT as people type it: surrounding spaces and lower case are forgiven. */
    public static Cct parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Falta la CCT");
        }
        return new Cct(text.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether the text is a valid CCT, without exceptions. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shapeProblem(String value) {
        return "La CCT '" + value + "' no tiene la forma de una Clave de Centro de Trabajo: 2 dígitos de la entidad,"
                + " 3 letras, 4 dígitos y una letra verificadora, p. ej. 15EJN0123X";
    }

    /** The entidad the school belongs to. */
    public State state() {
        return State.byCode(value.substring(0, 2)).orElseThrow();
    }

    @Override
    public int compareTo(Cct other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
