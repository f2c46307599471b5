package mx.cte.forms.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.core.api.errors.InvalidContentException.FieldProblem;
import mx.cte.core.api.errors.TextFields;
import mx.cte.forms.api.FormContent;
import mx.cte.forms.api.ItemAnswer;
import mx.cte.guide.api.FieldKind;
import mx.cte.guide.api.FormField;
import mx.cte.guide.api.ProductForm;

/**
 * What a school wrote in a guide-configured product, checked against the layout its guide gives: the values of known
 * fields only, each of its kind, the required ones filled, the levels the guide lists. Returns the content as it is
 * stored (values stripped, in the guide's field order, numbers and yes/no in one spelling, empty table rows dropped)
 * or every problem at once, each naming where it is ({@code filas[2].alumno}, {@code valores.fecha},
 * {@code respuestas[0].nivel}).
 */
final class FormCheck {

    static final int MAX_ROWS = 300;
    static final int MAX_TEXT = 300;
    static final int MAX_LONG_TEXT = 4000;
    static final int MAX_COMMENT = 1000;
    static final String YES = "sí";
    static final String NO = "no";

    private final String type;
    private final ProductForm form;
    private final List<FieldProblem> problems = new ArrayList<>();

    private FormCheck(String type, ProductForm form) {
        this.type = type;
        this.form = form;
    }

    /** @throws InvalidContentException naming every value at fault */
    static FormContent checked(String type, ProductForm form, FormContent content) {
        FormCheck check = new FormCheck(type, form);
        FormContent stored = check.run(content);
        if (!check.problems.isEmpty()) {
            throw new InvalidContentException(check.problems);
        }
        return stored;
    }

    private FormContent run(FormContent content) {
        switch (type) {
            case ProductForm.TABLE -> {
                onlyPart(content.values().isEmpty() && content.answers().isEmpty(), "filas");
                return new FormContent(rows(content.rows()), Map.of(), List.of());
            }
            case ProductForm.FORM -> {
                onlyPart(content.rows().isEmpty() && content.answers().isEmpty(), "valores");
                return new FormContent(List.of(), values(content.values(), "valores.", ""), List.of());
            }
            case ProductForm.CHECKLIST, ProductForm.RUBRIC -> {
                onlyPart(content.rows().isEmpty() && content.values().isEmpty(), "respuestas");
                return new FormContent(List.of(), Map.of(), answers(content.answers()));
            }
            default -> throw new IllegalArgumentException("'" + type + "' is not a guide-configured product type");
        }
    }

    private void onlyPart(boolean alone, String part) {
        if (!alone) {
            problems.add(new FieldProblem(part, "un producto de tipo " + type + " se llena solo en '" + part + "'"));
        }
    }

    private List<Map<String, String>> rows(List<Map<String, String>> rows) {
        if (rows.size() > MAX_ROWS) {
            problems.add(new FieldProblem("filas", "la tabla tiene " + rows.size() + " filas; el máximo es "
                    + MAX_ROWS));
            return List.of();
        }
        List<Map<String, String>> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            if (row.values().stream().allMatch(value -> value == null || value.isBlank())) {
                continue; // a row the school added and left empty is not a row of the product
            }
            kept.add(values(row, "filas[" + i + "].", "fila " + (i + 1) + ": "));
        }
        return kept;
    }

    /**
     * The values of one row or of the form, in the guide's field order; {@code at} prefixes each field's place, and
     * {@code row} each message ("fila 2: "), so a person reads which row without the API's counting from 0.
     */
    private Map<String, String> values(Map<String, String> values, String at, String row) {
        for (String name : values.keySet()) {
            if (form.fields().stream().noneMatch(field -> field.name().equals(name))) {
                problems.add(new FieldProblem(at + name, row + (type.equals(ProductForm.TABLE) ? "la tabla no tiene"
                        + " la columna '" : "el formulario no tiene el campo '") + name + "'"));
            }
        }
        Map<String, String> stored = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            String value = values.get(field.name());
            value = value == null ? "" : value.strip();
            if (value.isEmpty()) {
                if (field.required()) {
                    problems.add(new FieldProblem(at + field.name(), row + "«" + field.label()
                            + "» no puede quedar vacío"));
                }
                stored.put(field.name(), "");
                continue;
            }
            Optional<String> normal = normalized(field, value, at + field.name(), row);
            stored.put(field.name(), normal.orElse(value));
        }
        return stored;
    }

    /** The value in its one stored spelling, or empty after adding the problem. */
    private Optional<String> normalized(FormField field, String value, String where, String row) {
        String label = row + "«" + field.label() + "»";
        switch (field.kind()) {
            case TEXT -> {
                Optional<String> problem = TextFields.problem(value, MAX_TEXT, false);
                if (problem.isEmpty() && (value.contains("\n") || value.contains("\r"))) {
                    problem = Optional.of("es de una sola línea");
                }
                return accepted(problem.map(p -> label + " " + p), where, value);
            }
            case LONG_TEXT -> {
                return accepted(TextFields.problem(value, MAX_LONG_TEXT, false).map(p -> label + " " + p), where,
                        value);
            }
            case NUMBER -> {
                try {
                    // Schools write the decimal comma of Mexico as often as the point.
                    return Optional.of(new BigDecimal(value.replace(',', '.')).stripTrailingZeros().toPlainString());
                } catch (NumberFormatException e) {
                    return accepted(Optional.of(label + " es un número, p. ej. 12 o 3.5; llegó '" + value + "'"),
                            where, value);
                }
            }
            case DATE -> {
                try {
                    return Optional.of(LocalDate.parse(value).toString());
                } catch (DateTimeParseException e) {
                    return accepted(Optional.of(label + " es una fecha AAAA-MM-DD, p. ej. 2017-01-27; llegó '"
                            + value + "'"), where, value);
                }
            }
            case CHOICE -> {
                return field.options().contains(value) ? Optional.of(value)
                        : accepted(Optional.of(label + " es una de estas opciones: " + String.join(", ",
                                field.options()) + "; llegó '" + value + "'"), where, value);
            }
            case YES_NO -> {
                String lower = value.toLowerCase(java.util.Locale.ROOT);
                if (lower.equals("si") || lower.equals(YES)) {
                    return Optional.of(YES);
                }
                if (lower.equals(NO)) {
                    return Optional.of(NO);
                }
                return accepted(Optional.of(label + " es sí o no; llegó '" + value + "'"), where, value);
            }
            default -> throw new IllegalStateException("Field kind " + field.kind());
        }
    }

    private Optional<String> accepted(Optional<String> problem, String where, String value) {
        problem.ifPresent(message -> problems.add(new FieldProblem(where, message)));
        return problem.isPresent() ? Optional.empty() : Optional.of(value);
    }

    private List<ItemAnswer> answers(List<ItemAnswer> answers) {
        List<String> items = form.items();
        if (answers.size() != items.size()) {
            problems.add(new FieldProblem("respuestas", "la guía lista " + items.size() + (type.equals(
                    ProductForm.RUBRIC) ? " criterios" : " elementos") + "; llegaron " + answers.size()
                    + " respuestas (una por elemento, en su orden; vacía si aún no se responde)"));
            return List.of();
        }
        List<ItemAnswer> stored = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            ItemAnswer answer = answers.get(i);
            String item = items.get(i);
            String at = "respuestas[" + i + "]";
            if (!answer.level().isEmpty() && !form.levels().contains(answer.level())) {
                problems.add(new FieldProblem(at + ".nivel", "«" + item + "»: el nivel es uno"
                        + " de " + String.join(", ", form.levels()) + "; llegó '" + answer.level() + "'"));
            }
            TextFields.problem(answer.comment(), MAX_COMMENT, false).ifPresent(p -> problems.add(
                    new FieldProblem(at + ".comentario", "«" + item + "»: el comentario " + p)));
            stored.add(answer);
        }
        return stored;
    }
}
