package mx.cte.guide.api;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * An installed, valid edition of a guide with its current status.
 *
 * @param guide               the validated guide
 * @param status              its status
 * @param missingProductTypes ids of the product types no installed module provides, sorted; empty unless unsatisfied
 * @param source              the bundle it came from
 */
public record GuideEdition(Guide guide, GuideStatus status, Set<String> missingProductTypes, GuideSource source) {

    public GuideEdition {
        missingProductTypes = Collections.unmodifiableSortedSet(new TreeSet<>(missingProductTypes));
    }

    public String key() {
        return guide.id().key();
    }

    public String version() {
        return guide.version();
    }
}
