package mx.cte.forms.api;

import java.util.Objects;
import mx.cte.schools.api.Cct;

/**
 * Where a guide-configured product is filled: a school's session (the guide key), the activity that asks for it and the
 * product's type; an activity has at most one product of each type.
 */
public record ProductPlace(Cct school, String session, int activity, String type) {

    public ProductPlace {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(type, "type");
    }
}
