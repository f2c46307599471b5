package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser: Debian's Chromium, headless, driven by Selenium against the distribution started as a
 * process. A teacher signs in and sees her school and the third session's activities from the guide; a wrong password
 * is said in Spanish on the page. A screenshot of the page is saved under target/screenshots when a test fails.
 */
public class UiBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static DistributionProcess karaf;
    private static ChromeDriver browser;

    @Rule
    public final TestWatcher screenshots = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description description) {
            if (browser != null) {
                try {
                    Path folder = Files.createDirectories(Path.of("target", "screenshots"));
                    Files.write(folder.resolve(description.getMethodName() + ".png"),
                            browser.getScreenshotAs(OutputType.BYTES));
                } catch (Exception ignored) {
                    // the failure itself is what the report needs
                }
            }
        }
    };

    @BeforeClass
    public static void startPlatformAndBrowser() throws Exception {
        Assume.assumeTrue("Browser tests need Debian's chromium and chromium-driver (.ci/run installs them:"
                + " apt-get install chromium chromium-driver)", Files.isExecutable(CHROMIUM)
                && Files.isExecutable(CHROMEDRIVER));
        karaf = DistributionProcess.unpack("ui-browser");
        karaf.start();
        new WebSession(karaf.baseUrl()).awaitOk("/api/v1/guides");
        browser = newBrowser();
    }

    /** A headless Chromium of its own (its own profile, cookies and storage): another person's device. */
    private static ChromeDriver newBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root Chromium needs --no-sandbox; the network flags keep it from calling home on a closed network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=es-MX", "--window-size=1024,800",
                "--user-data-dir=" + Files.createTempDirectory("cte-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    /** Waits up to 20 s; an element replaced by a page's periodic refresh while it is read is read again. */
    private WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Screens for docs/user-guide.md, taken as the tests go (target/ui-screens). */
    private static void capture(String name) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "ui-screens"));
        Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(karaf.baseUrl() + "/ui/");
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("usuario")));
        assertEquals("es-MX", browser.findElement(By.tagName("html")).getAttribute("lang"));
        browser.findElement(By.id("usuario")).sendKeys(username);
        browser.findElement(By.id("contrasena")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private static final String THIRD_SESSION = "SEP:2016-2017:preescolar:ordinaria-3";

    /** The links of the session's index to its activities, in order ("1. ...", "2. ..."). */
    private List<String> indexedActivities() {
        return browser.findElements(By.cssSelector("nav a[data-vista^='actividad/']")).stream()
                .map(link -> link.getAttribute("data-vista")).toList();
    }

    /** Opens the session from the school's home and waits for its index. */
    private void openSession() {
        await().until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Tercera Sesión Ordinaria"))).click();
        await().until(driver -> indexedActivities().size() == 21);
    }

    /** Moves to one activity of the session on screen by its link in the index (folded away or not). */
    private void openActivity(int number) {
        WebElement link = await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "nav a[data-vista='actividad/" + number + "']")));
        browser.executeScript("arguments[0].click();", link);
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("actividad-" + number)));
    }

    private String address() {
        return java.net.URLDecoder.decode(browser.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    public void aTeacherSignsInAndFollowsHerSessionFromTheGuide() throws Exception {
        String password = WebSession.demoPassword(karaf.demoPasswords(), "docente.ana");
        signIn("docente.ana", password);
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                "Jardín de Niños Rosaura Zapata"));
        assertTrue(browser.findElement(By.id("cuenta")).getText().contains("Educadora Ana López"));
        WebElement offered = await().until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//li[a[contains(., 'Tercera Sesión Ordinaria')]]")));
        assertTrue("which cycle, level and publisher: " + offered.getText(), offered.getText()
                .contains("ciclo 2016-2017 · Preescolar · Secretaría de Educación Pública"));
        capture("inicio-escuela");
        openSession();
        assertEquals("the guide's 21 activities in its index, in order",
                java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(n -> "actividad/" + n).toList(),
                indexedActivities());
        capture("sesion-presentacion");

        // The session opens on its presentation, as the printed guide does: its own text, no activity yet.
        String presentation = browser.findElement(By.id("guia-vista")).getText();
        for (String printed : List.of("Introducción", "El trabajo en las sesiones de Consejo Técnico Escolar",
                "Propósitos", "Que el colectivo docente:", "Materiales", "Planeación de la Ruta de Mejora Escolar.",
                "Productos", "Propuestas de intervención para atender los desafíos educativos de su escuela.",
                "Publica: Secretaría de Educación Pública")) {
            assertTrue(printed + " in: " + presentation, presentation.contains(printed));
        }
        assertEquals("no activity on the presentation", 0, browser.findElements(By.cssSelector("article.actividad"))
                .size());

        // One activity at a time, each at its own address, reached from the index.
        browser.findElement(By.cssSelector("nav a[data-vista='actividad/5']")).click();
        String frames = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#actividad-5 .frases"))).getText();
        assertTrue(frames, frames.contains("Las acciones que mejor han funcionado para lograrlo son"));
        assertTrue(address(), address().endsWith("#guia/" + THIRD_SESSION + "/actividad/5"));
        assertEquals("one activity on screen", 1, browser.findElements(By.cssSelector("article.actividad")).size());
        assertEquals("the index says where the person is", "actividad/5", browser.findElement(By.cssSelector(
                "nav a[aria-current=page]")).getAttribute("data-vista"));
        Long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        assertTrue("a part of the guide, not the whole guide: " + height + " px", height < 6000);
        capture("sesion-actividad");
        browser.findElement(By.cssSelector("a[rel=next]")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("actividad-6")));
        browser.navigate().back();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("actividad-5")));
        browser.navigate().back();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("vista-titulo"), "Presentación"));

        // An activity's address opens it directly, in a new page as from a bookmark.
        browser.get(karaf.baseUrl() + "/ui/#guia/" + THIRD_SESSION + "/actividad/8");
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("actividad-8")));
        assertEquals("criteria a) to f) of activity 8", 6,
                browser.findElements(By.cssSelector("#actividad-8 .criterios li")).size());

        // Footnote marks where the guide prints them, their notes at the end of the part.
        openActivity(2);
        assertEquals("footnote 1 is marked once, on the question it is printed on", 1,
                browser.findElements(By.cssSelector("#actividad-2 sup a")).size());
        String question = browser.findElement(By.cssSelector("#actividad-2 .preguntas li")).getText();
        assertTrue("where it is printed: " + question, question.endsWith("en el grupo?1 ¿Por qué?"));
        browser.findElement(By.cssSelector("#actividad-2 .preguntas sup a")).click();
        assertTrue(browser.findElement(By.cssSelector(".notas li")).getText().contains("Educación Física"));
        assertTrue("the note has the focus", focused().startsWith("nota-"));

        // A section's own text: its introduction, the reading printed in it, the note on its title.
        browser.findElement(By.cssSelector("nav a[data-vista='apartado/que-avances-tenemos']")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("vista-titulo"), "¿Qué avances tenemos?"));
        assertTrue(browser.findElements(By.cssSelector("#guia-vista > p")).size() >= 2);
        browser.findElement(By.cssSelector("nav a[data-vista='apartado/aprendizaje-entre-escuelas']")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("lectura-cerda-lopez")));
        assertEquals("no mark on the section's title", 0, browser.findElements(By.cssSelector("#vista-titulo sup a"))
                .size());
        // Footnote 2 is printed at the end of the section's closing paragraph: "… del desempeño escolar2."
        WebElement closing = browser.findElement(By.xpath("//section[@id='guia-vista']/p[contains(.,"
                + " 'desempeño escolar')]"));
        assertEquals("its mark closes the paragraph, before the full stop", "escolar2.",
                closing.getText().substring(closing.getText().length() - 9));
        assertEquals(1, closing.findElements(By.cssSelector("sup a")).size());
        assertTrue(browser.findElement(By.cssSelector(".notas-pie")).getText().contains("AFSEDF"));

        // A reading the activity uses, one link away.
        openActivity(15);
        browser.findElement(By.linkText("¿Cómo aprenden los maestros?")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("lectura-latapi-2003")));
        assertTrue(address(), address().endsWith("/lectura/latapi-2003"));

        // The state's fourth session: its agenda and references, the references as links.
        installTheStatesFourthSession();
        browser.executeScript("location.hash = '#guia/" + FOURTH_SESSION + "';");
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.agenda")));
        assertTrue(browser.findElement(By.cssSelector("table.agenda")).getText().contains(
                "Bienvenida y encuadre del encuentro"));
        browser.findElement(By.cssSelector("nav a[data-vista='referencias']")).click();
        WebElement reference = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                ".referencias a[href^='http']")));
        assertTrue(reference.getAttribute("href"), reference.getAttribute("href").contains("cpeip.cl"));
    }

    private static final String EXAMPLE_2021 = "SEP:2021-2022:primaria:ordinaria-2-ejemplo";


    private String openPart(String view, String visibleSelector) {
        browser.executeScript("location.hash = arguments[0];", "#guia/" + EXAMPLE_2021 + (view.isEmpty() ? "" : "/"
                + view));
        return await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(visibleSelector)))
                .findElement(By.xpath("ancestor-or-self::section[@id='guia-vista']")).getText();
    }

    @Test
    public void everyStructureOfAFormat2GuideIsOnTheSessionScreen() throws Exception {
        publishOnce(CteKaraf.exampleGuide(CteKaraf.EXAMPLE_2021), EXAMPLE_2021);
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                "Jardín de Niños Rosaura Zapata"));

        // The presentation: its editorial note marked as such, a footnote mark inside a paragraph, date and credits.
        String presentation = openPart("", "#guia-vista .nota-editorial");
        assertTrue(presentation, presentation.contains("no impreso"));
        assertTrue(presentation, presentation.contains("29 de octubre de 2021"));
        assertEquals(1, browser.findElements(By.xpath("//section[@id='guia-vista']/p[contains(., 'tres momentos')]"
                + "/sup/a")).size());
        assertTrue(browser.findElement(By.cssSelector(".notas-pie")).getText().contains("los momentos varían"));
        assertEquals(1, browser.findElements(By.cssSelector("#guia-vista details.creditos")).size());
        assertEquals("Sitio de la Secretaría de Educación Pública", browser.findElement(By.cssSelector(
                "#guia-vista a[href='https://www.gob.mx/sep']")).getText());
        List<String> index = browser.findElements(By.cssSelector("details.indice nav a")).stream()
                .map(link -> link.getAttribute("textContent")).toList();
        assertTrue(index.toString(), index.containsAll(List.of("Medidas de salud", "Actividades previas", "A. Lectura previa",
                "1.1. Logros en común", "Anexo 1 Formato de seguimiento")));

        // A moment: named as such, with its own purposes and materials.
        String moment = openPart("apartado/durante", "#guia-vista .tipo-momento");
        assertTrue(moment, moment.contains("Momento") && moment.contains("Reconozca sus logros de enseñanza.")
                && moment.contains("Cuaderno de notas."));

        // A section with a figure shipped in the guide bundle, drawn with its text alternative.
        openPart("apartado/empiezo-por-mi", "#guia-vista figure img");
        WebElement figure = browser.findElement(By.cssSelector("#guia-vista figure img"));
        await().until(driver -> (Boolean) browser.executeScript("return arguments[0].complete"
                + " && arguments[0].naturalWidth > 0;", figure));
        assertEquals("Los tres momentos de la sesión: antes, durante y después", figure.getAttribute("alt"));
        assertEquals("a video with its title and duration", "Video: Mensaje de bienvenida (6 min)", browser.findElement(
                By.cssSelector("#guia-vista p.video")).getText());
        assertEquals(2, browser.findElements(By.xpath("//section[@id='guia-vista']/ul[li[.='Lo que logré.']]/li")).size());

        // Activities before the session: their day and the lettered activity.
        openPart("apartado/antes", "#guia-vista .tipo-previa");
        String before = browser.findElement(By.id("guia-vista")).getAttribute("textContent");
        capture("sesion-actividades-previas");
        assertTrue(before, before.contains("Antes de la sesión") && before.contains("28 de octubre de 2021")
                && before.contains("A. Lectura previa"));

        // An activity with two ways of taking part and two products, each with its editor, one optional.
        String first = openPart("actividad/1", "#actividad-1");
        assertTrue(first, first.contains("Individual · En parejas"));
        assertTrue(first, first.contains("Producto: Mis logros del mes"));
        assertTrue(first, first.contains("Producto opcional: Acuerdo para el Cuaderno de Bitácora"));
        assertEquals(List.of("texto-libre", "acuerdo-bitacora"), browser.findElements(By.cssSelector(
                "#actividad-1 .editor")).stream().map(e -> e.getAttribute("data-tipo")).toList());

        // A sub-numbered activity with a title the guide does not print, marked as such.
        openPart("actividad/11", "#actividad-11");
        assertTrue(browser.findElement(By.id("vista-titulo")).getText().startsWith("Actividad 1.1. Logros en común"));
        assertEquals("no impreso", browser.findElement(By.cssSelector("#vista-titulo .marca-editorial")).getText());
        assertTrue(browser.findElement(By.id("actividad-11")).getText().contains("Quien coordina la sesión · En colectivo"));

        // The annex: its format to fill as a table, its link.
        openPart("apartado/anexo-1", "#guia-vista table.tabla-guia");
        assertEquals(List.of("Ajuste", "Responsable", "Fecha", "Resultado"), browser.findElements(By.cssSelector(
                "#guia-vista table.tabla-guia th")).stream().map(WebElement::getText).toList());
        assertEquals(2, browser.findElements(By.cssSelector("#guia-vista table.tabla-guia tbody tr")).size());
        assertEquals(1, browser.findElements(By.cssSelector(
                "#guia-vista a[href='https://www.gob.mx/sep/documentos/formato']")).size());
        assertEquals("annex", List.of(), seriousViolations());
    }

    @Test
    public void aStatesOverlaySaysOnScreenWhatTheStateAddedChangedAndLeftOut() throws Exception {
        WebSession admin = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "admin.plataforma");
        String overlay = "{\"schemaVersion\": 2, \"base\": {\"publisher\": \"SEP\", \"cycle\": \"2016-2017\","
                + " \"level\": \"preescolar\", \"session\": \"ordinaria-3\", \"versions\": \"[1.0,2.0)\"},"
                + " \"version\": \"1.0.0\", \"publisher\": {\"code\": \"15\", \"name\": \"Secretaría de Educación"
                + " del Estado de México\"}, \"changes\": [{\"action\": \"agregar-actividad\", \"in\":"
                + " \"toma-de-acuerdos\", \"after\": 13, \"activity\": {\"number\": \"13 bis\", \"key\": 1301,"
                + " \"participations\": [\"director\"], \"instructions\": [\"El director comparte los acuerdos.\"]}},"
                + " {\"action\": \"ocultar-actividad\", \"key\": 19}]}";
        var published = Signing.publish(admin, GuideBundles.bundle("it.overlay.pantalla",
                "1.0.0", overlay).readAllBytes(), karaf.etc());
        assertEquals(published.body(), 201, published.statusCode());
        long bundle = WebSession.json(published).get("bundle").getAsLong();
        try {
            signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                    "Jardín de Niños Rosaura Zapata"));
            String key = "15:2016-2017:preescolar:ordinaria-3";
            browser.executeScript("location.hash = arguments[0];", "#guia/" + key);
            String notice = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    "#guia-vista .aviso-capa"))).getText();
            assertTrue(notice, notice.contains("sobre la guía SEP:2016-2017:preescolar:ordinaria-3, edición 1.0.0"));
            assertTrue(notice, notice.contains("omitió: actividad 19"));
            assertFalse("activity 19 is left out of the index", indexedActivities().contains("actividad/19"));

            browser.executeScript("location.hash = arguments[0];", "#guia/" + key + "/actividad/1301");
            await().until(ExpectedConditions.visibilityOfElementLocated(By.id("actividad-1301")));
            assertTrue(browser.findElement(By.id("vista-titulo")).getText().startsWith("Actividad 13 bis."));
            assertEquals("Agregado por Secretaría de Educación del Estado de México", browser.findElement(
                    By.cssSelector("#vista-titulo .marca-entidad")).getText());
            browser.executeScript("location.hash = arguments[0];", "#guia/" + key + "/actividad/13");
            await().until(ExpectedConditions.visibilityOfElementLocated(By.id("actividad-13")));
            assertTrue("the national guide's own activities carry no mark", browser.findElements(By.cssSelector(
                    "#actividad-13 .marca-entidad")).isEmpty());
            assertEquals("state overlay", List.of(), seriousViolations());
        } finally {
            admin.send("DELETE", "/api/v1/guide-bundles/" + bundle, null, null);
        }
    }

    private static final String FOURTH_SESSION = "15:2016-2017:preescolar:ordinaria-4";

    /** The state's fourth-session guide, published by the platform's administrator unless another test did. */
    private static void installTheStatesFourthSession() throws Exception {
        publishOnce(Path.of(System.getProperty(CteKaraf.STATE_GUIDE_PROPERTY)), FOURTH_SESSION);
    }

    /** A guide bundle published by the platform's administrator, unless another test did. */
    private static void publishOnce(Path jar, String key) throws Exception {
        WebSession admin = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "admin.plataforma");
        if (admin.get("/api/v1/guides/" + key).statusCode() != 200) {
            var published = Signing.publish(admin, Files.readAllBytes(jar), karaf.etc());
            assertEquals(published.body(), 201, published.statusCode());
        }
        admin.awaitOk("/api/v1/guides/" + key);
    }

    /** Fetches a path asking for gzip, as browsers do, and gives the answer's encoding and sizes. */
    private static java.net.http.HttpResponse<byte[]> fetchCompressed(String path, String ifNoneMatch) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(karaf.baseUrl() + path))
                .header("Accept-Encoding", "gzip");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    public void scriptsAndTheGuideTravelCompressedAndAreRevalidated() throws Exception {
        for (String path : List.of("/ui/sesion.js", "/api/v1/guides/SEP:2016-2017:preescolar:ordinaria-3")) {
            var compressed = fetchCompressed(path, null);
            assertEquals(path, 200, compressed.statusCode());
            assertEquals(path, "gzip", compressed.headers().firstValue("Content-Encoding").orElse(""));
            byte[] plain;
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed.body()))) {
                plain = in.readAllBytes();
            }
            assertTrue(path + ": " + compressed.body().length + " of " + plain.length + " bytes",
                    compressed.body().length * 3 < plain.length);
            String etag = compressed.headers().firstValue("ETag").orElseThrow();
            assertEquals(path + " revalidated with its compressed ETag", 304, fetchCompressed(path, etag).statusCode());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void anActivityOpenedByItsAddressReadsItsDataWithTheEditorsFilesAndOnce() throws Exception {
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        await().until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Tercera Sesión Ordinaria")));
        // A deep link loaded afresh, as a teacher opens it from a message: the page, then the guide, then the editor.
        // Every request takes 150 ms, as on a slow link (on loopback the editor's files would arrive while the page
        // is still drawing the guide, and the order of starts would say nothing); the service worker is bypassed so
        // its copies do not answer in its place.
        List<Map<String, Object>> entries;
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setBypassServiceWorker", Map.of("bypass", true));
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
                "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            browser.get(karaf.baseUrl() + "/ui/#guia/" + java.net.URLEncoder.encode(THIRD_SESSION,
                    java.nio.charset.StandardCharsets.UTF_8) + "/actividad/1");
            browser.navigate().refresh();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> !driver.findElements(By.cssSelector(
                    "#actividad-1 .editor[data-estado=listo]")).isEmpty());
            entries = (List<Map<String, Object>>) browser.executeScript(
                    "return performance.getEntriesByType('resource').map((e) => ({path: new URL(e.name).pathname,"
                    + " start: e.startTime, end: e.responseEnd}));");
        } finally {
            browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            browser.executeCdpCommand("Network.setBypassServiceWorker", Map.of("bypass", false));
        }
        List<Map<String, Object>> expected = entries.stream().filter(e -> e.get("path").toString()
                .equals("/api/v1/results/15EJN0101A/expected")).toList();
        List<Map<String, Object>> coincidences = entries.stream().filter(e -> e.get("path").toString()
                .equals("/api/v1/results/15EJN0101A/coincidences")).toList();
        assertEquals("the table is read once: " + entries, 1, expected.size());
        assertEquals("its traffic light is read once: " + entries, 1, coincidences.size());
        double lastEditorFile = entries.stream().filter(e -> e.get("path").toString()
                .startsWith("/ui/editores/mx.cte.results.web/")).mapToDouble(e -> ((Number) e.get("end"))
                .doubleValue()).max().orElseThrow();
        for (Map<String, Object> read : List.of(expected.get(0), coincidences.get(0))) {
            assertTrue("the module's declared read leaves with its editor's files, not after them: " + entries,
                    ((Number) read.get("start")).doubleValue() < lastEditorFile);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void theSessionFetchesEachFileOnceAtAddressesThatCarryTheirVersion() throws Exception {
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        openSession();
        // Four activities of the results module, one of the exchange module, and back.
        for (int activity : new int[] {1, 3, 2, 5, 15, 1}) {
            openActivity(activity);
            await().until(driver -> !driver.findElements(By.cssSelector("#actividad-" + activity
                    + " .editor[data-estado=listo]")).isEmpty());
        }
        List<String> files = ((List<String>) browser.executeScript("return performance.getEntriesByType('resource')"
                + ".map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/ui/'));"));
        assertEquals("each file once: " + files, new java.util.HashSet<>(files).size(), files.size());
        assertTrue(files.toString(), files.stream().anyMatch(f -> f.matches("/ui/v/[0-9a-f]{16}/sesion\\.js")));
        assertEquals("one editor for all the results module's activities: " + files, 1, files.stream()
                .filter(f -> f.matches("/ui/editores/mx\\.cte\\.results\\.web/[0-9a-f]{16}/editor\\.js")).count());
        assertTrue("the guide is read once by the screen and handed to the editors",
                ((Number) browser.executeScript("return performance.getEntriesByType('resource').filter((e) =>"
                        + " e.name.includes('/api/v1/guides/')).length;")).intValue() == 1);
        String editor = files.stream().filter(f -> f.startsWith("/ui/editores/mx.cte.results.web/")).findFirst()
                .orElseThrow();
        var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(karaf.baseUrl() + editor)).build(), java.net.http.HttpResponse.BodyHandlers
                .discarding());
        assertEquals(200, answer.statusCode());
        assertTrue("kept for good", answer.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        var older = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(karaf.baseUrl() + editor.replaceFirst("/[0-9a-f]{16}/", "/0000000000000000/")))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals("an older version's address still answers", 200, older.statusCode());
        assertEquals("no-cache", older.headers().firstValue("Cache-Control").orElse(""));
    }

    private String focused() {
        return (String) browser.executeScript("const e = document.activeElement;"
                + " return e.id || e.textContent.trim().slice(0, 60);");
    }

    /** Presses Tab until the focus is on what {@code wanted} says, or fails after {@code most} presses. */
    private void tabTo(java.util.function.Predicate<String> wanted, int most) {
        for (int i = 0; i < most && !wanted.test(focused()); i++) {
            new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        }
        assertTrue("reached by Tab: " + focused(), wanted.test(focused()));
    }

    @Test
    public void aTeacherSignsInAndOpensHerSessionWithTheKeyboardOnly() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(karaf.baseUrl() + "/ui/");
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("usuario")));
        var keys = new org.openqa.selenium.interactions.Actions(browser);
        assertEquals("the page's content has the focus", "principal", focused());
        tabTo(text -> text.equals("usuario"), 3);
        assertTrue("the focused field shows where the focus is", !"none".equals(browser.executeScript(
                "return getComputedStyle(document.activeElement).outlineStyle;")));
        keys.sendKeys("docente.ana").perform();
        tabTo(text -> text.equals("contrasena"), 3);
        keys.sendKeys(WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"))
                .sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                "Jardín de Niños Rosaura Zapata"));
        tabTo(text -> text.startsWith("Tercera Sesión Ordinaria"), 20);
        keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        await().until(driver -> indexedActivities().size() == 21);
        assertEquals("the new page's content has the focus, for screen readers and the next Tab", "principal",
                focused());
        tabTo(text -> text.startsWith("3. "), 20);
        keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("actividad-3")));
        assertEquals("the activity's title has the focus", "vista-titulo", focused());
    }

    @Test
    public void aWrongPasswordIsSaidOnThePageInSpanish() {
        signIn("docente.ana", "no-es-la-contraseña");
        WebElement error = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-acceso")));
        await().until(driver -> !error.getText().isBlank());
        assertTrue(error.getText(), error.getText().toLowerCase().contains("contraseña"));
        assertEquals("the password field is emptied for another try", "",
                browser.findElement(By.id("contrasena")).getAttribute("value"));
    }

    /** What axe-core finds serious or critical on the page as it is now (WCAG 2.1 A and AA rules). */
    private List<String> seriousViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().size() + " elementos").toList();
    }

    @Test
    public void theMainScreensHaveNoSeriousAccessibilityViolations() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(karaf.baseUrl() + "/ui/");
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("usuario")));
        assertEquals("sign-in", List.of(), seriousViolations());

        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                "Jardín de Niños Rosaura Zapata"));
        assertEquals("the school's home", List.of(), seriousViolations());

        openSession();
        assertEquals("the session's presentation", List.of(), seriousViolations());
        openActivity(2);
        assertEquals("an activity with its editor", List.of(), seriousViolations());

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(320, 640));
        try {
            Long overflow = (Long) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals("nothing scrolls sideways at 320 px", 0L, overflow.longValue());
            browser.navigate().refresh();
            await().until(ExpectedConditions.visibilityOfElementLocated(By.id("actividad-2")));
            assertEquals("the index folds away on a phone", null, browser.findElement(By.cssSelector("details.indice"))
                    .getAttribute("open"));
            assertEquals("an activity at 320 px", List.of(), seriousViolations());
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1024, 800));
        }

        // The check itself works: an image without a text alternative is reported.
        browser.executeScript("document.getElementById('principal').append(Object.assign("
                + "document.createElement('img'), {src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw='}));");
        assertTrue(seriousViolations().toString(), seriousViolations().stream().anyMatch(v -> v.startsWith(
                "image-alt")));
    }

    @Test
    public void anAdministratorUploadsAGuideAndTheSchoolSeesItWithoutARestart() throws Exception {
        signIn("admin.plataforma", WebSession.demoPassword(karaf.demoPasswords(), "admin.plataforma"));
        await().until(ExpectedConditions.elementToBeClickable(By.linkText("Guías y módulos"))).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lista-guias"),
                "SEP:2016-2017:preescolar:ordinaria-3"));
        // Who may sign: the publishers' keys with their state, and the warning that the root is the demo's.
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("claves-publicadores"),
                "SEP publicacion de guias - DEMOSTRACION"));
        String trust = browser.findElement(By.id("confianza")).getText();
        assertTrue(trust, trust.contains("La raíz de confianza es la de demostración del repositorio"));
        assertTrue(trust, trust.contains("Secretaria de Educacion del Estado de Mexico - DEMOSTRACION"));
        assertTrue(trust, trust.contains("Vigente"));
        Path jar = Files.createTempFile("guia-ui", ".jar");
        try (var bundle = GuideBundles.bundle("it.guide.ui", "1.0.0",
                GuideBundles.descriptor("ui-navegador", "1.0.0", "texto-libre"))) {
            Files.write(jar, bundle.readAllBytes());
        }
        browser.findElement(By.id("bundle-guia")).sendKeys(jar.toString());
        browser.findElement(By.cssSelector("#carga-guia button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultado-carga"),
                "Elija también la firma (.asc)"));
        browser.findElement(By.id("firma-guia")).sendKeys(Signing.signBeside(jar, karaf.etc()).toString());
        browser.findElement(By.cssSelector("#carga-guia button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultado-carga"),
                "Instalada 09:2099-2100:preescolar:ui-navegador edición 1.0.0"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lista-guias"),
                "09:2099-2100:preescolar:ui-navegador"));
        capture("administracion-guias");

        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        WebElement added = await().until(ExpectedConditions.elementToBeClickable(
                By.partialLinkText("Guía de prueba 1.0.0")));
        added.click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Guía de prueba 1.0.0"));
    }

    @Test
    public void anAdministratorChecksTheChannelAndInstallsWhatItOffersFromThePage() throws Exception {
        // The SEP's channel as an offline kit on this machine, published with the tool as the SEP does.
        Path folder = Files.createTempDirectory("canal-ui-");
        Path jar = folder.resolve("guia-ui-canal-1.0.0.jar");
        Files.write(jar, GuideBundles.bundle("it.guide.ui.canal", "1.0.0", GuideBundles.descriptor("ui-canal", "1.0.0",
                "texto-libre").replace("\"09\"", "\"SEP\"")).readAllBytes());
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty(ChannelIT.TOOL_PROPERTY), "publicar", "--canal",
                folder.resolve("canal").toString(), "--clave", Signing.demoKeys().resolve("sep-publicacion.clave.asc")
                        .toString(), "--publicador", "SEP", jar.toString()).redirectErrorStream(true).start();
        String said = new String(tool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(said, 0, tool.waitFor());
        Path subscription = karaf.etc().resolve("mx.cte.channel-ui.cfg");
        Files.writeString(subscription, "name = ui\nurl = " + folder.resolve("canal").toUri() + "\npublisher = SEP\n");
        try {
            signIn("admin.plataforma", WebSession.demoPassword(karaf.demoPasswords(), "admin.plataforma"));
            await().until(ExpectedConditions.elementToBeClickable(By.linkText("Guías y módulos"))).click();
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("artefactos-canal"),
                    "SEP:2099-2100:preescolar:ui-canal"));
            assertTrue(browser.findElement(By.id("canales")).getText().contains("ui"));
            assertTrue(browser.findElement(By.id("artefactos-canal")).getText().contains("Nueva"));
            assertEquals("updates page", List.of(), seriousViolations());
            capture("actualizaciones");
            browser.findElement(By.cssSelector("#artefactos-canal button[aria-label^='Instalar']")).click();
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultado-actualizaciones"),
                    "instalada SEP:2099-2100:preescolar:ui-canal edición 1.0.0"));
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("artefactos-canal"), "Instalada"));
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lista-guias"),
                    "SEP:2099-2100:preescolar:ui-canal"));
        } finally {
            Files.deleteIfExists(subscription);
        }
    }

    /** Installs a guide bundle through the administration page's form, as a person picks the file. */
    private void uploadOnThePage(String symbolicName, String version, String session) throws Exception {
        Path jar = Files.createTempFile("guia-ui", ".jar");
        try (var bundle = GuideBundles.bundle(symbolicName, version, GuideBundles.descriptor(session, version,
                "texto-libre"))) {
            Files.write(jar, bundle.readAllBytes());
        }
        browser.findElement(By.id("bundle-guia")).sendKeys(jar.toString());
        browser.findElement(By.id("firma-guia")).sendKeys(Signing.signBeside(jar, karaf.etc()).toString());
        browser.findElement(By.cssSelector("#carga-guia button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultado-carga"),
                "Instalada 09:2099-2100:preescolar:" + session + " edición " + version));
    }

    /**
     * The state and remarks cells of an edition's row ("" when the row is absent), read in one script so a list
     * redrawn meanwhile is never half read, and without the actions cell, whose "Activar" would pass for "Activa".
     */
    private String editionStatus(String key, String version) {
        Object cells = browser.executeScript(
                "for (const row of document.querySelectorAll('#lista-guias tbody tr')) {"
                + " const c = row.querySelectorAll('td');"
                + " if (c.length > 3 && c[0].textContent === arguments[0] && c[1].textContent === arguments[1])"
                + " return c[2].textContent + ' ' + c[3].textContent; }"
                + " return '';", key, version);
        return String.valueOf(cells);
    }

    private static String apiEditions(WebSession admin, String key) {
        try {
            return admin.get("/api/v1/guides/" + key + "/versions").body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    public void anAdministratorRestoresAnEarlierEditionAndSeesTheModulesAndTheAuditLog() throws Exception {
        String key = "09:2099-2100:preescolar:ui-vuelta";
        signIn("admin.plataforma", WebSession.demoPassword(karaf.demoPasswords(), "admin.plataforma"));
        await().until(ExpectedConditions.elementToBeClickable(By.linkText("Guías y módulos"))).click();
        uploadOnThePage("it.guide.rollback", "1.0.0", "ui-vuelta");
        uploadOnThePage("it.guide.rollback", "1.0.1", "ui-vuelta");
        // A second edition waits for the administrator; the schools keep the first until then.
        await().until(driver -> editionStatus(key, "1.0.1").contains("Instalada"));
        assertTrue(editionStatus(key, "1.0.0"), editionStatus(key, "1.0.0").contains("Activa Edición elegida."));
        browser.findElement(By.cssSelector("button[aria-label='Activar la edición 1.0.1 de " + key + "']")).click();
        await().until(driver -> editionStatus(key, "1.0.1").contains("Activa"));

        browser.findElement(By.cssSelector("button[aria-label='Activar la edición 1.0.0 de " + key + "']")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultado-carga"),
                "Activar la edición 1.0.0: hecho."));
        await().until(driver -> editionStatus(key, "1.0.0").contains("Activa"));
        assertTrue(editionStatus(key, "1.0.1"), editionStatus(key, "1.0.1").contains("Instalada"));
        WebSession teacher = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "docente.ana");
        assertEquals("schools work with the restored edition", "1.0.0",
                WebSession.json(teacher.get("/api/v1/guides/" + key)).get("version").getAsString());

        WebElement modules = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("lista-modulos")));
        await().until(ExpectedConditions.textToBePresentInElement(modules, "mx.cte.cards.web"));
        assertTrue(modules.getText().contains("Tarjetas de intervención"));
        assertTrue(modules.getText(), modules.getText().contains("Todos los bundles están activos."));
        assertEquals("every product type of the installed modules has its editor (the state's fourth session too)",
                "Todos los productos de los módulos instalados tienen su editor en línea.",
                await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#productos-sin-editor p")))
                        .getText());

        // An edition installed elsewhere (here through the API, as a publisher's script would) shows up on the open
        // page within its refresh, without reloading it.
        browser.executeScript("window.cteSinRecargar = true;");
        WebSession admin = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "admin.plataforma");
        try (var bundle = GuideBundles.bundle("it.guide.rollback", "1.0.2",
                GuideBundles.descriptor("ui-vuelta", "1.0.2", "texto-libre"))) {
            assertEquals(201, Signing.publish(admin, bundle.readAllBytes(), karaf.etc()).statusCode());
        }
        // The page's own refresh replaces the rows while they are read, as await() allows for; six refreshes' time
        // (CI once saw none in 15 s on its two busy cores), and a failure says what the page and the API had.
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> "the page's editions: " + browser.executeScript("return [...document"
                        + ".querySelectorAll('#lista-guias tbody tr')].map((r) => r.textContent).join(' | ');")
                        + "; the API's: " + apiEditions(admin, key))
                .until(driver -> !editionStatus(key, "1.0.2").isEmpty());
        assertEquals("the same page, not reloaded", Boolean.TRUE, browser.executeScript(
                "return window.cteSinRecargar === true;"));

        browser.findElement(By.id("auditoria-accion")).sendKeys("guia");
        browser.findElement(By.cssSelector("#filtro-auditoria button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("auditoria"), key + " 1.0.0"));
        capture("administracion-modulos");
        assertEquals("the administration page", List.of(), seriousViolations());
    }

    @Test
    public void aStoppedModuleIsSaidOnTheModulesPageAsItHappensAndOnTheSessionPage() throws Exception {
        signIn("admin.plataforma", WebSession.demoPassword(karaf.demoPasswords(), "admin.plataforma"));
        await().until(ExpectedConditions.elementToBeClickable(By.linkText("Guías y módulos"))).click();
        waitForText("#lista-modulos th", "mx.cte.cards.impl");
        browser.executeScript("window.cteSinRecargar = true;");
        WebSession teacher = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "docente.ana");
        karaf.shell("bundle:stop mx.cte.cards.impl");
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> listed("#lista-modulos tr.con-problemas",
                    "mx.cte.cards.web"));
            String row = browser.findElements(By.cssSelector("#lista-modulos tr.con-problemas")).stream()
                    .map(WebElement::getText).filter(text -> text.startsWith("mx.cte.cards.web")).findFirst()
                    .orElseThrow();
            assertTrue(row, row.contains("insatisfecho") && row.contains("falta mx.cte.cards.api."));
            assertTrue(browser.findElement(By.id("lista-modulos")).getText().contains("necesitan atención"));
            assertEquals("seen without reloading the page", Boolean.TRUE, browser.executeScript(
                    "return window.cteSinRecargar === true;"));

            signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
            openSession();
            openActivity(10);
            waitForText("#actividad-10 .aviso-modulo", "no está instalado");
            openActivity(13);
            assertTrue("the other modules' editors still work", field("bitacora-13-acuerdo").isDisplayed());
        } finally {
            karaf.shell("bundle:start mx.cte.cards.impl");
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (teacher.get("/api/v1/cards/15EJN0101A").statusCode() != 200) {
            assertTrue("the cards module is back within 30 s", System.nanoTime() < deadline);
            Thread.sleep(200);
        }
        browser.navigate().refresh();
        openActivity(10);
        field("tarjeta-10-titulo");
    }

    @Test
    public void theSupervisorRecordsTheZoneCouncilsAgreementAndReviewsItInTheNextSession() throws Exception {
        String text = "Compartir una estrategia de lectura por escuela (" + System.nanoTime() + ")";
        signIn("supervisora.zona15", WebSession.demoPassword(karaf.demoPasswords(), "supervisora.zona15"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "15-preescolar-015"));
        typeInto("zona-acuerdo-sesion", "CTZ de noviembre de 2016");
        typeInto("zona-acuerdo-texto", text);
        typeInto("zona-acuerdo-responsables", "Directoras de la zona");
        submit("form.acuerdo-zona");
        WebElement recorded = await().until(driver -> driver.findElements(By.cssSelector("#acuerdos-zona li"))
                .stream().filter(li -> li.getText().contains(text)).findFirst().orElse(null));
        assertTrue(recorded.getText(), recorded.getText().contains("acordado en: CTZ de noviembre de 2016"));

        WebElement review = recorded.findElement(By.cssSelector("form.revisar-acuerdo-zona"));
        review.findElement(By.cssSelector("input[id$='-sesion']")).sendKeys("CTZ de enero de 2017");
        new org.openqa.selenium.support.ui.Select(review.findElement(By.cssSelector("select")))
                .selectByVisibleText("Cumplido");
        review.findElement(By.cssSelector("button[type=submit]")).click();
        await().until(driver -> listed("#acuerdos-zona li.revisado", text)
                && listed("#acuerdos-zona li.revisado", "Cumplido (revisado en CTZ de enero de 2017)"));

        WebSession authority = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "autoridad.edomex");
        assertTrue(authority.get("/api/v1/logbook/zonas/15-preescolar-015/agreements").body().contains(text));
    }

    /** Sets a date field as a person's date picker would, the same in any browser locale. */
    private void setDate(String id, String isoDate) {
        browser.executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field(id), isoDate);
    }

    @Test
    public void theDirectorWritesAndPublishesTheProgrammeAndTheSupervisorReadsIt() throws Exception {
        String action = "Ronda de narración de los lunes (" + System.nanoTime() + ")";
        signIn("directora.rosaura", WebSession.demoPassword(karaf.demoPasswords(), "directora.rosaura"));
        typeInto("programa-ciclo", "2022-2023");
        clickFresh(By.id("programa-ver"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("programa"), "Aún no se ha guardado"));
        typeInto("programa-diagnostico-aprovechamiento", "El 40 % de los niños de 3° no narra con secuencia.");
        clickFresh(By.id("programa-agregar-objetivo"));
        typeInto("programa-objetivo-0-verbo", "Incrementar");
        typeInto("programa-objetivo-0-indicador", "el porcentaje de niños de 3° que narran con secuencia");
        typeInto("programa-objetivo-0-metrica", "porcentaje");
        typeInto("programa-objetivo-0-meta", "75");
        setDate("programa-objetivo-0-fecha", "2023-06-30");
        clickFresh(By.id("programa-objetivo-0-ambito-aprovechamiento"));
        clickFresh(By.id("programa-agregar-accion"));
        typeInto("programa-accion-0-descripcion", action);
        new org.openqa.selenium.support.ui.Select(field("programa-accion-0-ambito")).selectByVisibleText(
                "Prácticas docentes y directivas");
        typeInto("programa-accion-0-responsables", "Educadoras de 3°, Directora");
        setDate("programa-accion-0-inicio", "2022-09-05");
        setDate("programa-accion-0-fin", "2022-09-01");
        clickFresh(By.id("programa-guardar"));
        // Two mistakes are said in words and their fields pointed at; nothing is saved.
        waitForText("#programa-errores", "acción 1: termina (2022-09-01) antes de empezar (2022-09-05)");
        waitForText("#programa-errores", "acción 1, cómo se mide: no puede quedar vacío");
        assertEquals("true", field("programa-accion-0-fin").getAttribute("aria-invalid"));

        setDate("programa-accion-0-fin", "2023-06-30");
        typeInto("programa-accion-0-medicion", "Lista de cotejo mensual");
        clickFresh(By.id("programa-guardar"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("programa-estado"),
                "Programa guardado (versión 1)"));
        clickFresh(By.id("programa-publicar"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("programa-estado"),
                "la supervisión ve esta versión"));

        String printed = downloadedPdfText(await().until(ExpectedConditions.elementToBeClickable(
                By.partialLinkText("Imprimir el programa"))).getAttribute("href"));
        assertTrue(printed, printed.contains("Programa Escolar de Mejora Continua"));
        assertTrue(printed, printed.contains("Ciclo escolar 2022-2023"));
        assertTrue("the action's evidence can be attached where it is written", browser.findElements(
                By.cssSelector("fieldset.accion details.evidencias")).size() == 1);
        clickFresh(By.cssSelector(".seguimiento-accion summary"));
        typeInto("programa-accion-0-seguimiento-sesion", "SEP:2022-2023:preescolar:ordinaria-3");
        new org.openqa.selenium.support.ui.Select(field("programa-accion-0-seguimiento-avance"))
                .selectByVisibleText("En proceso");
        typeInto("programa-accion-0-seguimiento-comentario", "12 de 20 niños narran con inicio, desarrollo y cierre");
        clickFresh(By.id("programa-accion-0-seguimiento-guardar"));
        waitForText(".seguimiento-accion .seguimiento li", "SEP:2022-2023:preescolar:ordinaria-3: En proceso, 12 de 20");
        capture("programa-de-mejora");
        assertEquals("the programme's editor", List.of(), seriousViolations());

        signIn("supervisora.zona15", WebSession.demoPassword(karaf.demoPasswords(), "supervisora.zona15"));
        typeInto("programas-zona-ciclo", "2022-2023");
        clickFresh(By.id("programas-zona-ver"));
        clickFresh(By.id("programa-ver-15EJN0101A"));
        waitForText("#programa-escuela", "Incrementar el porcentaje de niños de 3° que narran con secuencia a 75");
        waitForText("#programa-escuela", action);
        assertTrue(browser.findElement(By.id("programa-escuela")).getText().contains("Educadoras de 3°, Directora"));
    }

    private static final String LATER_EXAMPLE = "SEP:2019-2020:basica:ordinaria-3-ejemplo";

    /** The later-shape example guide published, and the demo school's programme of its year written once. */
    private String laterExampleWithAProgramme() throws Exception {
        publishOnce(CteKaraf.exampleGuide(CteKaraf.EXAMPLE_LATER), LATER_EXAMPLE);
        WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        String programme = "/api/v1/programme/15EJN0101A/2019-2020";
        long version = WebSession.json(director.get(programme)).get("version").getAsLong();
        if (version == 0) {
            assertEquals(200, director.send("PUT", programme, "{\"tipo\": \"pemc\", \"version\": 0, \"objetivos\":"
                    + " [{\"id\": \"o1\", \"verbo\": \"Incrementar\", \"indicador\": \"la fluidez lectora\","
                    + " \"metrica\": \"porcentaje\", \"meta\": \"80\", \"fecha\": \"2020-06-30\"}], \"acciones\": [{\"id\":"
                    + " \"a1\", \"objetivo\": \"o1\", \"ambito\": \"practicas\", \"descripcion\": \"Lectura diaria en"
                    + " voz alta\", \"responsables\": [\"Educadoras\"], \"inicio\": \"2019-09-02\", \"fin\":"
                    + " \"2020-06-30\", \"medicion\": \"Lista de cotejo\"}]}").statusCode());
        }
        return LATER_EXAMPLE;
    }

    @Test
    public void aProgrammesFollowUpWrittenOfflineIsSavedOnceWhenTheConnectionReturns() throws Exception {
        String later = laterExampleWithAProgramme();
        String comment = "Leen 15 de 20 (escrito sin conexión " + System.nanoTime() + ")";
        signIn("directora.rosaura", WebSession.demoPassword(karaf.demoPasswords(), "directora.rosaura"));
        await().until(ExpectedConditions.elementToBeClickable(By.partialLinkText("ejemplo de la forma posterior")))
                .click();
        await().until(driver -> indexedActivities().size() == 6);
        openActivity(5);
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("programa-accion-0-seguimiento-guardar")));

        org.openqa.selenium.chromium.ChromiumNetworkConditions offline =
                new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.setNetworkConditions(offline);
        try {
            new org.openqa.selenium.support.ui.Select(field("programa-accion-0-seguimiento-avance"))
                    .selectByVisibleText("En proceso");
            typeInto("programa-accion-0-seguimiento-comentario", comment);
            clickFresh(By.id("programa-accion-0-seguimiento-guardar"));
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("envios"), "1 cambio"));
        } finally {
            browser.deleteNetworkConditions();
        }
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("envios"), "Todo guardado"));

        WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        long stored = java.util.stream.StreamSupport.stream(WebSession.json(director.get(
                "/api/v1/programme/15EJN0101A/2019-2020/seguimiento")).getAsJsonArray("seguimiento").spliterator(),
                false).map(f -> f.getAsJsonObject()).filter(f -> f.get("accion").getAsString().equals("a1")
                        && f.get("sesion").getAsString().equals(later)
                        && f.get("comentario").getAsString().equals(comment)).count();
        assertEquals("the follow-up written offline saved exactly once", 1, stored);
    }

    /**
     * The demo publishes the example of the later shape at its first start (demo/guias/) and fills the demo school's
     * products there: a newcomer finds that session on the home page with its table and checklist written.
     */
    @Test
    public void theDemoSchoolFindsTheLaterShapesExampleWithItsProductsFilled() throws Exception {
        signIn("directora.rosaura", WebSession.demoPassword(karaf.demoPasswords(), "directora.rosaura"));
        await().until(ExpectedConditions.elementToBeClickable(By.partialLinkText("ejemplo de la forma posterior")))
                .click();
        await().until(driver -> indexedActivities().size() == 6);

        openActivity(3);
        await().until(driver -> field("producto-3-tabla-fila-2-estrategia").getAttribute("value")
                .contains("(demostración)"));
        assertEquals("1°", new org.openqa.selenium.support.ui.Select(field("producto-3-tabla-fila-0-grado"))
                .getFirstSelectedOption().getText());
        openActivity(4);
        assertEquals("En proceso", new org.openqa.selenium.support.ui.Select(field("producto-4-lista-cotejo-nivel-1"))
                .getFirstSelectedOption().getText());
    }

    /**
     * A photo taken where there is no connection: reduced in the browser to the size the platform keeps (so a slow
     * link carries a fraction of it), kept in the outbox, and attached exactly once when the connection returns.
     */
    @Test
    public void aPhotoAttachedOfflineIsReducedKeptAndAttachedOnceWhenTheConnectionReturns() throws Exception {
        publishOnce(CteKaraf.exampleGuide(CteKaraf.EXAMPLE_LATER), LATER_EXAMPLE);
        String what = "El rincón de lectura (sin conexión " + System.nanoTime() % 100000 + ")";
        java.awt.image.BufferedImage taken = new java.awt.image.BufferedImage(2400, 1800,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random grain = new java.util.Random(7);
        for (int y = 0; y < taken.getHeight(); y++) {
            for (int x = 0; x < taken.getWidth(); x++) {
                int light = 60 + x * 150 / taken.getWidth() + grain.nextInt(12);
                taken.setRGB(x, y, (light << 16) | ((40 + y * 120 / taken.getHeight()) << 8) | 90);
            }
        }
        Path photo = Files.createTempFile("rincon", ".png");
        javax.imageio.ImageIO.write(taken, "png", photo.toFile());
        long sentBytes = Files.size(photo);

        signIn("directora.rosaura", WebSession.demoPassword(karaf.demoPasswords(), "directora.rosaura"));
        await().until(ExpectedConditions.elementToBeClickable(By.partialLinkText("ejemplo de la forma posterior")))
                .click();
        await().until(driver -> indexedActivities().size() == 6);
        openActivity(3);
        browser.findElement(By.cssSelector("#actividad-3 [data-tipo='tabla'] details.evidencias summary")).click();
        String evidence = "evidencia-producto-" + (LATER_EXAMPLE + "|3|tabla").replaceAll("[^A-Za-z0-9-]", "-");
        field(evidence + "-archivo");

        org.openqa.selenium.chromium.ChromiumNetworkConditions offline =
                new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.setNetworkConditions(offline);
        try {
            field(evidence + "-archivo").sendKeys(photo.toString());
            typeInto(evidence + "-descripcion", what);
            submitFormOf(evidence + "-descripcion");
            waitForText("#" + evidence + "-lista li", what + ": se adjuntará al volver la conexión.");
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("envios"), "1 cambio"));
        } finally {
            browser.deleteNetworkConditions();
        }
        await().until(driver -> !driver.findElements(By.cssSelector("#" + evidence + "-lista img[alt='" + what
                + "']")).isEmpty());
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("envios"), "Todo guardado"));
        Files.delete(photo);

        WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        List<com.google.gson.JsonObject> attached = java.util.stream.StreamSupport.stream(WebSession.json(
                director.get("/api/v1/evidence/15EJN0101A/owners/producto/" + java.net.URLEncoder.encode(
                        LATER_EXAMPLE + "|3|tabla", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")))
                .getAsJsonArray("evidencias").spliterator(), false).map(e -> e.getAsJsonObject())
                .filter(e -> what.equals(e.get("descripcion").getAsString())).toList();
        assertEquals("the photo attached offline is stored exactly once", 1, attached.size());
        assertEquals(1600, attached.get(0).get("ancho").getAsInt());
        long received = attached.get(0).get("bytesOriginales").getAsLong();
        assertTrue("reduced before it travelled: " + received + " of " + sentBytes + " bytes",
                received < sentBytes / 4);
    }

    @Test
    public void aLaterSessionReviewsThePupilsAndFollowsUpTheProgrammeWithTheirModules() throws Exception {
        String later = laterExampleWithAProgramme();
        Path list = Files.createTempFile("grupo-3A", ".csv");
        String pupil = "Renata Flores " + System.nanoTime() % 100000;
        Files.writeString(list, "grado,grupo,nombre\n3,A," + pupil + "\n");

        signIn("directora.rosaura", WebSession.demoPassword(karaf.demoPasswords(), "directora.rosaura"));
        await().until(ExpectedConditions.elementToBeClickable(By.partialLinkText("ejemplo de la forma posterior")))
                .click();
        await().until(driver -> indexedActivities().size() == 6);

        openActivity(2);
        field("alumnos-archivo").sendKeys(list.toString());
        clickFresh(By.id("alumnos-importar"));
        await().until(driver -> !driver.findElement(By.id("alumnos-estado")).getText().isEmpty()
                || !driver.findElement(By.id("alumnos-importar-error")).getText().isEmpty());
        assertTrue(browser.findElement(By.id("alumnos-importar-error")).getText(), browser.findElement(
                By.id("alumnos-estado")).getText().contains("Se agregaron 1 alumnos"));
        new org.openqa.selenium.support.ui.Select(field("alumnos-grupo")).selectByVisibleText("3° A");
        clickFresh(By.id("alumnos-abrir"));
        WebElement row = await().until(driver -> driver.findElements(By.cssSelector("#alumnos-lista fieldset"))
                .stream().filter(f -> f.getText().contains(pupil)).findFirst().orElse(null));
        String id = row.findElement(By.cssSelector("select")).getAttribute("id").replace("-lectura", "");
        new org.openqa.selenium.support.ui.Select(field(id + "-lectura")).selectByValue("requiere-apoyo");
        typeInto(id + "-apoyo", "Lectura diaria con una tutora");
        clickFresh(By.id(id + "-guardar"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alumnos-estado"),
                "Se guardó la revisión de " + pupil));

        // A named list never stays on the device: the service worker keeps other answers for offline use, not it.
        await().until(driver -> Boolean.TRUE.equals(browser.executeScript(
                "return !!navigator.serviceWorker && !!navigator.serviceWorker.controller;")));
        @SuppressWarnings("unchecked")
        List<String> kept = (List<String>) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const base = '/api/v1/pupils/15EJN0101A/2019-2020';"
                + "fetch(base + '/asignaciones').then(() => fetch(base + '/grupos/3/A'))"
                + ".then(() => new Promise((resolve) => setTimeout(resolve, 1000)))"
                + ".then(() => caches.open('cte-datos')).then((cache) => cache.keys())"
                + ".then((keys) => done(keys.map((key) => key.url)));");
        assertTrue("the worker keeps answers: " + kept, kept.stream().anyMatch(u -> u.endsWith("/asignaciones")));
        assertTrue("no named pupils' list kept: " + kept, kept.stream().noneMatch(u -> u.contains("/grupos/")));

        // The director says who teaches each group, and so who reads its pupils by name.
        clickFresh(By.id("asignar-3-B-docente.ana"));
        clickFresh(By.id("asignar-3-B"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("asignacion-estado"),
                "Se guardaron los docentes del grupo 3° B."));

        openActivity(5);
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("actividad-5"),
                "Programa Escolar de Mejora Continua 2019-2020"));
        new org.openqa.selenium.support.ui.Select(field("programa-accion-0-seguimiento-avance"))
                .selectByVisibleText("En proceso");
        typeInto("programa-accion-0-seguimiento-comentario", "Ya leen 12 de 20");
        clickFresh(By.id("programa-accion-0-seguimiento-guardar"));
        waitForText("#actividad-5 .seguimiento li", later + ": En proceso, Ya leen 12 de 20");
        assertEquals("the session's later-shape products", List.of(), seriousViolations());

        signIn("supervisora.zona15", WebSession.demoPassword(karaf.demoPasswords(), "supervisora.zona15"));
        typeInto("alumnos-zona-ciclo", "2019-2020");
        clickFresh(By.id("alumnos-zona-ver"));
        WebElement counted = await().until(driver -> driver.findElements(By.cssSelector("#alumnos-zona tbody tr"))
                .stream().filter(r -> r.getText().contains("15EJN0101A 3° A")).findFirst().orElse(null));
        assertTrue(counted.getText(), !browser.findElement(By.id("alumnos-zona")).getText().contains(pupil));

        // A teacher opens only the groups the director assigned her: on her home, this school year's demo 3° A.
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        WebElement groups = await().until(ExpectedConditions.presenceOfElementLocated(By.id("alumnos-grupo")));
        assertEquals(List.of("3° A"), new org.openqa.selenium.support.ui.Select(groups).getOptions().stream()
                .map(WebElement::getText).toList());
        clickFresh(By.id("alumnos-abrir"));
        waitForText("#alumnos-lista", "Diego Ramírez (demostración)");
        assertEquals("a teacher does not assign", 0, browser.findElements(By.id("asignacion-estado")).size());
    }

    @Test
    public void theSupervisorSeesWhatTheZonesSchoolsShared() throws Exception {
        WebSession teacher = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "docente.ana");
        String expected = "/api/v1/results/15EJN0101A/expected";
        long id = WebSession.json(teacher.send("POST", expected, "{\"periodo\": \"2016-11\", \"grado\": 2,"
                + " \"area\": \"Lenguaje oral\", \"resultado\": \"Narran sucesos en orden\"}")).get("id").getAsLong();
        teacher.send("PUT", "/api/v1/results/15EJN0101A/ratings/" + id + "/A", "{\"avance\": \"logrado\","
                + " \"version\": 0}");
        teacher.send("PUT", "/api/v1/results/15EJN0101A/ratings/" + id + "/B", "{\"avance\": \"sin-avance\","
                + " \"version\": 0}");
        WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        assertEquals(200, director.send("PUT", "/api/v1/results/15EJN0101A/publication", "{\"periodo\": \"2016-11\","
                + " \"publicado\": true}").statusCode());

        signIn("supervisora.zona15", WebSession.demoPassword(karaf.demoPasswords(), "supervisora.zona15"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "15-preescolar-015"));
        WebElement period = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("periodo")));
        browser.executeScript("arguments[0].value = '2016-11';", period);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("escuelas-zona"), "2016-11"));
        WebElement row = browser.findElements(By.cssSelector("#escuelas-zona tbody tr")).stream()
                .filter(r -> r.getText().contains("15EJN0101A")).findFirst().orElseThrow();
        assertTrue(row.getText(), row.getText().contains("Sí"));
        assertEquals(5, browser.findElements(By.cssSelector("#escuelas-zona tbody tr")).size());
        assertTrue(browser.findElement(By.id("areas-zona")).getText().contains("Lenguaje oral"));
        // Charts of each school, area and grade, beside their tables, each named for screen readers.
        assertEquals(3, browser.findElements(By.cssSelector("#resultados-zona .grafica [role=img][aria-label]")).size());
        assertEquals("one group achieved it, one did not", java.util.Set.of("logrado", "sin-avance"),
                chartColours("#resultados-zona"));
        capture("supervision-zona");
        assertEquals("the zone's screen", List.of(), seriousViolations());
    }

    /** The page's own session downloads a PDF, as a click would, and hands its first page's text to the test. */
    private String downloadedPdfText(String href) throws java.io.IOException {
        String base64 = (String) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then((r) => r.ok ? r.blob() : Promise.reject(r.status))"
                + ".then((b) => { const f = new FileReader(); f.onload = () => done(f.result.split(',')[1]);"
                + " f.readAsDataURL(b); }).catch((e) => done('error ' + e));", href);
        byte[] pdf = java.util.Base64.getDecoder().decode(base64);
        assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        try {
            return new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
        } finally {
            reader.close();
        }
    }

    @Test
    public void aDirectorDownloadsTheBitacoraAsAPdfWithHerSchoolsData() throws Exception {
        WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        assertEquals(201, director.send("POST", "/api/v1/logbook/15EJN0101A/agreements", "{\"sesion\":"
                + " \"SEP:2016-2017:preescolar:ordinaria-3\", \"actividad\": 21, \"acuerdo\": \"Compartir las fichas"
                + " con la zona en la próxima sesión\", \"responsables\": [\"directora.rosaura\"], \"fechaLimite\": \""
                + java.time.LocalDate.now().plusMonths(1) + "\"}").statusCode());

        signIn("directora.rosaura", WebSession.demoPassword(karaf.demoPasswords(), "directora.rosaura"));
        WebElement link = await().until(ExpectedConditions.elementToBeClickable(
                By.partialLinkText("Cuaderno de Bitácora: Tercera Sesión Ordinaria")));
        String text = downloadedPdfText(link.getAttribute("href"));
        assertTrue(text, text.contains("Cuaderno de Bitácora"));
        assertTrue(text, text.contains("Jardín de Niños Rosaura Zapata"));
        assertTrue(text, text.contains("15EJN0101A"));
        assertTrue(text, text.contains("Compartir las fichas con la zona en la próxima sesión"));
        assertTrue(browser.findElement(By.id("documentos")).getText().contains("Concentrado de la escuela (PDF)"));
    }

    /**
     * Markup and script that would each add one to {@code window.cteXss} if a page rendered them as HTML; short
     * enough to be an area's name (60 characters) after "Área ".
     */
    private static final List<String> STORED_SCRIPTS = List.of(
            "<script>cteXss=(window.cteXss||0)+1</script>",
            "<img src=x onerror=\"cteXss=(window.cteXss||0)+1\">",
            "\"><svg onload=\"cteXss=(window.cteXss||0)+1\">",
            "<iframe srcdoc=\"<script>parent.cteXss=1</script>\">",
            "<a href=\"javascript:cteXss=1\" id=\"cte-xss-link\">a</a>");

    private static String jsonString(String text) {
        return new com.google.gson.JsonPrimitive(text).toString();
    }

    /** What the page ran or built from stored text: counted scripts and elements the payloads would have made. */
    private long renderedScripts() {
        Object ran = browser.executeScript("return window.cteXss || 0;");
        Object built = browser.executeScript("return document.querySelectorAll("
                + "'#principal img[src=x], #principal svg[onload], #principal iframe, #cte-xss-link').length;");
        return ((Number) ran).longValue() + ((Number) built).longValue();
    }

    @Test
    public void storedScriptsAreShownAsTextAndNeverRun() throws Exception {
        WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        for (String payload : STORED_SCRIPTS) {
            assertEquals(201, director.send("POST", "/api/v1/logbook/15EJN0101A/agreements", "{\"sesion\":"
                    + " \"SEP:2016-2017:preescolar:ordinaria-3\", \"actividad\": 21, \"acuerdo\": "
                    + jsonString("Acuerdo " + payload) + ", \"responsables\": [\"directora.rosaura\"],"
                    + " \"fechaLimite\": \"" + java.time.LocalDate.now().plusMonths(1) + "\"}").statusCode());
            long id = WebSession.json(director.send("POST", "/api/v1/results/15EJN0101A/expected",
                    "{\"periodo\": \"2016-12\", \"grado\": 3, \"area\": " + jsonString("Área " + payload)
                    + ", \"resultado\": " + jsonString(payload) + "}")).get("id").getAsLong();
            director.send("PUT", "/api/v1/results/15EJN0101A/ratings/" + id + "/A", "{\"avance\": \"logrado\","
                    + " \"version\": 0}");
        }
        assertEquals(200, director.send("PUT", "/api/v1/results/15EJN0101A/publication", "{\"periodo\":"
                + " \"2016-12\", \"publicado\": true}").statusCode());

        signIn("directora.rosaura", WebSession.demoPassword(karaf.demoPasswords(), "directora.rosaura"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                "Jardín de Niños Rosaura Zapata"));
        assertEquals("the school's home", 0, renderedScripts());
        openSession();
        openActivity(21);
        for (String payload : STORED_SCRIPTS) {
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("bitacora-21-lista"),
                    "Acuerdo " + payload));
        }
        assertEquals("the session's bitácora", 0, renderedScripts());

        signIn("supervisora.zona15", WebSession.demoPassword(karaf.demoPasswords(), "supervisora.zona15"));
        WebElement period = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("periodo")));
        browser.executeScript("arguments[0].value = '2016-12';", period);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        for (String payload : STORED_SCRIPTS) {
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("areas-zona"), "Área " + payload));
        }
        assertEquals("the zone's view", 0, renderedScripts());

        // The count itself works: the same text put into the page as HTML is caught.
        browser.executeScript("document.getElementById('principal').insertAdjacentHTML('beforeend', arguments[0]);",
                STORED_SCRIPTS.get(1));
        await().until(driver -> renderedScripts() > 0);
    }

    @Test
    public void theStateAuthoritySeesItsZonesByAreaAndGrade() throws Exception {
        WebSession teacher = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "docente.ana");
        long id = WebSession.json(teacher.send("POST", "/api/v1/results/15EJN0101A/expected", "{\"periodo\":"
                + " \"2017-04\", \"grado\": 3, \"area\": \"Convivencia\", \"resultado\": \"Resuelven conflictos"
                + " dialogando\"}")).get("id").getAsLong();
        assertEquals(200, teacher.send("PUT", "/api/v1/results/15EJN0101A/ratings/" + id + "/A", "{\"avance\":"
                + " \"sin-avance\", \"version\": 0}").statusCode());
        WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        assertEquals(200, director.send("PUT", "/api/v1/results/15EJN0101A/publication", "{\"periodo\": \"2017-04\","
                + " \"publicado\": true}").statusCode());

        signIn("autoridad.edomex", WebSession.demoPassword(karaf.demoPasswords(), "autoridad.edomex"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Entidad 15"));
        chooseMonth("periodo", "2017-04");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("zonas-entidad"), "2017-04"));
        assertTrue(browser.findElement(By.id("areas-entidad")).getText().contains("Convivencia"));
        WebElement thirdGrade = browser.findElements(By.cssSelector("#grados-entidad tbody tr")).stream()
                .filter(r -> r.getText().startsWith("3.º")).findFirst().orElseThrow();
        assertEquals("1", thirdGrade.findElement(By.cssSelector("td.sin-avance")).getText().strip());
        assertTrue("the state's charts show what was not achieved",
                chartColours("#resultados-entidad").contains("sin-avance"));
        capture("autoridad-entidad");
        assertEquals("the state's screen", List.of(), seriousViolations());

        // The print module's panel: the state's results as a workbook, for the month chosen there.
        chooseMonth("periodo-descarga", "2017-04");
        java.net.URI workbook = java.net.URI.create(browser.findElement(By.cssSelector("#descarga-resultados a"))
                .getAttribute("href"));
        WebSession authority = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "autoridad.edomex");
        var xlsx = authority.get(workbook.getRawPath() + "?" + workbook.getRawQuery());
        assertEquals(xlsx.body(), 200, xlsx.statusCode());
        assertTrue(workbook.toString(), workbook.getRawQuery().equals("periodo=2017-04"));
        assertTrue(xlsx.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
    }

    private static void publishPresentation(String username, String cct, String problem) throws Exception {
        publishPresentation(username, cct, problem, THIRD_SESSION);
    }

    private static void publishPresentation(String username, String cct, String problem, String session)
            throws Exception {
        WebSession staff = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), username);
        String base = "/api/v1/exchange/" + cct + "/presentation";
        // Another test may have saved this school's presentation already: write over the version it left.
        com.google.gson.JsonObject current = WebSession.json(staff.get(base + "?sesion=" + session
                + "&periodo=2017-06"));
        long version = current.get("borrador").getAsBoolean() ? 0 : current.get("version").getAsLong();
        assertEquals(200, staff.send("PUT", base, "{\"sesion\": \"" + session + "\","
                + " \"problema\": \"" + problem + "\", \"causas\": \"Pocas oportunidades de narrar en clase\","
                + " \"acciones\": \"\", \"resultados\": \"\", \"practicas\": \"\", \"areas\": [\"Lenguaje oral\"],"
                + " \"grados\": [2], \"version\": " + version + "}").statusCode());
        assertEquals(200, staff.send("PUT", base + "/publication", "{\"sesion\":"
                + " \"" + session + "\", \"publicado\": true}").statusCode());
    }

    @Test
    public void theSchoolsOfAGroupReadEachOthersPresentationsSendRecommendationsAndCopyACard() throws Exception {
        installTheStatesFourthSession();
        publishPresentation("directora.rosaura", "15EJN0101A", "Los alumnos no narran sucesos en orden",
                FOURTH_SESSION);
        publishPresentation("director.bernardo", "15EJN0102B", "Les cuesta narrar sucesos en orden",
                FOURTH_SESSION);
        WebSession supervisor = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "supervisora.zona15");
        assertEquals(200, supervisor.send("PUT", "/api/v1/exchange/zones/15-preescolar-015/groups", "{\"sesion\": \""
                + FOURTH_SESSION + "\", \"grupos\": [[\"15EJN0101A\", \"15EJN0102B\"]]}").statusCode());
        WebSession bernardo = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "director.bernardo");
        String title = "Cuentacuentos del viernes";
        assertEquals(201, bernardo.send("POST", "/api/v1/cards/15EJN0102B", "{\"periodo\": \"2017-01\", \"sesion\": \""
                + FOURTH_SESSION + "\", \"desafios\": [\"Narran sucesos en orden\"], \"titulo\": \"" + title + "\","
                + " \"accionesAula\": \"Cada viernes un niño cuenta un cuento\", \"grados\": [2], \"semanas\": 6,"
                + " \"responsables\": [\"docente.luis\"]}").statusCode());

        signIn("directora.rosaura", WebSession.demoPassword(karaf.demoPasswords(), "directora.rosaura"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Jardín"));
        browser.executeScript("location.hash = '#guia/" + FOURTH_SESSION + "/actividad/1';");
        WebElement group = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#actividad-1 .pares")));
        assertTrue(group.getText(), group.getText().contains("15EJN0102B"));
        group.findElement(By.tagName("summary")).click();
        assertTrue(group.getText(), group.getText().contains("Les cuesta narrar sucesos en orden"));

        openActivity(6);
        WebElement peer = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#actividad-6 section.par")));
        assertTrue(peer.getText(), peer.getText().contains(title));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("par-6-15EJN0102B-tipo")))
                .selectByVisibleText("Estrategia");
        browser.findElement(By.id("par-6-15EJN0102B-texto")).sendKeys("Prueben la asamblea de narración");
        browser.findElement(By.cssSelector("#actividad-6 form.mensaje-par button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("par-6-15EJN0102B-mensajes"),
                "Estrategia enviada: Prueben la asamblea de narración"));
        WebElement copy = browser.findElements(By.cssSelector("#par-6-15EJN0102B-tarjetas li")).stream()
                .filter(li -> li.getText().contains(title)).findFirst().orElseThrow()
                .findElement(By.xpath(".//button[normalize-space()='Copiar a nuestras tarjetas']"));
        copy.click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("par-6-15EJN0102B-tarjetas"),
                "Copiada a las tarjetas de la escuela"));
        browser.executeScript("arguments[0].scrollIntoView();", browser.findElement(By.id("par-6-15EJN0102B-titulo")));
        capture("intercambio-pares");
        assertEquals("the peers screen", List.of(), seriousViolations());

        WebSession rosaura = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        assertTrue("the copy is in the school's cards", rosaura.get("/api/v1/cards/15EJN0101A").body().contains(title));
        assertTrue("the peer reads the strategy", bernardo.get("/api/v1/exchange/15EJN0102B/messages?sesion="
                + FOURTH_SESSION).body().contains("Prueben la asamblea de narración"));
    }

    @Test
    public void theSupervisorFormsTheZonesExchangeGroupsFromTheSuggestion() throws Exception {
        publishPresentation("directora.rosaura", "15EJN0101A",
                "Los alumnos de segundo no logran narrar sucesos en orden cronológico");
        publishPresentation("director.bernardo", "15EJN0102B",
                "A los niños de segundo grado les cuesta narrar sucesos siguiendo un orden");

        signIn("supervisora.zona15", WebSession.demoPassword(karaf.demoPasswords(), "supervisora.zona15"));
        WebElement suggest = await().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//button[normalize-space()='Sugerir grupos']")));
        suggest.click();
        WebElement suggestion = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#intercambio-sugerencia ol")));
        assertTrue(suggestion.getText(), suggestion.getText().contains("15EJN0101A"));
        assertTrue(suggestion.getText(), suggestion.getText().contains("15EJN0102B"));
        assertTrue("the reasons are said", suggestion.getText().contains("Misma área: Lenguaje oral"));
        WebElement readings = browser.findElement(By.id("intercambio-presentaciones"));
        await().until(driver -> readings.getText().contains("Presentaciones publicadas (2 de"));
        readings.findElements(By.tagName("summary")).forEach(WebElement::click);
        assertTrue("the supervisor reads what each school published: " + readings.getText(), readings.getText()
                .contains("narrar sucesos siguiendo un orden") && readings.getText().contains("orden cronológico"));
        browser.findElement(By.xpath("//button[normalize-space()='Usar esta sugerencia']")).click();
        assertEquals("1", browser.findElement(By.id("intercambio-grupo-15EJN0101A")).getAttribute("value"));
        assertEquals("1", browser.findElement(By.id("intercambio-grupo-15EJN0102B")).getAttribute("value"));
        browser.executeScript("document.getElementById('titulo-intercambio').scrollIntoView();");
        capture("supervision-intercambio");
        browser.findElement(By.cssSelector("#intercambio-formar button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("intercambio-resultado"),
                "Grupos confirmados: 1."));

        WebSession supervisor = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "supervisora.zona15");
        String confirmed = WebSession.json(supervisor.get("/api/v1/exchange/zones/15-preescolar-015/groups"
                + "?sesion=SEP:2016-2017:preescolar:ordinaria-3")).getAsJsonArray("grupos").toString();
        assertTrue(confirmed, confirmed.contains("\"15EJN0101A\"") && confirmed.contains("\"15EJN0102B\""));
        assertEquals("the zone's screen with the exchange", List.of(), seriousViolations());
    }

    /** Sets a month field as a person's choice does, with the change event the page listens to. */
    /**
     * Which of the traffic light's colours the charts drawn inside {@code scope} show (their canvas pixels), once every
     * chart there has drawn: "logrado", "en-proceso", "sin-avance".
     */
    @SuppressWarnings("unchecked")
    private java.util.Set<String> chartColours(String scope) {
        await().until(driver -> Boolean.TRUE.equals(browser.executeScript("const charts = [...document"
                + ".querySelectorAll(arguments[0] + ' .grafica-lienzo')]; return charts.length > 0"
                + " && charts.every((c) => c.querySelector('canvas'));", scope)));
        List<String> seen = (List<String>) browser.executeScript(
                "const wanted = {logrado: [0, 112, 60], 'en-proceso': [181, 129, 0], 'sin-avance': [164, 0, 15]};"
                + "const found = new Set();"
                + "for (const canvas of document.querySelectorAll(arguments[0] + ' .grafica-lienzo canvas')) {"
                + "  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
                + "  for (let i = 0; i < pixels.length; i += 4) {"
                + "    for (const [name, [r, g, b]] of Object.entries(wanted)) {"
                + "      if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) found.add(name);"
                + "    }"
                + "  }"
                + "}"
                + "return [...found];", scope);
        return new java.util.TreeSet<>(seen);
    }

    private void chooseMonth(String fieldId, String month) {
        WebElement field = await().until(ExpectedConditions.visibilityOfElementLocated(By.id(fieldId)));
        browser.executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, month);
    }

    @Test
    public void aTeacherFillsTheResultsTableRatesHerGroupAndResolvesAConflictingEdit() throws Exception {
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        openSession();
        openActivity(1);
        chooseMonth("resultados-1-periodo", "2017-03");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultados-1-tabla"), "marzo de 2017"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("resultados-1-grado")))
                .selectByVisibleText("2.º");
        browser.findElement(By.id("resultados-1-grupo")).sendKeys("B");
        browser.findElement(By.id("resultados-1-area")).sendKeys("Pensamiento matemático");
        browser.findElement(By.id("resultados-1-resultado")).sendKeys("Cuentan colecciones de hasta 20 objetos");
        browser.findElement(By.cssSelector("#actividad-1 form button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultados-1-tabla"),
                "Cuentan colecciones de hasta 20 objetos"));

        // Activity 2 shares the period the school chose; the group is picked from the school's structure.
        openActivity(2);
        WebElement group = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("valoracion-2-grupo")));
        new org.openqa.selenium.support.ui.Select(group).selectByVisibleText("2.º B");
        WebElement progress = await().until(driver -> driver.findElements(By.cssSelector("#valoracion-2-lista select"))
                .stream().findFirst().orElse(null));
        new org.openqa.selenium.support.ui.Select(progress).selectByValue("en-proceso");
        WebElement rating = browser.findElement(By.cssSelector("#valoracion-2-lista form"));
        rating.findElement(By.cssSelector("input[type=checkbox]")).click();
        rating.findElement(By.tagName("textarea")).sendKeys("Cuentan de memoria sin señalar los objetos");
        rating.findElement(By.cssSelector("button[type=submit]")).click();
        await().until(driver -> !driver.findElements(By.cssSelector("#valoracion-2-lista form.semaforo-amarillo"))
                .isEmpty());
        openActivity(1);
        chooseMonth("resultados-1-periodo", "2017-03");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultados-1-por-grado"), "2.º grado"));
        WebElement byGrade = browser.findElement(By.cssSelector("#resultados-1-por-grado tbody tr"));
        assertEquals("one group rated it in process", "1", byGrade.findElement(By.cssSelector("td.en-proceso"))
                .getText().strip());
        assertTrue(browser.findElement(By.id("resultados-1-por-area")).getText().contains("Pensamiento matemático"));
        assertEquals("the traffic light drawn: the one rating is in process", java.util.Set.of("en-proceso"),
                chartColours("#actividad-1"));
        browser.executeScript("document.getElementById('resultados-1-tabla').scrollIntoView();");
        capture("cuadro-resultados");

        // The teacher is back on her rating; the director changes it meanwhile, so her next save is stale.
        openActivity(2);
        new org.openqa.selenium.support.ui.Select(field("valoracion-2-grupo")).selectByVisibleText("2.º B");
        await().until(driver -> !driver.findElements(By.cssSelector("#valoracion-2-lista form.semaforo-amarillo"))
                .isEmpty());
        rating = browser.findElement(By.cssSelector("#valoracion-2-lista form"));
        new org.openqa.selenium.support.ui.Select(rating.findElement(By.tagName("select"))).selectByValue("logrado");
        WebElement reason = rating.findElement(By.tagName("textarea"));
        reason.click();
        reason.sendKeys(" y cuentan");
        // While she types, the director's change reaches her screen through the change feed; it waits until she
        // leaves the editor, so what she is writing stays under her fingers and her save meets the newer version.
        WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        com.google.gson.JsonObject table = WebSession.json(director.get(
                "/api/v1/results/15EJN0101A/expected?periodo=2017-03"));
        long id = table.getAsJsonArray("resultados").get(0).getAsJsonObject().get("id").getAsLong();
        assertEquals(200, director.send("PUT", "/api/v1/results/15EJN0101A/ratings/" + id + "/B", "{\"avance\":"
                + " \"sin-avance\", \"porque\": \"No reconocen los números\", \"version\": 1}").statusCode());
        Thread.sleep(5000);
        assertEquals("the change waited: her form is as she left it", "logrado", new org.openqa.selenium.support.ui
                .Select(rating.findElement(By.tagName("select"))).getFirstSelectedOption().getAttribute("value"));
        rating.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement conflict = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#valoracion-2-lista .conflicto")));
        assertTrue(conflict.getText(), conflict.getText().contains("Su versión (sin guardar)\nLogrado"));
        assertTrue(conflict.getText(), conflict.getText().contains("por Mtra. Rosaura Zapata (demostración)"));
        assertTrue(conflict.getText(), conflict.getText().contains("Sin avance: No reconocen los números"));
        assertTrue(browser.findElement(By.id("envios")).getText().contains("en conflicto"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'end'});", conflict);
        capture("valoracion-conflicto");
        assertEquals("the session's editors", List.of(), seriousViolations());

        // The director's change also reached the teacher's screen through the change feed, which may redraw it.
        clickFresh(By.xpath("//*[@id='valoracion-2-lista']//div[contains(@class, 'conflicto')]"
                + "//button[normalize-space()='Guardar la mía encima']"));
        await().until(driver -> !driver.findElements(By.cssSelector("#valoracion-2-lista form.semaforo-verde"))
                .isEmpty());
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("envios"), "Todo guardado"));
        com.google.gson.JsonObject stored = WebSession.json(director.get(
                "/api/v1/results/15EJN0101A/groups/2/B?periodo=2017-03"));
        assertEquals("the teacher's choice, saved over the director's once she saw it", "logrado", stored
                .getAsJsonArray("resultados").get(0).getAsJsonObject().getAsJsonObject("valoracion").get("avance")
                .getAsString());
    }

    /** Clicks what the locator finds, finding it again when the page drew it anew meanwhile. */
    private void clickFresh(By locator) {
        for (int attempt = 1; ; attempt++) {
            try {
                await().until(ExpectedConditions.elementToBeClickable(locator)).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 5) {
                    throw redrawn;
                }
            }
        }
    }

    private WebElement field(String id) {
        return await().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /**
     * Types into a field; a colleague's save may redraw the editor meanwhile, and then it is typed again (CI once met
     * the field of an activity just opened visible but not yet interactable while its part was being drawn).
     */
    private void typeInto(String id, String text) {
        await().until(driver -> {
            try {
                WebElement input = field(id);
                input.clear();
                input.sendKeys(text);
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException
                    | org.openqa.selenium.ElementNotInteractableException redrawn) {
                return false;
            }
        });
    }

    /** Presses a button of the list item that says {@code text} (found again if the list was redrawn). */
    private void pressIn(String items, String text, String label) {
        await().until(driver -> {
            try {
                driver.findElements(By.cssSelector(items)).stream().filter(item -> item.getText().contains(text))
                        .findFirst().orElseThrow()
                        .findElement(By.xpath(".//button[normalize-space()='" + label + "']")).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException
                    | java.util.NoSuchElementException redrawn) {
                return false;
            }
        });
    }

    /** Presses the submit button of the form a field is in (found again if the editor was redrawn). */
    private void submitFormOf(String fieldId) {
        await().until(driver -> {
            try {
                field(fieldId).findElement(By.xpath("./ancestor::form//button[@type='submit']")).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    private void submit(String formSelector) {
        browser.findElement(By.cssSelector(formSelector + " button[type=submit]")).click();
    }

    private void clickButton(String within, String label) {
        await().until(ExpectedConditions.elementToBeClickable(By.xpath("//*[@id='" + within + "']//button[normalize-space()='"
                + label + "']"))).click();
    }

    private void waitForText(String selector, String text) {
        await().until(driver -> listed(selector, text));
    }

    /** Publishes the later-shape test guide once (FormsIT's) and opens its session as the demo school's director. */
    private void openTheTestSessionAsTheDirector() throws Exception {
        WebSession admin = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "admin.plataforma");
        if (admin.get("/api/v1/guides/" + FormsIT.SESSION).statusCode() != 200) {
            var published = Signing.publish(admin, GuideBundles.jarOf(FormsIT.GUIDE, "it.guide.productos-de-la-guia",
                    "1.0.0"), karaf.etc());
            assertEquals(published.body(), 201, published.statusCode());
        }
        admin.awaitOk("/api/v1/guides/" + FormsIT.SESSION);
        signIn("directora.rosaura", WebSession.demoPassword(karaf.demoPasswords(), "directora.rosaura"));
        await().until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Sesión de prueba con productos")))
                .click();
        await().until(driver -> indexedActivities().size() == 3);
    }

    @Test
    public void theNextSessionReviewsTheOpenAgreementsOfTheThirdOne() throws Exception {
        String text = "Leer un cuento cada mañana (" + System.nanoTime() + ")";
        WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        var recorded = director.send("POST", "/api/v1/logbook/15EJN0101A/agreements", "{\"sesion\": \""
                + THIRD_SESSION + "\", \"actividad\": 13, \"acuerdo\": \"" + text + "\", \"responsables\":"
                + " [\"docente.ana\"], \"fechaLimite\": \"" + java.time.LocalDate.now().plusMonths(1) + "\"}");
        assertEquals(recorded.body(), 201, recorded.statusCode());
        long id = WebSession.json(recorded).get("id").getAsLong();

        openTheTestSessionAsTheDirector();
        openActivity(10);
        WebElement item = await().until(driver -> driver.findElements(By.cssSelector("#revision-10-lista li"))
                .stream().filter(li -> li.getText().contains(text)).findFirst().orElse(null));
        assertTrue(item.getText(), item.getText().contains("de la sesión ordinaria-3, ciclo 2016-2017, actividad 13"));
        new org.openqa.selenium.support.ui.Select(field("revision-10-" + id + "-resultado"))
                .selectByVisibleText("Cumplido");
        typeInto("revision-10-" + id + "-comentario", "Todos los grupos leen cada mañana");
        submitFormOf("revision-10-" + id + "-comentario");
        await().until(driver -> listed("#revision-10-lista li.revisado", "Revisado por Mtra. Rosaura Zapata"
                + " (demostración): Cumplido: Todos los grupos leen cada mañana"));

        com.google.gson.JsonObject agreement = WebSession.json(director.get("/api/v1/logbook/15EJN0101A/agreements/"
                + id));
        assertEquals("cumplido", agreement.get("estado").getAsString());
    }

    @Test
    public void theDirectorFillsATableAndAChecklistAsTheGuideLaysThemOut() throws Exception {
        openTheTestSessionAsTheDirector();
        openActivity(1);

        // A second row with its area chosen and no name: refused naming the row, and what was typed stays.
        typeInto("producto-1-tabla-fila-0-alumno", "Sofía Ramírez");
        new org.openqa.selenium.support.ui.Select(field("producto-1-tabla-fila-0-area")).selectByVisibleText("Lenguaje");
        clickButton("actividad-1", "Agregar fila");
        new org.openqa.selenium.support.ui.Select(field("producto-1-tabla-fila-1-area"))
                .selectByVisibleText("Pensamiento matemático");
        submit("#producto-1-tabla-formulario");
        waitForText("#actividad-1 [data-tipo='tabla'] .estado-guardado", "fila 2: «Alumno» no puede quedar vacío");
        assertEquals("Sofía Ramírez", field("producto-1-tabla-fila-0-alumno").getAttribute("value"));
        typeInto("producto-1-tabla-fila-1-alumno", "Mateo Cruz");
        submit("#producto-1-tabla-formulario");
        waitForText("#actividad-1 [data-tipo='tabla'] .estado-guardado", "Guardado a las");

        new org.openqa.selenium.support.ui.Select(field("producto-1-lista-cotejo-nivel-1"))
                .selectByVisibleText("En proceso");
        typeInto("producto-1-lista-cotejo-comentario-1", "Falta en dos aulas");
        submit("#producto-1-lista-cotejo-formulario");
        waitForText("#actividad-1 [data-tipo='lista-cotejo'] .estado-guardado", "Guardado a las");
        capture("producto-tabla");

        // A photo of the table on the board goes with the product as evidence, kept as JPEG.
        browser.findElement(By.cssSelector("#actividad-1 [data-tipo='tabla'] details.evidencias summary")).click();
        String evidence = "evidencia-producto-" + (FormsIT.SESSION + "|1|tabla").replaceAll("[^A-Za-z0-9-]", "-");
        java.awt.image.BufferedImage board = new java.awt.image.BufferedImage(900, 600,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path photo = Files.createTempFile("pizarron", ".png");
        javax.imageio.ImageIO.write(board, "png", photo.toFile());
        field(evidence + "-archivo").sendKeys(photo.toString());
        typeInto(evidence + "-descripcion", "La tabla en el pizarrón");
        submitFormOf(evidence + "-descripcion");
        waitForText("#" + evidence + "-lista li", "La tabla en el pizarrón");
        Files.delete(photo);

        WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        String products = "/api/v1/forms/15EJN0101A/sessions/" + FormsIT.SESSION + "/activities/1/";
        com.google.gson.JsonObject table = WebSession.json(director.get(products + "tabla"));
        assertEquals("[{\"alumno\":\"Sofía Ramírez\",\"area\":\"Lenguaje\",\"apoyo\":\"\",\"desde\":\"\"},"
                + "{\"alumno\":\"Mateo Cruz\",\"area\":\"Pensamiento matemático\",\"apoyo\":\"\",\"desde\":\"\"}]",
                table.get("filas").toString());
        com.google.gson.JsonObject attached = WebSession.json(director.get("/api/v1/evidence/15EJN0101A/owners/producto/"
                + java.net.URLEncoder.encode(FormsIT.SESSION + "|1|tabla", java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20")));
        assertEquals("image/jpeg", attached.getAsJsonArray("evidencias").get(0).getAsJsonObject().get("tipo")
                .getAsString());
        com.google.gson.JsonObject checklist = WebSession.json(director.get(products + "lista-cotejo"));
        assertEquals("[{\"nivel\":\"\",\"comentario\":\"\"},{\"nivel\":\"En proceso\",\"comentario\":\"Falta en dos"
                + " aulas\"}]", checklist.get("respuestas").toString());

        // The school's home offers them printed, for this session only: the third session has none.
        browser.get(karaf.baseUrl() + "/ui/");
        WebElement printed = await().until(ExpectedConditions.elementToBeClickable(
                By.partialLinkText("Tablas y formatos: Sesión de prueba con productos")));
        assertTrue(browser.findElements(By.partialLinkText("Tablas y formatos: Tercera Sesión")).isEmpty());
        String text = downloadedPdfText(printed.getAttribute("href"));
        for (String expected : List.of("Actividad 1. Alumnos que requieren apoyo", "Sofía Ramírez", "Mateo Cruz",
                "Pensamiento matemático")) {
            assertTrue(expected + " in:\n" + text, text.contains(expected));
        }
    }

    @Test
    public void aTeacherAndTheDirectorGoThroughTheThirdSessionFromActivity1To21() throws Exception {
        String month = "2017-06";
        String result = "Narran sucesos de su fin de semana en orden";
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        openSession();

        // 1. The table of expected results of the period.
        openActivity(1);
        chooseMonth("resultados-1-periodo", month);
        new org.openqa.selenium.support.ui.Select(field("resultados-1-grado")).selectByVisibleText("2.º");
        typeInto("resultados-1-grupo", "A");
        typeInto("resultados-1-area", "Lenguaje oral");
        typeInto("resultados-1-resultado", result);
        submit("#actividad-1 form");
        waitForText("#resultados-1-tabla td", result);

        // 2. The teacher rates her group.
        openActivity(2);
        new org.openqa.selenium.support.ui.Select(field("valoracion-2-grupo")).selectByVisibleText("2.º A");
        waitForText("#valoracion-2-lista h5", result);
        WebElement rating = browser.findElement(By.cssSelector("#valoracion-2-lista form"));
        new org.openqa.selenium.support.ui.Select(rating.findElement(By.tagName("select"))).selectByValue("sin-avance");
        rating.findElement(By.cssSelector("input[type=checkbox]")).click();
        rating.findElement(By.tagName("textarea")).sendKeys("Les cuesta recordar qué pasó primero");
        rating.findElement(By.cssSelector("button[type=submit]")).click();
        await().until(driver -> !driver.findElements(By.cssSelector("#valoracion-2-lista form.semaforo-rojo")).isEmpty());

        // 3. What the grade's groups have in common; 4. the Estrategia Global's actions; 5. the team's synthesis.
        openActivity(3);
        waitForText("#actividad-3 .equipo-grado li", result);
        typeInto("coincidencias-3-2-texto", "En segundo grado narrar en orden es lo más difícil");
        submit("#actividad-3 form.equipo-grado");
        waitForText("#actividad-3 .estado-guardado", "Guardado a las");
        openActivity(4);
        typeInto("estrategia-4-nueva-accion", "Asamblea diaria para narrar lo vivido");
        typeInto("estrategia-4-nueva-ambito", "En el salón de clases");
        field("estrategia-4-nueva-contribuye").click();
        typeInto("estrategia-4-nueva-porque", "Da a todos un momento para narrar");
        submit("#actividad-4 form.nueva");
        await().until(driver -> driver.findElements(By.cssSelector("#actividad-4 form.accion-estrategia:not(.nueva)"))
                .size() == 1);
        openActivity(3);
        assertTrue("the coincidences saved in activity 3 stay", field("coincidencias-3-2-texto").getAttribute("value")
                .contains("narrar en orden"));
        openActivity(5);
        WebElement worked = field("sintesis-5-2-funcionaron");
        worked.sendKeys("La asamblea diaria, porque todos participan");
        submit("#actividad-5 form.equipo-grado");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("envios"), "Todo guardado"));

        // The director takes over the collective's products.
        signIn("directora.rosaura", WebSession.demoPassword(karaf.demoPasswords(), "directora.rosaura"));
        openSession();

        // 6. The concentrate from the proposal; 7. its challenge tied to the Ruta de Mejora.
        openActivity(6);
        clickButton("actividad-6", "Guardar la propuesta en el concentrado");
        await().until(driver -> !driver.findElements(By.cssSelector("#actividad-6 form.renglon.desafio")).isEmpty());
        openActivity(7);
        WebElement objective = await().until(driver -> driver.findElements(By.cssSelector(
                "#actividad-7 form.renglon input[id$='-objetivo']")).stream().findFirst().orElse(null));
        assertTrue("the objectives of the school's Ruta de Mejora of that year are offered", browser.findElements(
                By.cssSelector("#actividad-7 datalist option")).stream().anyMatch(o -> o.getAttribute("value")
                        .startsWith("Incrementar el porcentaje de niños de 2° y 3° que narran sucesos con secuencia")));
        objective.clear();
        objective.sendKeys("Mejorar la expresión oral de los alumnos");
        submit("#actividad-7 form.renglon");

        // 8. A resource of the school, classified by the guide's criteria; 9. selected for the challenge.
        String book = "Cuentos para narrar en orden";
        openActivity(8);
        typeInto("catalogo-8-titulo", book);
        typeInto("catalogo-8-ubicacion", "Biblioteca de aula");
        submit("#actividad-8 form.nuevo-recurso");
        waitForText("#catalogo-8-busqueda-resultados li", book);
        WebElement entry = browser.findElements(By.cssSelector("#catalogo-8-busqueda-resultados li")).stream()
                .filter(li -> li.getText().contains(book)).findFirst().orElseThrow();
        entry.findElement(By.cssSelector("input[value='a']")).click();
        entry.findElement(By.cssSelector("form.clasificacion button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("envios"), "Todo guardado"));
        openActivity(9);
        typeInto("seleccion-9-busqueda-q", "cuentos narrar");
        submit("#actividad-9 form.busqueda");
        waitForText("#seleccion-9-busqueda-resultados li", book);
        WebElement choice = browser.findElements(By.cssSelector("#seleccion-9-busqueda-resultados li")).stream()
                .filter(li -> li.getText().contains(book)).findFirst().orElseThrow();
        new org.openqa.selenium.support.ui.Select(choice.findElement(By.tagName("select"))).selectByIndex(1);
        choice.findElement(By.cssSelector("form.elegir button[type=submit]")).click();
        waitForText("#seleccion-9-elegidos li", book);
        assertTrue(browser.findElement(By.id("seleccion-9-elegidos")).getText().contains("Para: " + result));

        // 10. An intervention card for the challenge; 11. a comment; 12. the collective's decision.
        String card = "Narramos nuestro fin de semana";
        openActivity(10);
        await().until(driver -> !driver.findElements(By.cssSelector("#tarjeta-10-desafios input[type=checkbox]"))
                .isEmpty());
        browser.findElement(By.cssSelector("#tarjeta-10-desafios input[type=checkbox]")).click();
        typeInto("tarjeta-10-titulo", card);
        typeInto("tarjeta-10-aula", "Cada lunes, cada niño narra con tres imágenes en orden");
        typeInto("tarjeta-10-materiales", book);
        typeInto("tarjeta-10-grados", "2");
        submit("#actividad-10 form.tarjeta-nueva");
        waitForText("#tarjeta-10-lista h5", card);
        openActivity(11);
        WebElement comment = await().until(driver -> driver.findElements(By.cssSelector(
                "#actividad-11 form.comentario textarea")).stream().findFirst().orElse(null));
        comment.sendKeys("Invitar a las familias a contar en casa");
        submit("#actividad-11 form.comentario");
        waitForText("#actividad-11 ul.comentarios li", "Invitar a las familias");
        openActivity(12);
        WebElement decision = browser.findElement(By.cssSelector("#actividad-12 form.decision select"));
        new org.openqa.selenium.support.ui.Select(decision).selectByValue("estrategia-global");
        submit("#actividad-12 form.decision");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("envios"), "Todo guardado"));

        // 13. Agreements in the bitácora.
        openActivity(13);
        typeInto("bitacora-13-acuerdo", "Aplicar la tarjeta en segundo grado durante seis semanas");
        submit("#actividad-13 form");
        waitForText("#bitacora-13-lista li.guardado", "Aplicar la tarjeta");

        // 14 to 19. The collective texts of the second part.
        openActivity(14);
        typeInto("texto-14-aportacion", "Aprender del colega de al lado");
        submit("#actividad-14 form.aportar");
        waitForText("#texto-14-aportaciones li", "Aprender del colega de al lado");
        openActivity(15);
        new org.openqa.selenium.support.ui.Select(field("texto-15-lectura")).selectByValue("latapi-2003");
        typeInto("texto-15-aportacion", "saber pedagógico");
        submit("#actividad-15 form.aportar");
        waitForText("#texto-15-aportaciones li", "saber pedagógico");
        openActivity(16);
        typeInto("texto-16-texto", "Aprender entre pares es reflexionar juntos sobre la práctica");
        submit("#actividad-16 form.texto-colectivo");
        openActivity(17);
        typeInto("texto-17-aportacion", "En el CTE ya compartimos lo que funciona");
        submit("#actividad-17 form.aportar");
        waitForText("#texto-17-aportaciones li", "ya compartimos");
        openActivity(18);
        typeInto("texto-18-aportacion", "Nos falta observar la clase de otra maestra");
        submit("#actividad-18 form.aportar");
        waitForText("#texto-18-aportaciones li", "observar la clase");
        // 19 reads a text and asks for nothing to be written: its reading, no editor.
        openActivity(19);
        assertTrue(browser.findElement(By.id("actividad-19")).getText().contains("Lectura: El Aprendizaje entre escuelas"));
        assertTrue("no product on a reading", browser.findElements(By.cssSelector("#actividad-19 .editor, #actividad-19"
                + " .producto")).isEmpty());

        // 20. The presentation, drafted from what the school recorded, saved and published to the zone.
        openActivity(20);
        await().until(driver -> field("presentacion-20-problema").getAttribute("value").contains(result));
        submit("#actividad-20 form.presentacion");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#actividad-20 .aviso-modulo"),
                "Guardada"));
        clickButton("actividad-20", "Publicar a la zona");
        WebElement question = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#actividad-20 .confirmacion")));
        assertTrue("says who will see it: " + question.getText(), question.getText().contains("la supervisión de la zona"));
        clickButton("actividad-20", "Sí, publicar");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#actividad-20 .aviso-modulo"),
                "Publicada"));
        // Withdrawn and published again, as long as the supervision has not formed the groups with it.
        clickButton("actividad-20", "Retirar la publicación");
        clickButton("actividad-20", "Sí, retirar");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#actividad-20 .aviso-modulo"),
                "sin publicar"));
        clickButton("actividad-20", "Publicar a la zona");
        clickButton("actividad-20", "Sí, publicar");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#actividad-20 .aviso-modulo"),
                "Publicada"));

        // 21. The teacher closes with her agreement; the bitácora shows the director's and hers.
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        openSession();
        openActivity(21);
        typeInto("bitacora-21-acuerdo", "Compartir la presentación con las escuelas del grupo");
        submit("#actividad-21 form");
        waitForText("#bitacora-21-lista li.guardado", "Compartir la presentación");
        String logbook = browser.findElement(By.id("bitacora-21-lista")).getText();
        assertTrue(logbook, logbook.contains("Actividad 13: Aplicar la tarjeta en segundo grado"));
        assertTrue(logbook, logbook.contains("Actividad 21: Compartir la presentación con las escuelas del grupo"
                + "\nResponsables: Educadora Ana López (demostración)"));
        assertTrue("dates as people write them: " + logbook, java.util.regex.Pattern.compile(
                "fecha límite: \\d{1,2} de [a-z]+ de \\d{4}").matcher(logbook).find());
        assertFalse("no login ids where people expect names: " + logbook, logbook.contains("docente.ana"));
        browser.executeScript("document.getElementById('bitacora-21-lista').scrollIntoView();");
        capture("sesion-completa");

        // What the school now holds, read back through the API.
        WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        String concentrate = director.get("/api/v1/results/15EJN0101A/concentrate?periodo=" + month).body();
        assertTrue(concentrate, concentrate.contains("Mejorar la expresión oral de los alumnos"));
        String cards = director.get("/api/v1/cards/15EJN0101A?periodo=" + month).body();
        assertTrue(cards, cards.contains(card) && cards.contains("\"estrategia-global\"")
                && cards.contains("Invitar a las familias"));
        String texts = director.get("/api/v1/exchange/15EJN0101A/texts?sesion=SEP:2016-2017:preescolar:ordinaria-3")
                .body();
        assertTrue(texts, texts.contains("reflexionar juntos") && texts.contains("latapi-2003"));
        String presentation = director.get("/api/v1/exchange/15EJN0101A/presentation"
                + "?sesion=SEP:2016-2017:preescolar:ordinaria-3").body();
        assertTrue(presentation, presentation.contains("\"publicada\":true"));
        assertEquals("the whole session's page", List.of(), seriousViolations());
    }

    @Test
    public void whatAColleagueSavesOnAnotherDeviceAppearsWithinSeconds() throws Exception {
        String text = "Revisar juntos los cuadernos de los niños (" + System.nanoTime() + ")";
        signIn("directora.rosaura", WebSession.demoPassword(karaf.demoPasswords(), "directora.rosaura"));
        openSession();
        openActivity(13);
        browser.executeScript("window.cteSinRecargar = true;");
        WebElement mine = field("bitacora-13-acuerdo");
        mine.clear();
        mine.sendKeys("Lo que la directora escribe mientras tanto");

        ChromeDriver colleague = newBrowser();
        try {
            colleague.get(karaf.baseUrl() + "/ui/");
            WebDriverWait wait = new WebDriverWait(colleague, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("usuario"))).sendKeys("docente.ana");
            colleague.findElement(By.id("contrasena")).sendKeys(WebSession.demoPassword(karaf.demoPasswords(),
                    "docente.ana"));
            colleague.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Rosaura Zapata"));
            colleague.get(karaf.baseUrl() + "/ui/#guia/" + THIRD_SESSION + "/actividad/13");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bitacora-13-acuerdo"))).sendKeys(text);
            colleague.findElement(By.cssSelector("#actividad-13 form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
                    "#actividad-13 .estado-guardado"), "Guardado a las"));
        } finally {
            colleague.quit();
        }

        // While the director types, her field is left alone; once she leaves it, the list shows her colleague's
        // agreement, without a reload, and her text is still there.
        assertEquals("Lo que la directora escribe mientras tanto", field("bitacora-13-acuerdo").getAttribute("value"));
        browser.findElement(By.id("vista-titulo")).click();
        new WebDriverWait(browser, Duration.ofSeconds(12)).until(driver -> listed("#bitacora-13-lista li", text));
        assertEquals("Lo que la directora escribe mientras tanto", field("bitacora-13-acuerdo").getAttribute("value"));
        assertEquals("seen without reloading the page", Boolean.TRUE, browser.executeScript(
                "return window.cteSinRecargar === true;"));
    }

    /** The logbook's entry showing the text, once the list was drawn. */
    private WebElement agreementShowing(String text) {
        return await().until(driver -> driver.findElements(By.cssSelector("#bitacora-13-lista li.guardado")).stream()
                .filter(li -> li.getText().contains(text)).findFirst().orElse(null));
    }

    @Test
    public void aCardAndAConcentrateLineAreChangedAndRemoved() throws Exception {
        String month = "2017-01";
        String title = "Tarjeta de cuentos (" + System.nanoTime() + ")";
        WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        String line = "Contar objetos hasta 20 (" + System.nanoTime() + ")";
        assertEquals(201, director.send("POST", "/api/v1/results/15EJN0101A/concentrate", "{\"periodo\": \"" + month
                + "\", \"tipo\": \"desafio\", \"area\": \"Pensamiento matemático\", \"grados\": [3],"
                + " \"texto\": \"" + line + "\"}").statusCode());
        signIn("directora.rosaura", WebSession.demoPassword(karaf.demoPasswords(), "directora.rosaura"));
        openSession();

        // A card is written, changed in its own form, and removed after saying what goes with it.
        openActivity(10);
        chooseMonth("tarjeta-10-periodo", month);
        await().until(driver -> !driver.findElements(By.cssSelector("#tarjeta-10-desafios input[type=checkbox]"))
                .isEmpty());
        browser.findElement(By.cssSelector("#tarjeta-10-desafios input[type=checkbox]")).click();
        typeInto("tarjeta-10-titulo", title);
        typeInto("tarjeta-10-aula", "Contamos los cuentos de la biblioteca");
        typeInto("tarjeta-10-grados", "3");
        submit("#actividad-10 form.tarjeta-nueva");
        waitForText("#tarjeta-10-lista h5", title);
        await().until(driver -> { // responsibles by name
            try {
                return driver.findElements(By.cssSelector("#tarjeta-10-lista article")).stream()
                        .anyMatch(a -> a.getText().contains(title) && a.getText().contains("Rosaura"));
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
        pressIn("#tarjeta-10-lista article", title, "Cambiar");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tarjeta-10-titulo-formulario"),
                "Cambiar la tarjeta"));
        assertEquals(title, field("tarjeta-10-titulo").getAttribute("value"));
        assertTrue("the challenge it addresses stays chosen", browser.findElement(By.cssSelector(
                "#tarjeta-10-desafios input[type=checkbox]")).isSelected());
        typeInto("tarjeta-10-titulo", title + ", revisada");
        submit("#actividad-10 form.tarjeta-nueva");
        waitForText("#tarjeta-10-lista h5", title + ", revisada");
        com.google.gson.JsonArray stored = WebSession.json(director.get("/api/v1/cards/15EJN0101A?periodo=" + month))
                .getAsJsonArray("tarjetas");
        com.google.gson.JsonObject changed = java.util.stream.StreamSupport.stream(stored.spliterator(), false)
                .map(e -> e.getAsJsonObject()).filter(c -> c.get("titulo").getAsString().startsWith(title))
                .findFirst().orElseThrow();
        assertEquals("changed in place, not written twice", title + ", revisada", changed.get("titulo").getAsString());
        assertEquals(1, changed.getAsJsonArray("desafios").size());
        assertEquals("Nueva tarjeta de intervención", browser.findElement(By.id("tarjeta-10-titulo-formulario"))
                .getText());

        // Activity 11: her comment is changed and removed by her; a teacher's, only removed by the director.
        long cardId = changed.get("id").getAsLong();
        WebSession teacher = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "docente.ana");
        assertEquals(201, teacher.send("POST", "/api/v1/cards/15EJN0101A/" + cardId + "/comments",
                "{\"sugerencia\": false, \"texto\": \"Lo probamos en segundo\"}").statusCode());
        openActivity(11);
        String comments = "#comentarios-11-lista";
        typeInto("comentarios-11-" + cardId + "-texto", "Faltan cuentos con números");
        submitFormOf("comentarios-11-" + cardId + "-texto");
        waitForText(comments + " ul.comentarios li", "Faltan cuentos con números");
        long mineId = java.util.stream.StreamSupport.stream(WebSession.json(director.get("/api/v1/cards/15EJN0101A/"
                + cardId)).getAsJsonArray("comentarios").spliterator(), false).map(e -> e.getAsJsonObject())
                .filter(c -> c.get("texto").getAsString().startsWith("Faltan cuentos")).findFirst().orElseThrow()
                .get("id").getAsLong();
        pressIn(comments + " ul.comentarios li", "Faltan cuentos", "Cambiar");
        String editor = "comentarios-11-" + cardId + "-comentario-" + mineId;
        typeInto(editor, "Faltan cuentos con números hasta 20");
        submitFormOf(editor);
        waitForText(comments + " ul.comentarios li", "Faltan cuentos con números hasta 20");
        await().until(driver -> {
            try {
                WebElement theirs = driver.findElements(By.cssSelector(comments + " ul.comentarios li")).stream()
                        .filter(li -> li.getText().contains("Lo probamos en segundo")).findFirst().orElseThrow();
                // The director may remove a teacher's words but not change them.
                return theirs.findElements(By.xpath(".//button[normalize-space()='Cambiar']")).isEmpty()
                        && !theirs.findElements(By.xpath(".//button[normalize-space()='Quitar']")).isEmpty();
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
        pressIn(comments + " ul.comentarios li", "Lo probamos en segundo", "Quitar");
        clickButton("comentarios-11-lista", "Sí, quitar");
        await().until(driver -> !listed(comments + " ul.comentarios li", "Lo probamos en segundo"));
        String kept = director.get("/api/v1/cards/15EJN0101A/" + cardId).body();
        assertTrue(kept, kept.contains("Faltan cuentos con números hasta 20") && !kept.contains("Lo probamos"));

        openActivity(10);
        pressIn("#tarjeta-10-lista article", title, "Eliminar");
        WebElement question = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#tarjeta-10-lista .confirmacion")));
        assertTrue(question.getText(), question.getText().contains("sus comentarios"));
        // A teacher comments on the card while the director is being asked: the change feed brings it within seconds,
        // and the question stays until she answers it instead of vanishing with a redrawn list.
        assertEquals(201, teacher.send("POST", "/api/v1/cards/15EJN0101A/" + cardId + "/comments",
                "{\"sugerencia\": false, \"texto\": \"Mientras usted decide\"}").statusCode());
        Thread.sleep(6000);
        assertTrue("the question is still there after the change feed's turn", browser.findElements(By.cssSelector(
                "#tarjeta-10-lista .confirmacion")).stream().anyMatch(WebElement::isDisplayed));
        // A colleague decides on the card meanwhile: the removal meets the newer version and asks before going on.
        // (The change feed is held back so that the screen cannot learn of it first.)
        browser.executeCdpCommand("Network.enable", java.util.Map.of());
        browser.executeCdpCommand("Network.setBlockedURLs", java.util.Map.of("urls", List.of("*/api/v1/changes/*")));
        long version = WebSession.json(director.get("/api/v1/cards/15EJN0101A/" + cardId)).get("version").getAsLong();
        assertEquals(200, director.send("PUT", "/api/v1/cards/15EJN0101A/" + cardId + "/decision",
                "{\"decision\": \"redisenar\", \"nota\": \"Ajustarla\", \"version\": " + version + "}")
                .statusCode());
        clickButton("tarjeta-10-lista", "Sí, eliminar");
        pressIn("#tarjeta-10-lista article", title, "Quitarlo de todos modos");
        await().until(driver -> !listed("#tarjeta-10-lista h5", title));
        browser.executeCdpCommand("Network.setBlockedURLs", java.util.Map.of("urls", List.of()));
        assertFalse(director.get("/api/v1/cards/15EJN0101A?periodo=" + month).body().contains(title));

        // A line of the concentrate is removed from activity 6.
        openActivity(6);
        chooseMonth("concentrado-6-periodo", month);
        WebElement row = await().until(driver -> driver.findElements(By.cssSelector("#actividad-6 form.renglon"))
                .stream().filter(f -> f.findElement(By.tagName("textarea")).getAttribute("value").equals(line))
                .findFirst().orElse(null));
        row.findElement(By.xpath(".//button[normalize-space()='Quitar']")).click();
        clickButton("actividad-6", "Sí, quitar");
        await().until(driver -> driver.findElements(By.cssSelector("#actividad-6 form.renglon textarea")).stream()
                .noneMatch(t -> t.getAttribute("value").equals(line)));
        assertFalse(director.get("/api/v1/results/15EJN0101A/concentrate?periodo=" + month).body().contains(line));
    }

    @Test
    public void aContributionAndAResourceOfTheSchoolAreTakenBack() throws Exception {
        String idea = "Observarnos en clase (" + System.nanoTime() + ")";
        String book = "Cuentos para contar (" + System.nanoTime() + ")";
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        openSession();
        WebSession teacher = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "docente.ana");

        openActivity(14);
        typeInto("texto-14-aportacion", idea);
        submitFormOf("texto-14-aportacion");
        waitForText("#texto-14-aportaciones li", idea);
        pressIn("#texto-14-aportaciones li", idea, "Quitar");
        clickButton("texto-14-aportaciones", "Sí, quitar");
        await().until(driver -> !listed("#texto-14-aportaciones li", idea));
        assertFalse(teacher.get("/api/v1/exchange/15EJN0101A/activities/14/texts/lluvia-ideas?sesion="
                + THIRD_SESSION).body().contains(idea));

        openActivity(8);
        typeInto("catalogo-8-titulo", book);
        typeInto("catalogo-8-ubicacion", "Biblioteca de aula");
        submit("#actividad-8 form.nuevo-recurso");
        waitForText("#catalogo-8-busqueda-resultados li", book);
        pressIn("#catalogo-8-busqueda-resultados li", book, "Quitar del catálogo");
        clickButton("catalogo-8-busqueda-resultados", "Sí, quitar");
        await().until(driver -> !listed("#catalogo-8-busqueda-resultados li", book));
        assertFalse(teacher.get("/api/v1/catalogue/15EJN0101A/resources?q=" + java.net.URLEncoder.encode(book,
                java.nio.charset.StandardCharsets.UTF_8)).body().contains(book));
    }

    @Test
    public void anAgreementIsChangedFollowedUpAndRemovedAndSharingAsksFirst() throws Exception {
        String text = "Visitar la biblioteca pública (" + System.nanoTime() + ")";
        signIn("directora.rosaura", WebSession.demoPassword(karaf.demoPasswords(), "directora.rosaura"));
        openSession();
        openActivity(13);
        typeInto("bitacora-13-acuerdo", text);
        submit("#actividad-13 form.editor-bitacora");
        agreementShowing(text).findElement(By.xpath(".//button[normalize-space()='Cambiar']")).click();
        WebElement form = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#bitacora-13-lista form.editar-acuerdo")));
        WebElement changed = form.findElement(By.tagName("textarea"));
        changed.clear();
        changed.sendKeys(text + ", con las familias");
        new org.openqa.selenium.support.ui.Select(form.findElement(By.cssSelector("select[id$='-estado']")))
                .selectByValue("cumplido");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement done = agreementShowing(text + ", con las familias");
        assertTrue(done.getText(), done.getText().contains("Cumplido"));

        done.findElement(By.xpath(".//button[normalize-space()='Eliminar']")).click();
        WebElement question = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#bitacora-13-lista .confirmacion")));
        assertTrue(question.getText(), question.getText().contains("¿Eliminar el acuerdo"));
        assertEquals("the confirming button has the focus", "Sí, eliminar", browser.switchTo().activeElement()
                .getText());
        question.findElement(By.xpath(".//button[normalize-space()='Cancelar']")).click();
        assertTrue("still there after cancelling", agreementShowing(text + ", con las familias").isDisplayed());
        agreementShowing(text).findElement(By.xpath(".//button[normalize-space()='Eliminar']")).click();
        await().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[@id='bitacora-13-lista']//button[normalize-space()='Sí, eliminar']"))).click();
        await().until(driver -> !listed("#bitacora-13-lista li", text));

        WebSession director = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(),
                "directora.rosaura");
        String stored = director.get("/api/v1/logbook/15EJN0101A/agreements?sesion=" + THIRD_SESSION).body();
        assertFalse(stored, stored.contains(text));

        // A teacher is not offered what only the director may do.
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        openSession();
        openActivity(20);
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#actividad-20 .aviso-modulo")));
        assertTrue("no publishing button for a teacher", browser.findElements(By.xpath(
                "//*[@id='actividad-20']//button[normalize-space()='Publicar a la zona' or normalize-space()="
                        + "'Retirar la publicación']")).stream().noneMatch(WebElement::isDisplayed));
    }

    @Test
    public void afterOneVisitTheSessionOpensWithTheServerDownAndWhatIsWrittenIsSavedOnceLater() throws Exception {
        String text = "Escrito con el servidor apagado (" + System.nanoTime() + ")";
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        openSession();
        openActivity(13);
        await().until(driver -> Boolean.TRUE.equals(browser.executeScript(
                "return !!navigator.serviceWorker && !!navigator.serviceWorker.controller;")));
        // The visit under the worker keeps the shell, the guide, the editor and the logbook on this device.
        browser.navigate().refresh();
        await().until(driver -> !driver.findElements(By.cssSelector("#bitacora-13-lista li")).isEmpty());

        karaf.stop();
        try {
            browser.navigate().refresh();
            await().until(ExpectedConditions.visibilityOfElementLocated(By.id("actividad-13")));
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conexion"), "Sin conexión"));
            assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Tercera Sesión Ordinaria"));
            assertTrue("the index is there too", indexedActivities().size() == 21);
            capture("sin-conexion");
            typeInto("bitacora-13-acuerdo", text);
            submit("#actividad-13 form.editor-bitacora");
            await().until(driver -> listed("#bitacora-13-lista li.pendiente", text));
        } finally {
            karaf.start();
        }
        new WebDriverWait(browser, Duration.ofSeconds(40)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("envios"), "Todo guardado"));
        assertEquals("saved exactly once", 1, storedAgreementsSaying(text));
    }

    @Test
    public void anEditTheWebServerAloneAnswersWhileThePlatformStartsIsKeptAndSavedOnceLater() throws Exception {
        String text = "Enviado mientras la plataforma arrancaba (" + System.nanoTime() + ")";
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        openSession();
        openActivity(13);
        // In the moment of a restart before the platform's API is there, Jetty answers its own HTML 404: the first
        // send of the agreement gets that answer here, as it would then.
        browser.executeScript("const platformFetch = window.fetch; let first = true;"
                + " window.fetch = (resource, init) => {"
                + "  if (first && init?.method === 'POST' && String(resource).includes('/api/v1/logbook/')) {"
                + "   first = false;"
                + "   return Promise.resolve(new Response('<html><body>Not Found</body></html>',"
                + "    {status: 404, headers: {'Content-Type': 'text/html'}}));"
                + "  }"
                + "  return platformFetch(resource, init); };");
        typeInto("bitacora-13-acuerdo", text);
        submit("#actividad-13 form.editor-bitacora");
        await().until(driver -> listed("#bitacora-13-lista li.pendiente", text));
        assertFalse("not announced as refused", browser.findElement(By.id("envios")).getText()
                .contains("No se guardó"));

        browser.executeScript("window.dispatchEvent(new Event('online'));");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("envios"), "Todo guardado"));
        assertEquals("saved exactly once", 1, storedAgreementsSaying(text));
    }

    /** How many of the school's agreements of the third session the platform holds with this text. */
    private long storedAgreementsSaying(String text) throws Exception {
        WebSession teacher = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "docente.ana");
        HttpResponse<String> agreements = teacher.get("/api/v1/logbook/15EJN0101A/agreements?sesion="
                + THIRD_SESSION);
        assertEquals("the logbook serves (a node says up only then): " + agreements.body(), 200,
                agreements.statusCode());
        return java.util.stream.StreamSupport.stream(WebSession.json(agreements).getAsJsonArray("acuerdos")
                .spliterator(), false).filter(a -> a.getAsJsonObject().get("acuerdo").getAsString().equals(text))
                .count();
    }

    /**
     * What a 360 px phone needs of a screen: nothing scrolls sideways except a wide table inside its own box, whose
     * first column stays in view; every field and button fits the screen.
     */
    @SuppressWarnings("unchecked")
    private void assertUsableOnAPhone(String screen) {
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(screen + ": nothing scrolls sideways at 360 px", 0L, overflow.longValue());
        List<String> tables = (List<String>) browser.executeScript("return [...document.querySelectorAll('table')]"
                + ".filter((t) => { const style = getComputedStyle(t); const first = t.querySelector('tr > :first-child');"
                + " return t.scrollWidth > t.clientWidth && (!['auto', 'scroll'].includes(style.overflowX) || !first"
                + " || getComputedStyle(first).position !== 'sticky'); })"
                + ".map((t) => t.id || (t.caption ? t.caption.textContent : 'tabla'));");
        assertEquals(screen + ": wide tables scroll in their box, their first column in view", List.of(), tables);
        List<String> controls = (List<String>) browser.executeScript("const width ="
                + " document.documentElement.clientWidth; return [...document.querySelectorAll('input, select,"
                + " textarea, button')].filter((e) => e.offsetParent && !e.closest('table')"
                + " && e.getBoundingClientRect().right > width + 1).map((e) => e.id || e.textContent.trim().slice(0, 30));");
        assertEquals(screen + ": every field and button fits the screen", List.of(), controls);
    }

    @Test
    public void everyScreenIsUsableOnA360PxPhone() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
        try {
            signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Rosaura Zapata"));
            assertUsableOnAPhone("the school's home");
            openSession();
            assertUsableOnAPhone("the session's presentation");
            for (int activity : new int[] {1, 2, 3, 5, 6, 8, 9, 10, 13, 16, 20}) {
                openActivity(activity);
                await().until(driver -> !driver.findElements(By.cssSelector("#actividad-" + activity
                        + " .editor h4")).isEmpty());
                assertUsableOnAPhone("activity " + activity);
            }
            openActivity(1);
            capture("telefono-actividad-1");
            assertEquals("activity 1 at 360 px", List.of(), seriousViolations());

            signIn("supervisora.zona15", WebSession.demoPassword(karaf.demoPasswords(), "supervisora.zona15"));
            await().until(ExpectedConditions.visibilityOfElementLocated(By.id("escuelas-zona")));
            assertUsableOnAPhone("the zone");
            assertEquals("the zone at 360 px", List.of(), seriousViolations());

            signIn("admin.plataforma", WebSession.demoPassword(karaf.demoPasswords(), "admin.plataforma"));
            await().until(ExpectedConditions.elementToBeClickable(By.linkText("Guías y módulos"))).click();
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lista-modulos"), "mx.cte"));
            assertUsableOnAPhone("the administration");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1024, 800));
        }
    }

    /** An expected result of the whole grade in the period, stored through the API as the table's editor does. */
    private static void expectedResult(WebSession staff, String month, int grade, String text) throws Exception {
        assertEquals(201, staff.send("POST", "/api/v1/results/15EJN0101A/expected", "{\"periodo\": \"" + month
                + "\", \"grado\": " + grade + ", \"area\": \"Lenguaje oral\", \"resultado\": \"" + text
                + "\"}").statusCode());
    }

    private WebElement formOf(String fieldId) {
        return field(fieldId).findElement(By.xpath("./ancestor::form"));
    }

    @Test
    public void textNotYetSavedSurvivesAnotherGradesSaveAndAReload() throws Exception {
        String month = "2017-09";
        WebSession teacher = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "docente.ana");
        expectedResult(teacher, month, 1, "Reconocen su nombre escrito");
        expectedResult(teacher, month, 2, "Escriben su nombre");
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        openSession();
        openActivity(3);
        chooseMonth("coincidencias-3-periodo", month);
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("coincidencias-3-contenido"),
                "Reconocen su nombre escrito"));
        typeInto("coincidencias-3-1-texto", "Primero: aún sin guardar");
        typeInto("coincidencias-3-2-texto", "Segundo: lo que se guarda");
        formOf("coincidencias-3-2-texto").findElement(By.cssSelector("button[type=submit]")).click();
        waitForText("#actividad-3 .estado-guardado", "Guardado a las");
        assertEquals("the other grade's text stays after the save", "Primero: aún sin guardar",
                field("coincidencias-3-1-texto").getAttribute("value"));

        browser.navigate().refresh();
        await().until(driver -> "Primero: aún sin guardar".equals(field("coincidencias-3-1-texto")
                .getAttribute("value")));
        assertEquals("Segundo: lo que se guarda", field("coincidencias-3-2-texto").getAttribute("value"));
        assertTrue(browser.findElement(By.cssSelector("#actividad-3 .estado-actividad")).getText()
                .contains("sin guardar"));
        com.google.gson.JsonObject stored = WebSession.json(teacher.get("/api/v1/results/15EJN0101A/coincidences"
                + "?periodo=" + month));
        assertTrue(stored.toString(), stored.toString().contains("Segundo: lo que se guarda")
                && !stored.toString().contains("Primero: aún sin guardar"));

        // Activity 5 likewise, and moving to another activity and back keeps the draft too.
        openActivity(5);
        WebElement firstGrade = await().until(driver -> driver.findElements(By.cssSelector(
                "textarea[id^='sintesis-5-1-']")).stream().findFirst().orElse(null));
        String firstId = firstGrade.getAttribute("id");
        String secondId = firstId.replace("sintesis-5-1-", "sintesis-5-2-");
        typeInto(firstId, "Síntesis de primero, pendiente");
        typeInto(secondId, "Síntesis de segundo");
        formOf(secondId).findElement(By.cssSelector("button[type=submit]")).click();
        waitForText("#actividad-5 .estado-guardado", "Guardado a las");
        assertEquals("Síntesis de primero, pendiente", field(firstId).getAttribute("value"));
        openActivity(4);
        openActivity(5);
        await().until(driver -> "Síntesis de primero, pendiente".equals(field(firstId).getAttribute("value")));

        // Once saved, it is no longer a draft: the saved text is what a reload shows.
        formOf(firstId).findElement(By.cssSelector("button[type=submit]")).click();
        waitForText("#actividad-5 .estado-guardado", "Guardado a las");
        await().until(driver -> browser.findElement(By.cssSelector("#actividad-5 .estado-actividad")).getText()
                .isEmpty());
    }

    @Test
    public void aSaveSaysWhenItWasSavedAndADoubleClickStoresOneRecord() throws Exception {
        String month = "2017-10";
        String text = "Identifican figuras geométricas (" + System.nanoTime() + ")";
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        openSession();
        openActivity(1);
        chooseMonth("resultados-1-periodo", month);
        new org.openqa.selenium.support.ui.Select(field("resultados-1-grado")).selectByVisibleText("1.º");
        typeInto("resultados-1-area", "Pensamiento matemático");
        typeInto("resultados-1-resultado", text);
        new org.openqa.selenium.interactions.Actions(browser).doubleClick(browser.findElement(By.cssSelector(
                "#actividad-1 form button[type=submit]"))).perform();
        waitForText("#actividad-1 .estado-guardado", "Guardado a las");
        waitForText("#resultados-1-tabla td", text);
        capture("guardado-con-hora");

        WebSession teacher = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "docente.ana");
        long stored = java.util.stream.StreamSupport.stream(WebSession.json(teacher.get(
                "/api/v1/results/15EJN0101A/expected?periodo=" + month)).getAsJsonArray("resultados").spliterator(),
                false).filter(r -> r.getAsJsonObject().get("resultado").getAsString().equals(text)).count();
        assertEquals("a double click saves once", 1, stored);
        assertTrue("the button is back for the next result", browser.findElement(By.cssSelector(
                "#actividad-1 form button[type=submit]")).isEnabled());
    }

    /** Whether any of the items the selector finds shows the text (other tests' agreements share the list). */
    private boolean listed(String selector, String text) {
        try {
            return browser.findElements(By.cssSelector(selector)).stream()
                    .anyMatch(item -> item.getText().contains(text));
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return false; // the list was drawn again while being read: the wait asks again
        }
    }

    @Test
    public void anAgreementWrittenOfflineIsSavedOnceWhenTheConnectionReturns() throws Exception {
        String text = "Leer en voz alta cada mañana (escrito sin conexión " + System.nanoTime() + ")";
        signIn("docente.ana", WebSession.demoPassword(karaf.demoPasswords(), "docente.ana"));
        openSession();
        openActivity(21);
        WebElement agreement = await().until(ExpectedConditions.visibilityOfElementLocated(
                By.id("bitacora-21-acuerdo")));
        assertTrue(browser.findElement(By.id("bitacora-21-responsable-docente.ana")).isSelected());

        org.openqa.selenium.chromium.ChromiumNetworkConditions offline =
                new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.setNetworkConditions(offline);
        try {
            agreement.sendKeys(text);
            browser.findElement(By.cssSelector("#actividad-21 form button[type=submit]")).click();
            await().until(driver -> listed("#bitacora-21-lista li.pendiente", text));
            await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("envios"), "1 cambio"));
            capture("bitacora-sin-conexion");
        } finally {
            browser.deleteNetworkConditions();
        }
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("envios"), "Todo guardado"));
        await().until(driver -> listed("#bitacora-21-lista li.guardado", text));
        assertEquals("nothing left pending", 0, browser.findElements(By.cssSelector("#bitacora-21-lista li.pendiente"))
                .size());

        WebSession teacher = WebSession.demo(new WebSession(karaf.baseUrl()), karaf.demoPasswords(), "docente.ana");
        long stored = java.util.stream.StreamSupport.stream(WebSession.json(teacher.get(
                "/api/v1/logbook/15EJN0101A/agreements?sesion=SEP:2016-2017:preescolar:ordinaria-3"))
                .getAsJsonArray("acuerdos").spliterator(), false)
                .filter(a -> a.getAsJsonObject().get("acuerdo").getAsString().equals(text)).count();
        assertEquals("saved exactly once", 1, stored);
    }
}
