package mx.cte.guide.api;

/**
 * The product an activity yields.
 *
 * @param type        id of a product type, provided at runtime by a module as a
 *                    {@link mx.cte.guide.spi.ProductType} service
 * @param title       what the guide calls this product, e.g. "Concentrado de resultados de la escuela"
 * @param description what it should contain, may be empty
 */
public record ProductRef(String type, String title, String description) {

    public ProductRef {
        title = Immutables.text(title);
        description = Immutables.text(description);
    }
}
