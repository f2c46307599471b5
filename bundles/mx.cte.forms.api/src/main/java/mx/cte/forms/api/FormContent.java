package mx.cte.forms.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a school wrote in a guide-configured product; the part its type uses is filled, the others are empty.
 *
 * @param rows    a table's rows, each its values by field name
 * @param values  a form's values by field name
 * @param answers a checklist's or a rubric's answers, one per item of its guide, in the guide's order
 */
public record FormContent(List<Map<String, String>> rows, Map<String, String> values, List<ItemAnswer> answers) {

    public FormContent {
        rows = rows == null ? List.of() : rows.stream().map(FormContent::ordered).toList();
        values = ordered(values);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** Keeps the order the values came in (the guide's field order), which an unmodifiable copy would not. */
    private static Map<String, String> ordered(Map<String, String> values) {
        return values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static FormContent empty() {
        return new FormContent(List.of(), Map.of(), List.of());
    }
}
