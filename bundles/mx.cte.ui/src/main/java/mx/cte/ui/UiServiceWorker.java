package mx.cte.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /ui/sw.js}: the service worker that keeps the UI usable with no network after one visit, with the version of
 * the UI's own files written into it. A changed file gives a changed worker, which the browser installs in place of the
 * old one along with the new files.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-ui-service-worker")
@HttpWhiteboardServletPattern("/ui/sw.js")
public final class UiServiceWorker extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] script;

    @Activate
    public UiServiceWorker() {
        this(uiFiles(FrameworkUtil.getBundle(UiServiceWorker.class)));
    }

    UiServiceWorker(List<URL> uiFiles) {
        URL template = UiServiceWorker.class.getResource("/sw/sw.js");
        if (template == null) {
            throw new IllegalStateException("The bundle has no /sw/sw.js");
        }
        try (InputStream in = template.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            this.script = text.replace("__VERSION__", version(uiFiles)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<URL> uiFiles(Bundle bundle) {
        List<URL> files = new ArrayList<>();
        if (bundle != null) {
            Enumeration<URL> entries = bundle.findEntries("ui", "*", true);
            if (entries != null) {
                files.addAll(Collections.list(entries));
            }
        }
        return files;
    }

    /** The first 16 hex digits of a SHA-256 over the UI's files, in the order of their names. */
    static String version(List<URL> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<URL> sorted = new ArrayList<>(files);
            sorted.sort(Comparator.comparing(URL::getPath));
            for (URL file : sorted) {
                sha.update(file.getPath().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.openStream()) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
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
