package mx.cte.search.api;

import org.osgi.annotation.versioning.ProviderType;

/** Where modules get their indexes. */
@ProviderType
public interface TextIndexes {

    /**
     * The index of that name, created empty the first time. Opening it again returns the same index.
     *
     * @param name lower-case letters, digits and hyphens, e.g. {@code catalogue}
     */
    TextIndex open(String name);
}
