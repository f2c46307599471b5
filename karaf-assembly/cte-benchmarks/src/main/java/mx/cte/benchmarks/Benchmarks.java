package mx.cte.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import mx.cte.audit.api.AuditLog;
import mx.cte.catalogue.api.ResourceQuery;
import mx.cte.catalogue.impl.CatalogueService;
import mx.cte.exchange.api.Matching;
import mx.cte.exchange.impl.ExchangeService;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.State;
import mx.cte.schools.api.Zone;
import mx.cte.schools.api.ZoneId;
import mx.cte.search.lucene.LuceneTextIndexes;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.impl.DatabaseService;
import mx.cte.storage.testing.TestDatabases;

/**
 * The search benchmarks of the catalogue and the exchange, on the modules' own services with the embedded H2 (as the
 * distribution runs it, behind a HikariCP pool) and Lucene on disk:
 * <ol>
 * <li>catalogue search: a state-wide shared catalogue of 100,000 resources, searched from a school and across the
 * state (target: well under 100 ms);</li>
 * <li>exchange matching: a state of 25,000 schools with published Spanish problem statements, every school's closest
 * peers and the groups (target: under 60 s), and one zone of 50 schools (target: under 100 ms).</li>
 * </ol>
 * Sizes can be lowered for a quick look: {@code -Dcte.bench.resources=10000 -Dcte.bench.schools=2500}.
 */
public final class Benchmarks {

    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";
    private static final State STATE = State.byCode("15").orElseThrow();
    private static final List<String> REPORT = new ArrayList<>();

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmarks");
        Files.createDirectories(out);
        int resources = Integer.getInteger("cte.bench.resources", 100_000);
        int schools = Integer.getInteger("cte.bench.schools", 25_000);
        line("CTE benchmarks, " + OffsetDateTime.now(ZoneOffset.UTC).withNano(0) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        java.util.Set<String> parts = java.util.Set.of(System.getProperty("cte.bench.parts", "load,postgres,cluster,searchlog,robustness,catalogue,exchange,coldload")
                .split(","));
        if (parts.contains("load")) {
            line("");
            line("1, 3. CTE-day load against the assembled distribution (wrk -t2, "
                    + Integer.getInteger("cte.bench.seconds", 15) + " s per run), boot time and memory");
            new CteDayLoad(Benchmarks::line, out.resolve("load"), Integer.getInteger("cte.bench.load.schools", 2000),
                    Integer.getInteger("cte.bench.load.writers", 200), Integer.getInteger("cte.bench.seconds", 15))
                    .run(Path.of(System.getProperty("cte.distribution.archive")));
        }
        if (parts.contains("postgres")) {
            line("");
            line("5. The CTE-day load (read-only and mixed) with the platform on PostgreSQL");
            new CteDayLoad(Benchmarks::line, out.resolve("load-postgres"),
                    Integer.getInteger("cte.bench.load.schools", 2000), Integer.getInteger("cte.bench.load.writers", 200),
                    Integer.getInteger("cte.bench.seconds", 15))
                    .runOnPostgres(Path.of(System.getProperty("cte.distribution.archive")));
        }
        if (parts.contains("cluster")) {
            line("");
            line("7. Several nodes: the CTE-day load through HAProxy with 1 to " + Integer.getInteger(
                    "cte.bench.nodes", 3) + " nodes on one PostgreSQL (wrk -t2, 64 connections)");
            new CteDayLoad(Benchmarks::line, out.resolve("cluster"), Integer.getInteger("cte.bench.load.schools", 2000),
                    Integer.getInteger("cte.bench.load.writers", 200), Integer.getInteger("cte.bench.seconds", 15))
                    .runCluster(Path.of(System.getProperty("cte.distribution.archive")),
                            Integer.getInteger("cte.bench.nodes", 3));
        }
        if (parts.contains("searchlog")) {
            line("");
            line("8. The search indexes' change log on PostgreSQL (durable commits): what a write pays, what a"
                    + " following node spends");
            new SearchChangeLog(Benchmarks::line, out.resolve("search-log"), Integer.getInteger(
                    "cte.bench.searchlog.writes", 1000)).run();
        }
        if (parts.contains("robustness")) {
            new HostileInput(Benchmarks::line, out.resolve("robustness"))
                    .run(Path.of(System.getProperty("cte.distribution.archive")));
            new CrashRounds(Benchmarks::line, out.resolve("crashes"), Integer.getInteger("cte.bench.crashes", 20))
                    .run(Path.of(System.getProperty("cte.distribution.archive")));
        }
        if (parts.contains("catalogue")) {
            catalogueSearch(out, resources);
        }
        if (parts.contains("exchange")) {
            exchangeMatching(out, schools);
        }
        if (parts.contains("coldload")) {
            line("");
            line("6. The session screen loaded cold by a school on a slow link (Chromium, DevTools throttling)");
            new ColdLoad(Benchmarks::line, out.resolve("cold-load"))
                    .run(Path.of(System.getProperty("cte.distribution.archive")));
        }
        Files.write(out.resolve("report.txt"), REPORT);
        System.out.println("Report written to " + out.resolve("report.txt"));
        System.exit(0);
    }

    private static void line(String text) {
        System.out.println(text);
        REPORT.add(text);
    }

    // ---------------------------------------------------------------- fixtures

    private static Database database() {
        HikariConfig config = new HikariConfig();
        config.setDataSource(TestDatabases.freshDataSource(DatabaseKind.H2));
        config.setMaximumPoolSize(4);
        return new DatabaseService(new HikariDataSource(config));
    }

    /** The benchmark's presentations carry no texts stored before texts were kept per activity: no guide is asked. */
    private static final mx.cte.guide.api.GuideRegistry NO_GUIDES = (mx.cte.guide.api.GuideRegistry) Proxy
            .newProxyInstance(Benchmarks.class.getClassLoader(), new Class<?>[] {mx.cte.guide.api.GuideRegistry.class},
                    (proxy, method, arguments) -> {
                        throw new UnsupportedOperationException("no guide in the exchange benchmark");
                    });

    private static final AuditLog AUDIT = (AuditLog) Proxy.newProxyInstance(Benchmarks.class.getClassLoader(),
            new Class<?>[] {AuditLog.class}, (proxy, method, arguments) -> null);

    /** A state of {@code count} preescolar schools in zones of 20, and one more zone of 50. */
    private static Directory state(int count) {
        Directory directory = new Directory();
        String[] funding = {"E", "D", "P", "K", "B"};
        for (int i = 0; i < count + 50; i++) {
            Cct cct = Cct.parse("15" + funding[i / 10_000] + "JN" + String.format("%04d", i % 10_000) + "A");
            int zone = i < count ? i / 20 + 1 : count / 20 + 2;
            ZoneId zoneId = new ZoneId(STATE, Level.PREESCOLAR, zone);
            School school = new School(cct, "Jardín de Niños " + i, "Municipio " + zone, Level.PREESCOLAR, zoneId,
                    Shift.MATUTINO, false, List.of(), 1);
            directory.schools.put(cct, school);
            directory.zones.computeIfAbsent(zoneId, z -> new ArrayList<>()).add(school);
        }
        return directory;
    }

    /** The directory's questions the benchmarks ask, from memory. */
    static final class Directory {
        final Map<Cct, School> schools = new HashMap<>();
        final Map<ZoneId, List<School>> zones = new LinkedHashMap<>();

        SchoolDirectory service() {
            return (SchoolDirectory) Proxy.newProxyInstance(Benchmarks.class.getClassLoader(),
                    new Class<?>[] {SchoolDirectory.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "school" -> Optional.ofNullable(schools.get(args[0]));
                        case "schools" -> zones.getOrDefault(args[0], List.of());
                        case "zones" -> zones.entrySet().stream().map(e -> new Zone(e.getKey(), e.getValue().size()))
                                .toList();
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    static String percentiles(List<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d timed)",
                at(sorted, 0.50) / 1000.0, at(sorted, 0.95) / 1000.0, at(sorted, 0.99) / 1000.0,
                sorted[sorted.length - 1] / 1000.0, sorted.length);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    // ---------------------------------------------------------------- 1. catalogue search

    private static void catalogueSearch(Path out, int count) throws Exception {
        line("");
        line("== Catalogue search: a state-wide shared catalogue of " + count + " resources ==");
        Directory directory = state(5_000);
        Database database = database();
        LuceneTextIndexes indexes = new LuceneTextIndexes(Files.createTempDirectory(out, "catalogue-index"));
        new CatalogueService(database, directory.service(), AUDIT, indexes.open("catalogue"), Clock.systemUTC());
        List<Cct> owners = new ArrayList<>(directory.schools.keySet());
        owners.sort(java.util.Comparator.comparing(Cct::value));
        Random random = new Random(15);
        long loadStarted = System.nanoTime();
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO catalogue_resource (cct, title,"
                    + " kind, author, location, description, grades, areas, session_key, shared, withdrawn,"
                    + " proposed_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, FALSE, ?, ?, 1)")) {
                for (int i = 0; i < count; i++) {
                    SpanishCorpus.Area area = SpanishCorpus.pick(random, SpanishCorpus.AREAS);
                    String topic = SpanishCorpus.pick(random, SpanishCorpus.RESOURCE_TOPICS);
                    insert.setString(1, SpanishCorpus.pick(random, owners).value());
                    insert.setString(2, Character.toUpperCase(topic.charAt(0)) + topic.substring(1) + " para "
                            + area.name().toLowerCase(Locale.ROOT) + " " + (i % 97 + 1));
                    insert.setString(3, SpanishCorpus.pick(random, SpanishCorpus.RESOURCE_KINDS));
                    insert.setString(4, "Colectivo docente " + (i % 500));
                    insert.setString(5, "Biblioteca de aula");
                    insert.setString(6, "Sirve cuando " + SpanishCorpus.pick(random, SpanishCorpus.SUBJECTS)
                            .toLowerCase(Locale.ROOT) + " " + SpanishCorpus.pick(random, area.problems()) + "; se usa en "
                            + SpanishCorpus.pick(random, SpanishCorpus.ACTIONS) + ".");
                    insert.setString(7, String.valueOf(1 + random.nextInt(3)));
                    insert.setString(8, area.name());
                    insert.setString(9, SESSION);
                    insert.setString(10, "docente");
                    insert.setObject(11, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.addBatch();
                    if (i % 5_000 == 4_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
        line(String.format(Locale.ROOT, "rows written in %.1f s", (System.nanoTime() - loadStarted) / 1e9));
        long indexStarted = System.nanoTime();
        CatalogueService catalogue = new CatalogueService(database, directory.service(), AUDIT,
                indexes.open("catalogue"), Clock.systemUTC());
        line(String.format(Locale.ROOT, "index rebuilt from the tables in %.1f s (%d documents)",
                (System.nanoTime() - indexStarted) / 1e9, indexes.open("catalogue").count()));
        List<String> queries = List.of("matematico", "lecturas", "conteo", "cuentos narrar", "convivencia juegos",
                "laminas describir", "figuras geometricas", "rimas", "lectura en voz alta", "memorama numeros", "");
        for (boolean stateWide : List.of(false, true)) {
            for (int warm = 0; warm < 50; warm++) {
                catalogue.search(SpanishCorpus.pick(random, owners), new ResourceQuery(SpanishCorpus.pick(random,
                        queries), null, 0, "", "", "", stateWide, 0, 20));
            }
            List<Long> micros = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < 400; i++) {
                int grade = i % 4;
                var page = catalogue.search(SpanishCorpus.pick(random, owners), new ResourceQuery(queries.get(
                        i % queries.size()), null, grade, "", "", "", stateWide, 0, 20));
                micros.add(page.micros());
                total += page.total();
            }
            line((stateWide ? "state-wide (" : "one school's catalogue (") + "search, filters, facets, first page"
                    + " loaded): " + percentiles(micros) + String.format(Locale.ROOT, ", %.0f matches on average",
                            total / 400.0));
        }
        indexes.close();
    }

    // ---------------------------------------------------------------- 2. exchange matching

    private static void exchangeMatching(Path out, int count) throws Exception {
        line("");
        line("== Exchange matching: a state of " + count + " schools with published problem statements ==");
        Directory directory = state(count);
        Database database = database();
        LuceneTextIndexes indexes = new LuceneTextIndexes(Files.createTempDirectory(out, "exchange-index"));
        new ExchangeService(database, directory.service(), AUDIT, indexes, NO_GUIDES);
        Random random = new Random(2016);
        long loadStarted = System.nanoTime();
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exchange_presentation (cct,"
                    + " session_key, zone_key, problem, causes, actions, results, practices, areas, grades,"
                    + " published_at, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, 1)")) {
                int written = 0;
                for (School school : directory.schools.values()) {
                    presentation(insert, school, random);
                    insert.addBatch();
                    if (++written % 5_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw e;
            }
            return null;
        });
        line(String.format(Locale.ROOT, "%d presentations written in %.1f s", directory.schools.size(),
                (System.nanoTime() - loadStarted) / 1e9));
        long indexStarted = System.nanoTime();
        ExchangeService exchange = new ExchangeService(database, directory.service(), AUDIT, indexes, NO_GUIDES);
        line(String.format(Locale.ROOT, "index rebuilt from the tables in %.1f s", (System.nanoTime() - indexStarted)
                / 1e9));

        ZoneId bigZone = new ArrayList<>(directory.zones.keySet()).get(directory.zones.size() - 1);
        List<Long> zoneMicros = new ArrayList<>();
        Matching zone = null;
        // 200 timed runs, so that a few slow ones do not make the p99; the collector's share is reported with them.
        long gcMillisBefore = 0;
        for (int i = 0; i < 220; i++) {
            if (i == 20) {
                gcMillisBefore = collectorMillis();
            }
            long started = System.nanoTime();
            zone = exchange.suggestZone(bigZone, SESSION, 3);
            if (i >= 20) {
                zoneMicros.add((System.nanoTime() - started) / 1000);
            }
        }
        long overTarget = zoneMicros.stream().filter(micros -> micros >= 100_000).count();
        line("one zone of " + directory.zones.get(bigZone).size() + " schools, after 20 warm-up runs: "
                + percentiles(zoneMicros) + ", " + overTarget + " runs of 100 ms or more, " + (collectorMillis()
                - gcMillisBefore) + " ms in the garbage collector during them; " + zone.groups().size()
                + " groups, " + zone.pairs().size() + " pairs scored");

        long started = System.nanoTime();
        Matching state = exchange.suggestState(STATE, SESSION, 3);
        double seconds = (System.nanoTime() - started) / 1e9;
        int grouped = state.groups().stream().mapToInt(g -> g.schools().size()).sum();
        line(String.format(Locale.ROOT, "the whole state: %.1f s for every school's top-5 peers and the groups:"
                + " %d pairs scored, %d groups, %d schools grouped, %d without a match",
                seconds, state.pairs().size(), state.groups().size(), grouped, state.unmatched().size()));
        state.groups().stream().limit(1).forEach(g -> line("  best group " + g.schools() + ": " + g.reasons()));
        indexes.close();
    }

    private static long collectorMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static void presentation(PreparedStatement insert, School school, Random random) throws SQLException {
        TreeSet<String> areas = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < 1 + random.nextInt(2); k++) {
            SpanishCorpus.Area area = SpanishCorpus.pick(random, SpanishCorpus.AREAS);
            areas.add(area.name());
            problems.add(SpanishCorpus.pick(random, SpanishCorpus.SUBJECTS) + " " + SpanishCorpus.pick(random,
                    area.problems()) + ".");
        }
        TreeSet<Integer> grades = new TreeSet<>();
        grades.add(1 + random.nextInt(3));
        if (random.nextBoolean()) {
            grades.add(1 + random.nextInt(3));
        }
        insert.setString(1, school.cct().value());
        insert.setString(2, SESSION);
        insert.setString(3, school.zone().key());
        insert.setString(4, String.join(" ", problems));
        insert.setString(5, "Creemos que " + SpanishCorpus.pick(random, SpanishCorpus.CAUSES) + " y que "
                + SpanishCorpus.pick(random, SpanishCorpus.CAUSES) + ".");
        insert.setString(6, "Hemos probado " + SpanishCorpus.pick(random, SpanishCorpus.ACTIONS) + " y "
                + SpanishCorpus.pick(random, SpanishCorpus.ACTIONS) + ".");
        insert.setString(7, SpanishCorpus.pick(random, SpanishCorpus.RESULTS) + ".");
        insert.setString(8, String.join("|", areas));
        insert.setString(9, grades.stream().map(String::valueOf).collect(Collectors.joining(",")));
        insert.setObject(10, OffsetDateTime.now(ZoneOffset.UTC));
        insert.setString(11, "directora");
        insert.setObject(12, OffsetDateTime.now(ZoneOffset.UTC));
    }

}
