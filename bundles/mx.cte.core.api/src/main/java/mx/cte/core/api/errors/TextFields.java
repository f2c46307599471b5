package mx.cte.core.api.errors;

import java.util.Optional;

/**
 * The one check of a free-text field every module applies, with the same Spanish message naming the field:
 * {@code "titulo: no puede quedar vacío"}, {@code "texto: tiene 2013 caracteres; el máximo es 2000"}.
 */
public final class TextFields {

    private TextFields() {
    }

    /** What is wrong with the text (taken without surrounding spaces), or nothing. */
    public static Optional<String> problem(String field, String text, int max, boolean required) {
        String value = text == null ? "" : text.strip();
        if (required && value.isEmpty()) {
            return Optional.of(field + ": no puede quedar vacío");
        }
        if (value.length() > max) {
            return Optional.of(field + ": tiene " + value.length() + " caracteres; el máximo es " + max);
        }
        return Optional.empty();
    }

    /**
     * The text without surrounding spaces.
     *
     * @throws IllegalArgumentException with the {@link #problem} when there is one
     */
    public static String checked(String field, String text, int max, boolean required) {
        problem(field, text, max, required).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        return text == null ? "" : text.strip();
    }
}
