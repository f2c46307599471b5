package mx.cte.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/**
 * The worker carries the version of the UI's files: the same files, the same worker; one byte changed, a new one. The
 * page names the files by that version.
 */
public class UiServiceWorkerTest {

    private static URL file(Path folder, String name, String content) throws Exception {
        Path path = folder.resolve(name);
        Files.writeString(path, content);
        return path.toUri().toURL();
    }

    @Test
    public void aChangedFileGivesANewWorker() throws Exception {
        Path folder = Files.createTempDirectory("cte-ui");
        URL app = file(folder, "app.js", "console.log(1);");
        URL styles = file(folder, "estilos.css", "body {}");
        String version = UiFolders.version(List.of(app, styles));
        String first = new UiServiceWorker(version).script();
        assertFalse("the version is written in", first.contains("__VERSION__"));
        assertTrue(first.contains("'" + version + "'"));
        assertEquals("the order the bundle lists them in does not matter", version,
                UiFolders.version(List.of(styles, app)));
        file(folder, "app.js", "console.log(2);");
        assertNotEquals(version, UiFolders.version(List.of(app, styles)));
        assertTrue(first.contains("const SHELL = `cte-shell-${VERSION}`;"));
    }

    @Test
    public void thePageNamesTheShellsFilesByVersionAndCarriesWhereEachEditorIs() {
        String template = "<head>\n<link rel=\"stylesheet\" href=\"estilos.css\">\n</head>\n"
                + "<script type=\"module\" async src=\"inicio.js\"></script><script type=\"module\" src=\"app.js\"></script>";
        String page = UiEntryServlet.page(template, "abc123", List.of("envios.js", "sesion.js"),
                new UiFolders.Editors(java.util.Map.of("cuadro-resultados", "mx.cte.results.web/f00d",
                        "x\"</script><script>alert(1)</script>", "1"), java.util.Map.of("mx.cte.results.web/f00d",
                        List.of("editor.js", "comun.js")), java.util.Map.of("zona",
                        List.of("mx.cte.results.web/f00d")), java.util.Map.of("mx.cte.exchange.web/beef",
                        java.util.Map.of("*", List.of("/api/v1/exchange/{escuela}/texts/{tipo}?sesion={sesion}&x=\"<")))));
        assertTrue(page, page.contains("href=\"/ui/v/abc123/estilos.css\""));
        assertTrue(page, page.contains("src=\"/ui/v/abc123/app.js\""));
        assertTrue(page, page.contains("async src=\"/ui/v/abc123/inicio.js\""));
        assertTrue(page, page.contains("\"cuadro-resultados\":\"mx.cte.results.web/f00d\""));
        assertTrue(page, page.contains("\"archivos\":{\"mx.cte.results.web/f00d\":[\"editor.js\",\"comun.js\"]}"));
        assertTrue(page, page.contains("\"paneles\":{\"zona\":[\"mx.cte.results.web/f00d\"]}"));
        assertTrue(page, page.contains("\"lecturas\":{\"mx.cte.exchange.web/beef\":{\"*\":"
                + "[\"/api/v1/exchange/{escuela}/texts/{tipo}?sesion={sesion}&x=\"]}}"));
        assertTrue("the shell's modules are asked for with the page",
                page.contains("<link rel=\"modulepreload\" href=\"/ui/v/abc123/sesion.js\">"));
        assertFalse("a name cannot close the data block", page.contains("alert(1)</script>"));
        assertTrue(page.indexOf("id=\"editores\"") < page.indexOf("</head>"));
    }

    @Test
    public void theSessionScreenAsksForAModulesEditorsNotItsHomePanelsNorItsLibraries() throws Exception {
        List<URL> entries = new java.util.ArrayList<>();
        for (String path : List.of("/ui-editor/editor.js", "/ui-editor/paneles/tablero.js",
                "/ui-editor/lib/uPlot.iife.min.js", "/ui-editor/comun.js", "/ui-editor/estilos.css",
                "/ui-editor/analisis.js", "/ui-editor/")) {
            entries.add(new URL("file", "", path)); // the path of each entry, as a bundle lists them
        }
        assertEquals(List.of("analisis.js", "comun.js", "editor.js"), UiFolders.modulesAskedFor(entries, "ui-editor"));
    }

    @Test
    public void aModuleNamesTheHomesItAddsAPanelToWithAPatternOfItsOwn() {
        assertEquals(java.util.Optional.of("zona"), UiFolders.panelPlace("/ui/paneles/zona/mx.cte.results.web/*"));
        assertEquals(java.util.Optional.of("escuela"), UiFolders.panelPlace("/ui/paneles/escuela/mx.cte.print/*"));
        assertEquals("a module of before", java.util.Optional.of("entidad"), UiFolders.panelPlace("/ui/paneles/entidad/*"));
        assertEquals(java.util.Optional.empty(), UiFolders.panelPlace("/ui/modulos/cuadro-resultados/*"));
        assertEquals(java.util.Optional.empty(), UiFolders.panelPlace("/ui/paneles/zona/a/b/*"));
    }

    @Test
    public void aVersionedAddressReachesOnlyFilesBelowItsFolder() {
        assertTrue(VersionedUiFiles.safe("editor.js"));
        assertTrue(VersionedUiFiles.safe("lib/uPlot.iife.min.js"));
        assertFalse(VersionedUiFiles.safe("../ui/app.js"));
        assertFalse(VersionedUiFiles.safe("lib/../../x.js"));
        assertFalse(VersionedUiFiles.safe(".hidden"));
        assertFalse(VersionedUiFiles.safe("lib/"));
        assertFalse(VersionedUiFiles.safe(""));
        assertFalse(VersionedUiFiles.safe("a//b.js"));
    }
}
