package mx.cte.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The session screen loaded by a school on a slow link, as Chrome DevTools' throttling has it: a fresh browser profile
 * (nothing cached, no service worker yet) already signed in, opening a deep link to the session or one of its
 * activities, until every editor on screen has drawn. Counts the requests and the bytes the page transferred as
 * DevTools does (its network log: headers and compressed bodies), then opens the same address again to show what a
 * second visit costs. During the cold visit the service worker is bypassed: it registers during that visit and, once
 * it took the page over, its fetches would leave the page's (throttled, counted) network; the figures would then
 * flatter the first visit. The second visit goes through it, as a returning school's does. Targets of issue 21: at most 25 requests and 120 KiB cold, editors visible within 3 s at 400 kbit/s
 * with 400 ms of latency.
 */
final class ColdLoad {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";

    /** A link as DevTools throttles it: latency per round trip, and the same bandwidth down and up. */
    record Link(String name, int latencyMillis, int kilobitsPerSecond) {
    }

    private static final List<Link> LINKS = List.of(new Link("sin limitar", 0, 0),
            new Link("400 kbit/s + 400 ms", 400, 400), new Link("400 kbit/s + 2000 ms", 2000, 400));

    private static final List<String> VIEWS = List.of("", "/actividad/1", "/actividad/3", "/actividad/15");

    private final Consumer<String> report;
    private final Path out;

    ColdLoad(Consumer<String> report, Path out) {
        this.report = report;
        this.out = out;
    }

    void run(Path archive) throws Exception {
        try (Distribution karaf = Distribution.unpack(archive, out.resolve("distribution"))) {
            karaf.start();
            String cookie = ApiClient.demo(karaf, "directora.rosaura").cookie();
            report.accept(String.format("%-22s %-16s %9s %10s %12s %10s %10s", "enlace", "vista", "peticiones",
                    "KiB", "editores (s)", "2.ª: pet.", "2.ª: KiB"));
            List<String> details = new ArrayList<>();
            for (Link link : LINKS) {
                for (String view : VIEWS) {
                    Visit cold;
                    Visit warm;
                    ChromeDriver browser = newBrowser();
                    try {
                        signedIn(browser, karaf.baseUrl(), cookie);
                        throttle(browser, link);
                        String address = karaf.baseUrl() + "/ui/#guia/" + SESSION + view;
                        browser.executeCdpCommand("Network.setBypassServiceWorker", Map.of("bypass", true));
                        cold = visit(browser, address);
                        browser.executeCdpCommand("Network.setBypassServiceWorker", Map.of("bypass", false));
                        warm = visit(browser, address);
                    } finally {
                        browser.quit();
                    }
                    report.accept(String.format("%-22s %-16s %9d %10.1f %12.2f %10d %10.1f", link.name(),
                            view.isEmpty() ? "presentación" : view.substring(1), cold.requests(), cold.kib(),
                            cold.seconds(), warm.requests(), warm.kib()));
                    details.add(link.name() + " " + (view.isEmpty() ? "presentación" : view) + ", en frío:");
                    cold.perResource().forEach((name, bytes) -> details.add("  " + name + " " + bytes));
                }
            }
            Files.write(out.resolve("resources.txt"), details);
            report.accept("Resources of each cold load, with the bytes each took: " + out.resolve("resources.txt"));
        }
    }

    record Visit(int requests, double kib, double seconds, Map<String, String> perResource) {
    }

    private Visit visit(ChromeDriver browser, String address) {
        browser.get("about:blank");
        browser.manage().logs().get(LogType.PERFORMANCE); // what came before this visit
        browser.get(address);
        new WebDriverWait(browser, Duration.ofSeconds(180)).pollingEvery(Duration.ofMillis(25)).until(driver ->
                Boolean.TRUE.equals(browser.executeScript(
                        "const index = document.querySelector('nav a[data-vista]');"
                        + "const editors = [...document.querySelectorAll('.editor[data-tipo]')];"
                        + "const wanted = location.hash.includes('/actividad/');"
                        + "return !!index && (!wanted || editors.length > 0)"
                        + " && editors.every((e) => e.dataset.estado === 'listo');")));
        double seconds = ((Number) browser.executeScript("return performance.now() / 1000;")).doubleValue();
        // DevTools' own figures: every request the page made, and the bytes each took on the wire (headers and
        // compressed body); one answered by the browser's cache or the service worker took none.
        Map<String, String> urls = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        // When each request left and finished (DevTools' monotonic clock, seconds): the waterfall's critical path.
        Map<String, Double> started = new HashMap<>();
        Map<String, Double> finished = new HashMap<>();
        java.util.Set<String> local = new java.util.HashSet<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonObject message = JsonParser.parseString(entry.getMessage()).getAsJsonObject()
                    .getAsJsonObject("message");
            String method = message.get("method").getAsString();
            JsonObject params = message.getAsJsonObject("params");
            if (method.equals("Network.requestWillBeSent")) {
                urls.putIfAbsent(params.get("requestId").getAsString(), params.getAsJsonObject("request")
                        .get("url").getAsString());
                started.putIfAbsent(params.get("requestId").getAsString(), params.get("timestamp").getAsDouble());
            } else if (method.equals("Network.responseReceived")) {
                JsonObject response = params.getAsJsonObject("response");
                if (flag(response, "fromServiceWorker") || flag(response, "fromDiskCache")
                        || flag(response, "fromPrefetchCache")) {
                    local.add(params.get("requestId").getAsString());
                }
            } else if (method.equals("Network.requestServedFromCache")) {
                local.add(params.get("requestId").getAsString());
            } else if (method.equals("Network.loadingFinished")) {
                bytes.put(params.get("requestId").getAsString(), params.get("encodedDataLength").getAsLong());
                finished.put(params.get("requestId").getAsString(), params.get("timestamp").getAsDouble());
            }
        }
        Map<String, String> perResource = new TreeMap<>();
        double origin = urls.entrySet().stream().filter(e -> e.getValue().startsWith("http"))
                .mapToDouble(e -> started.getOrDefault(e.getKey(), Double.MAX_VALUE)).min().orElse(0);
        long total = 0;
        int requests = 0;
        for (Map.Entry<String, String> request : urls.entrySet()) {
            if (!request.getValue().startsWith("http")) {
                continue; // about:blank, data: URLs
            }
            long size = local.contains(request.getKey()) ? 0 : bytes.getOrDefault(request.getKey(), 0L);
            total += size;
            requests++;
            String name = request.getValue().replaceFirst("^https?://[^/]+", "");
            String timing = String.format(java.util.Locale.ROOT, "%d B, %.2f-%.2f s", size,
                    started.getOrDefault(request.getKey(), origin) - origin,
                    finished.getOrDefault(request.getKey(), origin) - origin);
            perResource.merge(name, timing, (a, b) -> a + " + " + b);
        }
        return new Visit(requests, total / 1024.0, seconds, perResource);
    }

    private static boolean flag(JsonObject object, String name) {
        return object.has(name) && object.get(name).getAsBoolean();
    }

    /** The session cookie set on the platform's origin, as after signing in on an earlier day. */
    private static void signedIn(ChromeDriver browser, String base, String cookie) {
        browser.get(base + "/api/v1/health");
        String[] pair = cookie.split("=", 2);
        browser.manage().addCookie(new Cookie(pair[0], pair[1], "/"));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
    }

    private static void throttle(ChromeDriver browser, Link link) {
        if (link.kilobitsPerSecond() == 0) {
            return;
        }
        double bytesPerSecond = link.kilobitsPerSecond() * 1000 / 8.0;
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                "latency", link.latencyMillis(), "downloadThroughput", bytesPerSecond,
                "uploadThroughput", bytesPerSecond));
    }

    private static ChromeDriver newBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=es-MX", "--window-size=1024,800",
                "--user-data-dir=" + Files.createTempDirectory("cte-cold-load"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
