package mx.cte.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The UI's files at addresses that carry their version, so a browser on a slow link fetches each once and never asks
 * again: {@code /ui/v/{versión}/{archivo}} for the shell and {@code /ui/editores/{bundle}/{versión}/{archivo}} for a
 * module's editors (the same address for every product type of the module, so moving between its activities fetches
 * nothing). An address of an older version still answers, with the current file and no long-term caching, so a page
 * opened before an update keeps working.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-ui-versioned-files")
@HttpWhiteboardServletPattern({"/ui/v/*", "/ui/editores/*"})
public final class VersionedUiFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String FOR_GOOD = "public, max-age=31536000, immutable";
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8", "json", "application/json;charset=UTF-8", "svg", "image/svg+xml",
            "png", "image/png", "woff2", "font/woff2");

    private final transient UiFolders folders;

    @Activate
    public VersionedUiFiles(@Reference UiFolders folders) {
        this.folders = folders;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = String.valueOf(request.getPathInfo()).split("/", -1);
        boolean shell = request.getServletPath().equals("/ui/v");
        // /{versión}/{archivo…} for the shell, /{bundle}/{versión}/{archivo…} for a module.
        int first = shell ? 2 : 3;
        if (parts.length <= first || !parts[0].isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String path = String.join("/", java.util.Arrays.copyOfRange(parts, first, parts.length));
        String asked = parts[first - 1];
        Optional<URL> file;
        String current;
        if (shell) {
            current = folders.shellVersion();
            file = safe(path) ? folders.shellFile(path) : Optional.empty();
        } else {
            Optional<Map.Entry<Bundle, String>> module = folders.editorBundle(parts[1]);
            current = module.map(Map.Entry::getValue).orElse("");
            file = module.filter(m -> safe(path))
                    .map(m -> m.getKey().getEntry(UiFolders.EDITOR_FOLDER + "/" + path));
        }
        String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        if (file.isEmpty() || type == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String tag = "\"" + current + "\"";
        response.setContentType(type);
        response.setHeader("ETag", tag);
        response.setHeader("Cache-Control", asked.equals(current) ? FOR_GOOD : "no-cache");
        if (tag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        try (InputStream in = file.get().openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** A file below the folder: no way up, no folder, nothing hidden. */
    static boolean safe(String path) {
        if (path.isEmpty() || path.endsWith("/")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
