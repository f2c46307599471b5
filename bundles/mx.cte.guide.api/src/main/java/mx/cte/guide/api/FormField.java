package mx.cte.guide.api;

import java.util.List;

/**
 * A column of a guide-configured table or a field of a guide-configured form.
 *
 * @param name     its key in what is stored: lower-case words joined by hyphens, unique within the product
 * @param label    its heading as the school reads it
 * @param kind     what it holds; {@link FieldKind#TEXT} when the descriptor does not say
 * @param options  the choices of a {@link FieldKind#CHOICE} field, in order; empty for other kinds
 * @param required the school cannot leave it empty (in a table: in any row it writes)
 */
public record FormField(String name, String label, FieldKind kind, List<String> options,
        boolean required) {

    public FormField {
        label = Immutables.text(label);
        kind = kind == null ? FieldKind.TEXT : kind;
        options = Immutables.list(options);
    }
}
