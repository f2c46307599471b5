package mx.cte.guide.api;

import java.util.List;

/**
 * What a guide needs of the installation beyond the product types its activities name: a platform version and
 * module capabilities, each as an OSGi version range ({@code [1.0,2.0)}, or {@code 1.2} for that version or later).
 * A guide whose platform range the installation does not meet is refused; one whose capabilities are not met waits,
 * unsatisfied, naming them.
 *
 * @param platform     the platform versions it works with, empty for any
 * @param capabilities the product types it needs in a version range
 */
public record Requirements(String platform, List<Capability> capabilities) {

    public Requirements {
        platform = Immutables.text(platform);
        capabilities = Immutables.list(capabilities);
    }

    public static Requirements none() {
        return new Requirements("", List.of());
    }

    /**
     * A product type the guide needs from a module in a version range.
     *
     * @param productType the product type's id
     * @param version     the versions of its module the guide works with
     */
    public record Capability(String productType, String version) {
    }
}
