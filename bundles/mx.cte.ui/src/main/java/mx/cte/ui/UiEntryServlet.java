package mx.cte.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
     * The page with the shell's files at their versioned addresses, its other modules asked for with it
     * ({@code modulepreload}: on a slow link each import found only after its importer arrived costs a round trip),
     * and, as data the shell reads, where each product type's editor is, the modules found there and the modules that
     * add a panel to each home.
     */
    static String page(String template, String shellVersion, List<String> shellModules, UiFolders.Editors editors) {
        String json = "{\"tipos\":" + object(editors.byType(), v -> quoted(v))
                + ",\"archivos\":" + object(editors.modules(), files -> files.stream().map(UiEntryServlet::quoted)
                        .collect(Collectors.joining(",", "[", "]")))
                + ",\"paneles\":" + object(editors.panels(), places -> places.stream().map(UiEntryServlet::quoted)
                        .collect(Collectors.joining(",", "[", "]")))
                + ",\"lecturas\":" + object(editors.firstReads(), byType -> object(byType, addresses -> addresses
                        .stream().map(a -> "\"" + addressSafe(a) + "\"").collect(Collectors.joining(",", "[", "]"))))
                + "}";
        String base = "/ui/v/" + shellVersion + "/";
        String preloads = shellModules.stream().map(m -> "  <link rel=\"modulepreload\" href=\"" + base
                + jsonSafe(m) + "\">\n").collect(Collectors.joining());
        return template.replace("href=\"estilos.css\"", "href=\"" + base + "estilos.css\"")
                .replace("src=\"inicio.js\"", "src=\"" + base + "inicio.js\"")
                .replace("src=\"app.js\"", "src=\"" + base + "app.js\"")
                .replace("</head>", preloads + "  <script type=\"application/json\" id=\"editores\">" + json
                        + "</script>\n</head>");
    }

    private static <T> String object(Map<String, T> members, java.util.function.Function<T, String> value) {
        return members.entrySet().stream().map(e -> quoted(e.getKey()) + ":" + value.apply(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quoted(String text) {
        return "\"" + jsonSafe(text) + "\"";
    }

    /**
     * Types (and {@code *}, a module's other types), symbolic names, hashes and file names hold no quote or markup;
     * anything else is dropped.
     */
    private static String jsonSafe(String text) {
        return text.replaceAll("[^A-Za-z0-9._/*-]", "");
    }

    /** A module's declared read ({@link FirstReads} checked it): no quote or markup can pass either. */
    private static String addressSafe(String address) {
        return address.replaceAll("[^A-Za-z0-9._/{}?=&-]", "");
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
        byte[] body = page(template, folders.shellVersion(), folders.shellModules(), folders.editors())
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        // The page is small and names every other file by version: asking for it again is how a new version shows.
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
