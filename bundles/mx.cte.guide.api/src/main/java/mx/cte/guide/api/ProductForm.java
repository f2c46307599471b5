package mx.cte.guide.api;

import java.util.List;
import java.util.Set;

/**
 * How a guide lays out a product of one of the generic types, so that the product gets an editor, storage, a PDF and an
 * export without a module of its own: the columns of a table ({@value #TABLE}), the fields of a short form
 * ({@value #FORM}), the items and the levels of a checklist ({@value #CHECKLIST}) or of a rubric ({@value #RUBRIC}).
 * A guide's free text ({@code texto-libre}) needs no form.
 *
 * @param fields the columns of a table or the fields of a form, in order
 * @param items  what a checklist checks or the criteria a rubric assesses, in order
 * @param levels the answers a checklist offers (Sí / No / En proceso) or a rubric's levels, lowest first
 */
public record ProductForm(List<FormField> fields, List<String> items, List<String> levels) {

    public static final String TABLE = "tabla";
    public static final String FORM = "formulario";
    public static final String CHECKLIST = "lista-cotejo";
    public static final String RUBRIC = "rubrica";
    /** The product types a guide configures with a form, and only those. */
    public static final Set<String> TYPES = Set.of(TABLE, FORM, CHECKLIST, RUBRIC);

    public ProductForm {
        fields = Immutables.list(fields);
        items = Immutables.list(items);
        levels = Immutables.list(levels);
    }

    /** Whether products of {@code type} are laid out by the guide. */
    public static boolean configures(String type) {
        return TYPES.contains(type);
    }
}
