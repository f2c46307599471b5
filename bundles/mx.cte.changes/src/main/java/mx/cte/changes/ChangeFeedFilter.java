package mx.cte.changes;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.schools.api.Cct;
import mx.cte.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Notes every signed-in write that succeeded on a school's records (an API path with the school's CCT in it). Ranked
 * inside the write filter ({@code cte-idempotency}, -10), so the note joins the write's unit of work: committed with
 * it, rolled back with it.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=-20")
@HttpWhiteboardFilterName("cte-changes")
@HttpWhiteboardFilterPattern("/api/*")
public final class ChangeFeedFilter implements Filter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

    private final ChangeFeeds feeds;

    @Activate
    public ChangeFeedFilter(@Reference ChangeFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        chain.doFilter(request, response);
        if (!WRITES.contains(request.getMethod())
                || !(request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller)) {
            return;
        }
        int status = response.getStatus();
        Optional<String> school = schoolOf(request.getRequestURI());
        if (status >= 200 && status < 300 && school.isPresent()) {
            feeds.feed().note(school.get(), request.getRequestURI(), caller.username());
        }
    }

    /** The first segment of the path that is a CCT: the school whose records the write changed. */
    static Optional<String> schoolOf(String path) {
        for (String segment : path.split("/")) {
            if (Cct.isValid(segment)) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }
}
