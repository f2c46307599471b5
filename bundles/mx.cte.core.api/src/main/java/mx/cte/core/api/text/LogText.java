package mx.cte.core.api.text;

/**
 * A value from a client or an uploaded file made safe for one log line: control characters (NUL, escape sequences
 * that repaint a terminal, line breaks that forge a second line) and the invisible characters that reorder or hide
 * text (U+202E and the other bidirectional controls) are written as {@code \}{@code uXXXX}, so what an operator
 * reads in {@code karaf.log} is what was sent.
 */
public final class LogText {

    private LogText() {
    }

    /** The value with every control or format character escaped; {@code null} stays {@code "null"}. */
    public static String of(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || Character.getType(c) == Character.FORMAT && !(c == '\u00ad');
    }
}
