package mx.cte.changes;

import java.time.Clock;
import mx.cte.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The one change feed the filter writes and the servlet reads, on the platform database. */
@Component(service = ChangeFeeds.class)
public final class ChangeFeeds {

    private final ChangeFeed feed;

    @Activate
    public ChangeFeeds(@Reference Database database) {
        this.feed = new ChangeFeed(database, Clock.systemUTC());
    }

    ChangeFeed feed() {
        return feed;
    }
}
