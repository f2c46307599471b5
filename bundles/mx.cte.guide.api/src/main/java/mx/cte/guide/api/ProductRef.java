package mx.cte.guide.api;

/**
 * A product an activity yields; an activity may yield several, some of them optional.
 *
 * @param type        id of a product type, provided at runtime by a module as a
 *                    {@link mx.cte.guide.spi.ProductType} service; unique within its activity
 * @param title       what the guide calls this product, e.g. "Concentrado de resultados de la escuela"
 * @param description what it should contain, may be empty
 * @param optional    the guide offers it without asking for it ("si lo consideran necesario")
 */
public record ProductRef(String type, String title, String description, boolean optional) {

    public ProductRef {
        title = Immutables.text(title);
        description = Immutables.text(description);
    }
}
