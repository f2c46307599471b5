package mx.cte.guide.api;

/**
 * A product type currently provided by some installed module.
 *
 * @param id          its id, as guides refer to it
 * @param title       its name in Spanish
 * @param description what it holds, in Spanish
 * @param provider    symbolic name of the bundle that provides it
 * @param version     the version of that bundle, which a guide's {@link Requirements.Capability} may constrain
 */
public record ProductTypeInfo(String id, String title, String description, String provider, String version) {
}
