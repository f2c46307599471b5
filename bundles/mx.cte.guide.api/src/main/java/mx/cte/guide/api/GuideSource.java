package mx.cte.guide.api;

/**
 * The bundle a guide descriptor came from.
 *
 * @param bundleId      the framework's id of the bundle
 * @param symbolicName  its symbolic name
 * @param bundleVersion its version
 * @param descriptor    path of the descriptor inside the bundle
 */
public record GuideSource(long bundleId, String symbolicName, String bundleVersion, String descriptor) {

    /** How logs and messages name the bundle: {@code mx.cte.guide.x/1.0.0 [42]}. */
    public String describe() {
        return symbolicName + "/" + bundleVersion + " [" + bundleId + "]";
    }
}
