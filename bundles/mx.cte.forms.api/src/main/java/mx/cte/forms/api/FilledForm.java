package mx.cte.forms.api;

import java.time.Instant;

/**
 * A guide-configured product as a school filled it.
 *
 * @param version increases with every save; a save names the version it was based on (0 for the first)
 */
public record FilledForm(ProductPlace place, FormContent content, String updatedBy, Instant updatedAt,
        long version) {
}
