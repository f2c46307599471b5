package mx.cte.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /ui/sw.js}: the service worker that keeps the UI usable with no network after one visit, with the version of
 * the UI's own files written into it ({@link UiFolders}). A changed file gives a changed worker, which the browser
 * installs in place of the old one along with the new files.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-ui-service-worker")
@HttpWhiteboardServletPattern("/ui/sw.js")
public final class UiServiceWorker extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] script;

    @Activate
    public UiServiceWorker(@Reference UiFolders folders) {
        this(folders.shellVersion());
    }

    UiServiceWorker(String version) {
        URL template = UiServiceWorker.class.getResource("/sw/sw.js");
        if (template == null) {
            throw new IllegalStateException("The bundle has no /sw/sw.js");
        }
        try (InputStream in = template.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            this.script = text.replace("__VERSION__", version).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String script() {
        return new String(script, StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/javascript;charset=UTF-8");
        // The browser checks for a new worker at every visit; no cache may hide one.
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(script.length);
        response.getOutputStream().write(script);
    }
}
