package mx.cte.benchmarks;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Part 6 of issue 7, the hostile-input corpus: every writing endpoint of the modules gets malformed and deeply nested
 * JSON, a 10 MB body, invalid UTF-8, wrong types, SQL and script injection, another school's CCT, path traversal, a
 * forged CSRF token; the publishing API gets a zip-slip bundle and an oversized file. Counts answers by status and
 * reports every 5xx and every request that crossed a school boundary (a 2xx for another school).
 */
final class HostileInput {

    private static final String OWN = "15EJN0101A";
    private static final String OTHER = "15EJN0102B";
    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";

    private final Consumer<String> report;
    private final Path out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HostileInput(Consumer<String> report, Path out) {
        this.report = report;
        this.out = out;
    }

    /** A request of the corpus and what it must not do. */
    record Probe(String what, String method, String path, byte[] body, String contentType, boolean otherSchool,
            boolean forgedCsrf) {
    }

    void run(Path archive) throws Exception {
        try (Distribution karaf = Distribution.unpack(archive, out.resolve("distribution"))) {
            karaf.start();
            Session teacher = signIn(karaf, "docente.ana");
            Session publisher = signIn(karaf, "publicador.edomex");
            List<Probe> probes = corpus();
            Map<Integer, Integer> byStatus = new LinkedHashMap<>();
            List<String> failures = new ArrayList<>();
            List<String> crossed = new ArrayList<>();
            for (Probe probe : probes) {
                Session as = probe.path().startsWith("/api/v1/guide-bundles") ? publisher : teacher;
                HttpResponse<String> answer = send(karaf.baseUrl(), as, probe);
                byStatus.merge(answer.statusCode(), 1, Integer::sum);
                if (answer.statusCode() >= 500) {
                    failures.add(answer.statusCode() + " " + probe.what() + " " + probe.method() + " " + probe.path()
                            + ": " + answer.body().substring(0, Math.min(200, answer.body().length())));
                }
                if (probe.otherSchool() && answer.statusCode() < 300) {
                    crossed.add(probe.what() + " " + probe.method() + " " + probe.path());
                }
                if (probe.forgedCsrf() && answer.statusCode() != 403) {
                    crossed.add("forged CSRF accepted: " + probe.method() + " " + probe.path() + " → "
                            + answer.statusCode());
                }
            }
            boolean alive = http.send(HttpRequest.newBuilder(URI.create(karaf.baseUrl() + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            report.accept("");
            report.accept("6. Hostile input: " + probes.size() + " requests to " + probes.stream()
                    .map(p -> p.method() + " " + p.path().replaceAll("\\?.*", "")).distinct().count()
                    + " endpoint paths; answers by status " + byStatus);
            report.accept("  5xx: " + failures.size() + " (target 0)" + (failures.isEmpty() ? "" : ":"));
            failures.forEach(f -> report.accept("    " + f));
            report.accept("  requests that crossed a school boundary or passed a forged CSRF token: " + crossed.size()
                    + " (target 0)" + (crossed.isEmpty() ? "" : ":"));
            crossed.forEach(c -> report.accept("    " + c));
            report.accept("  platform healthy afterwards: " + alive);
        }
    }

    private List<Probe> corpus() throws Exception {
        String deadline = LocalDate.now().plusMonths(1).toString();
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("/api/v1/logbook/%s/agreements", "{\"sesion\": \"" + SESSION + "\", \"actividad\": 21, \"acuerdo\":"
                + " \"%s\", \"responsables\": [\"docente.ana\"], \"fechaLimite\": \"" + deadline + "\"}");
        writes.put("/api/v1/results/%s/expected", "{\"periodo\": \"2016-11\", \"grado\": 2, \"area\": \"Lenguaje\","
                + " \"resultado\": \"%s\"}");
        writes.put("/api/v1/results/%s/concentrate", "{\"periodo\": \"2016-11\", \"tipo\": \"desafio\", \"area\":"
                + " \"Lenguaje\", \"grados\": [2], \"texto\": \"%s\"}");
        writes.put("/api/v1/results/%s/groups/2/A/observations", "{\"periodo\": \"2016-11\", \"agente\": \"usaer\","
                + " \"texto\": \"%s\"}");
        writes.put("/api/v1/cards/%s", "{\"periodo\": \"2016-11\", \"sesion\": \"" + SESSION + "\", \"titulo\":"
                + " \"%s\", \"accionesAula\": \"x\", \"grados\": [2], \"semanas\": 2, \"responsables\": [\"docente.ana\"]}");
        writes.put("/api/v1/catalogue/%s/resources", "{\"titulo\": \"%s\", \"tipo\": \"lectura\", \"grados\": [2]}");
        writes.put("/api/v1/exchange/%s/texts/lluvia-ideas/contributions", "{\"sesion\": \"" + SESSION
                + "\", \"texto\": \"%s\"}");
        List<String> texts = List.of("'; DROP TABLE logbook_agreement; --", "\\\" OR 1=1 --",
                "<script>alert(document.cookie)</script>", "<img src=x onerror=alert(1)>", "../../../../etc/passwd",
                "\\u0000\\u0007 control", "ñandú ¿qué? ¡sí! 😀");
        List<Probe> probes = new ArrayList<>();
        for (Map.Entry<String, String> write : writes.entrySet()) {
            String own = String.format(write.getKey(), OWN);
            for (String text : texts) {
                probes.add(json("injection", "POST", own, String.format(write.getValue(), text), false));
            }
            probes.add(json("other school", "POST", String.format(write.getKey(), OTHER),
                    String.format(write.getValue(), "escrito en otra escuela"), true));
            probes.add(json("malformed JSON", "POST", own, "{\"periodo\": ", false));
            probes.add(json("not an object", "POST", own, "[1, 2, 3]", false));
            probes.add(json("wrong types", "POST", own, "{\"periodo\": 2016, \"grado\": \"dos\", \"sesion\": [],"
                    + " \"responsables\": \"docente.ana\", \"fechaLimite\": true, \"texto\": {}, \"titulo\": 5}", false));
            probes.add(json("deeply nested", "POST", own, "[".repeat(100_000) + "]".repeat(100_000), false));
            probes.add(json("10 MB", "POST", own, "{\"texto\": \"" + "a".repeat(10 * 1024 * 1024) + "\"}", false));
            probes.add(new Probe("invalid UTF-8", "POST", own, invalidUtf8(), "application/json", false, false));
            probes.add(new Probe("forged CSRF", "POST", own, String.format(write.getValue(), "x")
                    .getBytes(StandardCharsets.UTF_8), "application/json", false, true));
            probes.add(json("path traversal", "POST", own.replace(OWN, "..%2F..%2F" + OWN), "{}", false));
            probes.add(json("path traversal", "GET", own.replace(OWN, OWN + "/..%2F..%2F..%2Fetc%2Fpasswd"), null,
                    false));
        }
        for (String path : List.of("/api/v1/results/%s/expected?periodo=%s", "/api/v1/print/%s/concentrado.pdf?periodo=%s",
                "/api/v1/catalogue/%s/resources?q=%s", "/api/v1/cards/%s?q=%s",
                "/api/v1/logbook/%s/agreements?sesion=%s")) {
            for (String query : List.of("'%20OR%201%3D1--", "%3Cscript%3E", "%FF%FE", "9999-99", "..%2F..%2F")) {
                probes.add(json("query", "GET", String.format(path, OWN, query), null, false));
            }
            probes.add(json("other school", "GET", String.format(path, OTHER, "2016-11"), null, true));
        }
        probes.add(new Probe("zip-slip bundle", "POST", "/api/v1/guide-bundles", zipSlip(), "application/java-archive",
                false, false));
        probes.add(new Probe("oversized bundle", "POST", "/api/v1/guide-bundles", new byte[60 * 1024 * 1024],
                "application/java-archive", false, false));
        probes.add(new Probe("not a jar", "POST", "/api/v1/guide-bundles", "hola".getBytes(StandardCharsets.UTF_8),
                "application/java-archive", false, false));
        return probes;
    }

    private static Probe json(String what, String method, String path, String body, boolean otherSchool) {
        return new Probe(what, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                body == null ? null : "application/json", otherSchool, false);
    }

    private static byte[] invalidUtf8() {
        byte[] prefix = "{\"texto\": \"".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] suffix = "\"}".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(prefix);
        body.writeBytes(bad);
        body.writeBytes(suffix);
        return body.toByteArray();
    }

    /** A guide bundle whose second entry would be written outside any folder it is unpacked into. */
    private static byte[] zipSlip() throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "hostil.zip.slip");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("CTE-Guide", "../../../../tmp/guide.json");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("../../../../tmp/guide.json"));
            jar.write("{}".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    private record Session(String cookie, String csrf) {
    }

    private Session signIn(Distribution karaf, String username) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(karaf.baseUrl() + "/api/v1/session"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"usuario\": \"" + username + "\", \"contrasena\": \""
                        + karaf.demoPassword(username) + "\"}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = com.google.gson.JsonParser.parseString(answer.body()).getAsJsonObject().get("csrfToken")
                .getAsString();
        return new Session(answer.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0], csrf);
    }

    private HttpResponse<String> send(String base, Session as, Probe probe) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + probe.path()))
                .timeout(Duration.ofSeconds(60)).header("Cookie", as.cookie())
                .header("X-CSRF-Token", probe.forgedCsrf() ? "falsificado" : as.csrf())
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException closed) {
            // A server may close the connection on a body it refuses to read; that is not a 5xx. Record it as 499.
            return new ClosedAnswer(probe, closed.getMessage());
        }
    }

    /** What a connection closed by the server looks like in the counts. */
    private record ClosedAnswer(Probe probe, String message) implements HttpResponse<String> {
        @Override
        public int statusCode() {
            return 499;
        }

        @Override
        public HttpRequest request() {
            return null;
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        @Override
        public String body() {
            return String.valueOf(message);
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public URI uri() {
            return URI.create(probe.path());
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
