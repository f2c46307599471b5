package mx.cte.guide.api;

/**
 * A product an activity yields; an activity may yield several, some of them optional.
 *
 * @param type        id of a product type, provided at runtime by a module as a
 *                    {@link mx.cte.guide.spi.ProductType} service; unique within its activity
 * @param title       what the guide calls this product, e.g. "Concentrado de resultados de la escuela"
 * @param description what it should contain, may be empty
 * @param optional    the guide offers it without asking for it ("si lo consideran necesario")
 * @param form        how the guide lays it out, for the generic types ({@link ProductForm#TYPES}); null otherwise
 */
public record ProductRef(String type, String title, String description, boolean optional, ProductForm form) {

    public ProductRef {
        title = Immutables.text(title);
        description = Immutables.text(description);
    }

    /** A product of a type whose module knows its layout. */
    public ProductRef(String type, String title, String description, boolean optional) {
        this(type, title, description, optional, null);
    }
}
