package mx.cte.core.api.errors;

import java.util.Optional;

/**
 * The one check of a free-text field every module applies, with the same Spanish message naming the field:
 * {@code "titulo: no puede quedar vacío"}, {@code "texto: tiene 2013 caracteres; el máximo es 2000"}.
 */
public final class TextFields {

    private TextFields() {
    }

    /** What is wrong with the text (taken without surrounding spaces), or nothing, starting with the field's name. */
    public static Optional<String> problem(String field, String text, int max, boolean required) {
        return problem(text, max, required).map(message -> field + ": " + message);
    }

    /**
     * What is wrong with the text, for a problem that names its field apart ({@code InvalidContentException}): "no
     * puede quedar vacío", "tiene 2010 caracteres; el máximo es 2000", or the invisible character and where it is.
     */
    public static Optional<String> problem(String text, int max, boolean required) {
        String value = text == null ? "" : text.strip();
        if (required && value.isEmpty()) {
            return Optional.of("no puede quedar vacío");
        }
        if (value.length() > max) {
            return Optional.of("tiene " + value.length() + " caracteres; el máximo es " + max);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' || isBidiControl(c)) {
                return Optional.of("contiene un carácter de control invisible (U+" + String.format("%04X",
                        (int) c) + ") en la posición " + (i + 1) + "; quítelo");
            }
        }
        return Optional.empty();
    }

    /** The characters that reorder text out of sight (U+202E makes "gpj.exe" read "exe.jpg"). */
    private static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
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
