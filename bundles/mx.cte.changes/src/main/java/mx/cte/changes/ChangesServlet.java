package mx.cte.changes;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.servlet.Servlet;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.http.RequestAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/changes/{cct}?desde=N}: what the school's collective saved after change N, oldest first
 * ({@code ultimo} is the newest change's number, the next {@code desde}). Without {@code desde}, only {@code ultimo}:
 * where to start. The answer's {@code ETag} is the newest change, so a screen that asks again with
 * {@code If-None-Match} gets a bodiless 304 while nothing changed. For whoever may read the school's work.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-changes")
@HttpWhiteboardServletPattern("/api/v1/changes/*")
public final class ChangesServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final int MOST = 200;

    private final transient ChangeFeeds feeds;
    private final transient SchoolDirectory directory;

    @Activate
    public ChangesServlet(@Reference ChangeFeeds feeds, @Reference SchoolDirectory directory) {
        this.feeds = feeds;
        this.directory = directory;
    }

    @Override
    protected Routes table() {
        return Routes.builder().get("/{cct}", this::changes).build();
    }

    private void changes(ApiCall call) throws IOException {
        Cct school = RequestAccess.readableSchool(call, directory);
        ChangeFeed feed = feeds.feed();
        long latest = feed.latest(school.value());
        call.response().setHeader("Cache-Control", "private, no-cache");
        if (tag(latest).equals(call.request().getHeader("If-None-Match"))) {
            call.response().setHeader("ETag", tag(latest));
            call.response().setStatus(304);
            return;
        }
        JsonArray changes = new JsonArray();
        long upTo = latest;
        Optional<Long> after = call.query("desde", Long::parseLong);
        if (after.isPresent()) {
            List<ChangeFeed.Change> listed = feed.since(school.value(), after.get(), MOST);
            for (ChangeFeed.Change change : listed) {
                JsonObject json = new JsonObject();
                json.addProperty("id", change.id());
                json.addProperty("ruta", change.path());
                json.addProperty("usuario", change.username());
                json.addProperty("fecha", change.at().toString());
                changes.add(json);
            }
            if (!listed.isEmpty()) {
                long last = listed.get(listed.size() - 1).id();
                // A full page leaves more for the next question: the answer brings the client up to its last change.
                upTo = listed.size() == MOST ? last : Math.max(latest, last);
            }
        }
        call.response().setHeader("ETag", tag(upTo));
        JsonObject body = new JsonObject();
        body.addProperty("ultimo", upTo);
        body.add("cambios", changes);
        call.ok(body);
    }

    /** The answer's version: the newest change it brings the client up to. */
    private static String tag(long upTo) {
        return "\"cambios-" + upTo + "\"";
    }
}
