package mx.cte.changes;

import java.time.Clock;
import mx.cte.cluster.api.Cluster;
import mx.cte.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The one change feed the filter writes and the servlet reads, on the platform database. */
@Component(service = ChangeFeeds.class)
public final class ChangeFeeds {

    private final ChangeFeed feed;

    /** Optional: without it (a test, the cluster bundle being replaced) this node purges on its own. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Cluster cluster;

    @Activate
    public ChangeFeeds(@Reference Database database) {
        this.feed = new ChangeFeed(database, Clock.systemUTC(), () -> cluster);
    }

    ChangeFeed feed() {
        return feed;
    }
}
