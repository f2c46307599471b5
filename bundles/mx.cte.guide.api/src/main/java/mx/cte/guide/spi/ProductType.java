package mx.cte.guide.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of product a guide activity yields (an assessment, an intervention card, a free text…), provided as an OSGi
 * service by the module that stores and edits it. The platform's core knows no product type by name.
 */
@ConsumerType
public interface ProductType {

    /**
     * Its id as guides refer to it: lower case words joined by hyphens, e.g. {@code texto-libre}. Stable across
     * versions of the module.
     */
    String id();

    /** Its name for school users, in Spanish. */
    String title();

    /** What it holds, in Spanish. */
    default String description() {
        return "";
    }
}
