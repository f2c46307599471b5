package mx.cte.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The UI's address, {@code /ui/} (and {@code /ui}), answers with its page directly: the whiteboard's resources serve
 * files, not folders, and a redirect would cost a round trip on a slow link.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-ui-entry")
@HttpWhiteboardServletPattern({"/ui", "/ui/"})
public final class UiEntryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().endsWith("/ui")) {
            // A path, never an absolute URL: sendRedirect would build one from the request's Host header, which
            // anyone can set to their own site.
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + "/ui/");
            return;
        }
        URL page = UiEntryServlet.class.getResource("/ui/index.html");
        if (page == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        // The page is tiny and names its assets; asking again keeps a new version from hiding behind a cache.
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream in = page.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
