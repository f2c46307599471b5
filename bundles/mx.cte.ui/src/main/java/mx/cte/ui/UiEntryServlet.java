package mx.cte.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
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
 * The UI's address, {@code /ui/} (and {@code /ui}), answers with its page directly: the whiteboard's resources serve
 * files, not folders, and a redirect would cost a round trip on a slow link. The page names the shell's files by
 * their version ({@link VersionedUiFiles}) and carries the version of every installed module's editors, so the
 * browser asks for nothing it already has.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-ui-entry")
@HttpWhiteboardServletPattern({"/ui", "/ui/"})
public final class UiEntryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient UiFolders folders;
    private final String template;

    @Activate
    public UiEntryServlet(@Reference UiFolders folders) throws IOException {
        this.folders = folders;
        URL page = UiEntryServlet.class.getResource("/ui/index.html");
        if (page == null) {
            throw new IllegalStateException("The bundle has no /ui/index.html");
        }
        try (InputStream in = page.openStream()) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The page with the shell's files at their versioned addresses and, as data the shell reads, where each product
     * type's editor is ({@code {bundle}/{versión}}, {@link UiFolders#editorsByType()}).
     */
    static String page(String template, String shellVersion, Map<String, String> editorsByType) {
        String json = editorsByType.entrySet().stream()
                .map(e -> "\"" + jsonSafe(e.getKey()) + "\":\"" + jsonSafe(e.getValue()) + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        String base = "/ui/v/" + shellVersion + "/";
        return template.replace("href=\"estilos.css\"", "href=\"" + base + "estilos.css\"")
                .replace("src=\"app.js\"", "src=\"" + base + "app.js\"")
                .replace("</head>", "  <script type=\"application/json\" id=\"editores\">" + json + "</script>\n</head>");
    }

    /** Types, symbolic names and hashes hold no quote or markup; anything else is dropped rather than trusted. */
    private static String jsonSafe(String text) {
        return text.replaceAll("[^A-Za-z0-9._/-]", "");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().endsWith("/ui")) {
            // A path, never an absolute URL: sendRedirect would build one from the request's Host header, which
            // anyone can set to their own site.
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + "/ui/");
            return;
        }
        byte[] body = page(template, folders.shellVersion(), folders.editorsByType())
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        // The page is small and names every other file by version: asking for it again is how a new version shows.
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
