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

/** The worker carries the version of the UI's files: the same files, the same worker; one byte changed, a new one. */
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
        String first = new UiServiceWorker(List.of(app, styles)).script();
        assertFalse("the version is written in", first.contains("__VERSION__"));
        assertEquals("the order the bundle lists them in does not matter", first,
                new UiServiceWorker(List.of(styles, app)).script());
        file(folder, "app.js", "console.log(2);");
        assertNotEquals(first, new UiServiceWorker(List.of(app, styles)).script());
        assertTrue(first.contains("const SHELL = `cte-shell-${VERSION}`;"));
    }
}
