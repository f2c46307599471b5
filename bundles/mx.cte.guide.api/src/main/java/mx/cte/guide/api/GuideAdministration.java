package mx.cte.guide.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What an administrator or publisher decides about editions, for the whole installation: on several nodes every node
 * applies it, and a node that starts later catches up. The API and the shell both go through it; the
 * {@link GuideRegistry}'s own methods change this node only.
 */
@ProviderType
public interface GuideAdministration {

    /** {@link GuideRegistry#activate}, then the choice is shared with every node. */
    GuideEdition activate(GuideId id, String version) throws GuideActivationException;

    /** {@link GuideRegistry#allowOlderEdition}, then shared with every node. */
    void allowOlderEdition(GuideId id, String version);
}
