package mx.cte.benchmarks;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * JSON, a 10 MB body, the same sent chunked (no length to check beforehand), invalid UTF-8, wrong types, SQL and
 * script injection, another school's CCT, path traversal, a forged CSRF token; the publishing API gets a zip-slip
 * bundle, an oversized file, and guides that hide or carry an activator; a multigrade collective with another school
 * that never agreed; an anonymous path that climbs out of the public guides. Issue 19 added the last ones and the
 * sign-in comparison: an unknown account and an existing one, guessed alike, must be answered alike. Counts answers by
 * status and reports every 5xx and every request that crossed a boundary (a 2xx for another school, an anonymous 2xx
 * outside the public paths, a guide with code installed).
 */
final class HostileInput {

    private static final String OWN = "15EJN0101A";
    private static final String OTHER = "15EJN0102B";
    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";

    private final Consumer<String> report;
    private final Path out;

    HostileInput(Consumer<String> report, Path out) {
        this.report = report;
        this.out = out;
    }

    /** A request of the corpus and what it must not do. */
    record Probe(String what, String method, String path, byte[] body, String contentType, boolean otherSchool,
            boolean forgedCsrf, boolean chunked, boolean anonymous) {

        Probe(String what, String method, String path, byte[] body, String contentType, boolean otherSchool,
                boolean forgedCsrf) {
            this(what, method, path, body, contentType, otherSchool, forgedCsrf, false, false);
        }
    }

    void run(Path archive) throws Exception {
        try (Distribution karaf = Distribution.unpack(archive, out.resolve("distribution"))) {
            karaf.start();
            ApiClient teacher = ApiClient.demo(karaf, "docente.ana");
            ApiClient publisher = ApiClient.demo(karaf, "publicador.edomex");
            List<Probe> probes = corpus();
            Map<Integer, Integer> byStatus = new LinkedHashMap<>();
            List<String> failures = new ArrayList<>();
            List<String> crossed = new ArrayList<>();
            ApiClient anonymous = new ApiClient(karaf.baseUrl());
            for (Probe probe : probes) {
                Answer answer = send(probe.anonymous() ? anonymous
                        : probe.path().startsWith("/api/v1/guide-bundles") ? publisher : teacher, probe);
                byStatus.merge(answer.status(), 1, Integer::sum);
                if (answer.status() >= 500) {
                    failures.add(answer.status() + " " + probe.what() + " " + probe.method() + " " + probe.path()
                            + ": " + answer.body().substring(0, Math.min(200, answer.body().length())));
                }
                if ((probe.otherSchool() || probe.anonymous()) && answer.status() < 300) {
                    crossed.add(probe.what() + " " + probe.method() + " " + probe.path());
                }
                if (probe.forgedCsrf() && answer.status() != 403) {
                    crossed.add("forged CSRF accepted: " + probe.method() + " " + probe.path() + " → "
                            + answer.status());
                }
            }
            String installed = karaf.shell(List.of("bundle:list -s -t 0"));
            if (installed.contains("hostil.intruso")) {
                crossed.add("a guide bundle with code stayed installed: " + installed.lines()
                        .filter(l -> l.contains("hostil.intruso")).toList());
            }
            List<String> telling = signInsThatTell(karaf.baseUrl());
            crossed.addAll(telling);
            boolean alive = teacher.send("GET", "/api/v1/health", null, null).statusCode() == 200;
            report.accept("");
            report.accept("6. Hostile input: " + probes.size() + " requests to " + probes.stream()
                    .map(p -> p.method() + " " + p.path().replaceAll("\\?.*", "")).distinct().count()
                    + " endpoint paths; answers by status " + byStatus);
            report.accept("  5xx: " + failures.size() + " (target 0)" + (failures.isEmpty() ? "" : ":"));
            failures.forEach(f -> report.accept("    " + f));
            report.accept("  requests that crossed a school boundary or passed a forged CSRF token: " + crossed.size()
                    + " (target 0)" + (crossed.isEmpty() ? "" : ":"));
            crossed.forEach(c -> report.accept("    " + c));
            report.accept("  sign-in guesses at an existing and an unknown account answered differently: "
                    + telling.size() + " (target 0)");
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
            byte[] tenMegabytes = ("{\"texto\": \"" + "a".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            probes.add(new Probe("10 MB", "POST", own, tenMegabytes, "application/json", false, false));
            probes.add(new Probe("10 MB chunked", "POST", own, tenMegabytes, "application/json", false, false, true,
                    false));
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
        String guide = "{\"schemaVersion\": 1, \"id\": {\"publisher\": \"15\"}}";
        probes.add(new Probe("hidden activator", "POST", "/api/v1/guide-bundles",
                mx.cte.content.guard.testing.DisguisedJars.guideWithHiddenActivator("hostil.intruso.oculto", "1.0.0",
                        guide), "application/java-archive", false, false));
        probes.add(new Probe("activator", "POST", "/api/v1/guide-bundles",
                mx.cte.content.guard.testing.DisguisedJars.guideWithActivator("hostil.intruso.abierto", "1.0.0",
                        guide), "application/java-archive", false, false));
        probes.add(json("multigrade collective never agreed", "GET", "/api/v1/results/collective?escuelas=" + OWN
                + "," + OTHER + "&periodo=2016-11", null, true));
        probes.add(json("multigrade prefill never agreed", "POST", "/api/v1/results/" + OWN + "/concentrate/prefill",
                "{\"periodo\": \"2016-11\", \"colectivo\": [\"" + OTHER + "\"]}", true));
        for (String climbing : List.of("/api/v1/guides/../logbook/" + OWN + "/agreements?sesion=" + SESSION,
                "/api/v1/guides/%2e%2e/schools/" + OWN, "/api/v1/health/../schools/" + OWN,
                "/api/v1/session/..;/schools/" + OWN)) {
            probes.add(new Probe("climbs out of a public path", "GET", climbing, null, null, false, false, false,
                    true));
        }
        probes.add(new Probe("chunked sign-in past the limit", "POST", "/api/v1/session",
                " ".repeat(3 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII), "application/json", false, false,
                true, true));
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

    /** An answer's status and body; 499 when the server closed the connection instead of answering. */
    private record Answer(int status, String body) {
    }

    /**
     * Five wrong passwords for an existing account and for an unknown one, from this address: every answer must be
     * the same for both (status and text), or the answers tell which accounts exist.
     */
    private static List<String> signInsThatTell(String base) throws Exception {
        List<String> telling = new ArrayList<>();
        ApiClient anonymous = new ApiClient(base);
        for (int i = 1; i <= 6; i++) {
            HttpResponse<String> known = anonymous.send("POST", "/api/v1/session", "{\"usuario\": \"publicador.edomex\","
                    + " \"contrasena\": \"adivinanza-" + i + "\"}", "application/json");
            HttpResponse<String> unknown = anonymous.send("POST", "/api/v1/session", "{\"usuario\":"
                    + " \"nadie.hostil\", \"contrasena\": \"adivinanza-" + i + "\"}", "application/json");
            if (known.statusCode() != unknown.statusCode()
                    || !detail(known.body()).equals(detail(unknown.body()))) {
                telling.add("sign-in guess " + i + ": existing " + known.statusCode() + " " + detail(known.body())
                        + ", unknown " + unknown.statusCode() + " " + detail(unknown.body()));
            }
        }
        return telling;
    }

    private static String detail(String problem) {
        try {
            return com.google.gson.JsonParser.parseString(problem).getAsJsonObject().get("detail").getAsString();
        } catch (RuntimeException notAProblem) {
            return problem;
        }
    }

    private static Answer send(ApiClient as, Probe probe) throws Exception {
        try {
            HttpResponse<String> answer = probe.chunked()
                    ? as.sendChunked(probe.method(), probe.path(), probe.body(), probe.contentType())
                    : as.send(probe.method(), probe.path(), probe.body(), probe.contentType(),
                            probe.forgedCsrf() ? "falsificado" : as.csrf());
            return new Answer(answer.statusCode(), answer.body());
        } catch (java.io.IOException closed) {
            // A server may close the connection on a body it refuses to read; that is not a 5xx.
            return new Answer(499, String.valueOf(closed.getMessage()));
        }
    }
}
