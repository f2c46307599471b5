package mx.cte.catalogue.api;

import java.util.List;

/**
 * A pack of resources a publisher ships as a content bundle, or one the catalogue refused.
 *
 * @param bundle   the bundle's symbolic name and version
 * @param problems why it was refused, each naming where in its descriptor; empty for an installed pack
 */
public record ResourcePack(String key, String title, String publisher, String version, String bundle,
        int resources, List<String> problems) {

    public ResourcePack {
        problems = List.copyOf(problems);
    }
}
