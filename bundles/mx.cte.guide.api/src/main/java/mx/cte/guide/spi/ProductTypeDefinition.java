package mx.cte.guide.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A product type described by its id, title and description only: what a module registers when the type needs no
 * behaviour of its own in the guide runtime.
 */
public record ProductTypeDefinition(String id, String title, String description) implements ProductType {

    private static final Pattern ID_SHAPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ProductTypeDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!ID_SHAPE.matcher(id).matches()) {
            throw new IllegalArgumentException("Product type id '" + id
                    + "' must be lower-case words joined by hyphens, e.g. texto-libre");
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("Product type '" + id + "' needs a title");
        }
        description = description == null ? "" : description;
    }
}
