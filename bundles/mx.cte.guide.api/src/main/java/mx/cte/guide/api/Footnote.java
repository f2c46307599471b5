package mx.cte.guide.api;

import java.util.regex.Pattern;

/**
 * A footnote of the guide.
 *
 * @param id   its mark as printed, e.g. {@code 1}
 * @param text its text
 */
public record Footnote(String id, String text) {

    /** A footnote's mark inside a text, where the guide prints it: {@code … del desempeño escolar[^2].} */
    public static final Pattern MARK = Pattern.compile("\\[\\^([A-Za-z0-9][A-Za-z0-9_.-]*)]");
}
