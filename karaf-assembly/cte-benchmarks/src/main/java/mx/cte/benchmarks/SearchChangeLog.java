package mx.cte.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import mx.cte.search.api.IndexedDocument;
import mx.cte.search.api.TextIndex;
import mx.cte.search.lucene.FollowingNodes;
import mx.cte.search.lucene.LuceneTextIndexes;
import mx.cte.storage.api.Database;
import mx.cte.storage.impl.DatabaseService;

/**
 * What the search indexes' change log costs on several nodes (ADR 0004), on PostgreSQL with durable commits: a
 * catalogue write (the module's row and the index) in its own unit of work with a node's own index and with a
 * following one (one more insert in the transaction); then what another node spends applying those writes, and what
 * its once-a-second look costs when nothing changed.
 */
final class SearchChangeLog {

    private final Consumer<String> report;
    private final Path out;
    private final int writes;

    SearchChangeLog(Consumer<String> report, Path out, int writes) {
        this.report = report;
        this.out = out;
        this.writes = writes;
    }

    void run() throws Exception {
        Files.createDirectories(out);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE cte");
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "cte"));
            config.setMaximumPoolSize(4);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                Database database = new DatabaseService(pool);
                database.inTransaction(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE TABLE bench_resource (id VARCHAR(20) PRIMARY KEY, title"
                                + " VARCHAR(300) NOT NULL, description VARCHAR(2000) NOT NULL)");
                    }
                    return null;
                });
                FollowingNodes.prepare(database);
                LuceneTextIndexes alone = new LuceneTextIndexes(Files.createTempDirectory(out, "solo"));
                LuceneTextIndexes nodeA = FollowingNodes.node(Files.createTempDirectory(out, "nodo-a"), database,
                        "a");
                LuceneTextIndexes nodeB = FollowingNodes.node(Files.createTempDirectory(out, "nodo-b"), database,
                        "b");
                try {
                    List<IndexedDocument> documents = documents(writes * 2 + 200);
                    // Warm-up of both paths (JIT, connections, Lucene's first segments), then the measured rounds.
                    timeWrites(database, alone.open("catalogo"), documents.subList(0, 100), "c");
                    timeWrites(database, nodeA.open("catalogo"), documents.subList(100, 200), "d");
                    FollowingNodes.follow(nodeB);
                    nodeB.open("catalogo");
                    FollowingNodes.follow(nodeB);
                    List<Long> plain = timeWrites(database, alone.open("catalogo"), documents.subList(200,
                            200 + writes), "e");
                    List<Long> logged = timeWrites(database, nodeA.open("catalogo"), documents.subList(200 + writes,
                            200 + 2 * writes), "f");
                    report.accept("  a catalogue write (its row and the index) per unit of work, one node's own"
                            + " index: " + Benchmarks.percentiles(plain));
                    report.accept("  the same with the index following the change log (one more insert): "
                            + Benchmarks.percentiles(logged));

                    long started = System.nanoTime();
                    FollowingNodes.follow(nodeB);
                    double applyMillis = (System.nanoTime() - started) / 1e6;
                    report.accept(String.format(Locale.ROOT, "  another node applies those %d changes in %.0f ms"
                            + " (%.2f ms per change); its copy holds the %d it followed (the writer's %d: it opened after"
                            + " the warm-up, which a module rebuilds from its tables)", writes, applyMillis,
                            applyMillis / writes, nodeB.open("catalogo").count(), nodeA.open("catalogo").count()));
                    List<Long> idle = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        long look = System.nanoTime();
                        FollowingNodes.follow(nodeB);
                        idle.add((System.nanoTime() - look) / 1000);
                    }
                    report.accept("  its once-a-second look when nothing changed: " + Benchmarks.percentiles(idle));
                } finally {
                    alone.close();
                    nodeA.close();
                    nodeB.close();
                }
            }
        }
    }

    /** Each document as a catalogue save does it: the row and the index in one unit of work, one commit each. */
    private static List<Long> timeWrites(Database database, TextIndex index, List<IndexedDocument> documents,
            String prefix) {
        List<Long> micros = new ArrayList<>();
        for (IndexedDocument document : documents) {
            long started = System.nanoTime();
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_resource (id,"
                        + " title, description) VALUES (?, ?, ?)")) {
                    insert.setString(1, prefix + document.id());
                    insert.setString(2, document.texts().get("titulo"));
                    insert.setString(3, document.texts().get("descripcion"));
                    insert.executeUpdate();
                }
                index.put(document);
                return null;
            });
            micros.add((System.nanoTime() - started) / 1000);
        }
        return micros;
    }

    private static List<IndexedDocument> documents(int count) {
        Random random = new Random(24);
        List<IndexedDocument> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SpanishCorpus.Area area = SpanishCorpus.pick(random, SpanishCorpus.AREAS);
            String topic = SpanishCorpus.pick(random, SpanishCorpus.RESOURCE_TOPICS);
            documents.add(new IndexedDocument(String.valueOf(i), Map.of("titulo", topic + " para "
                    + area.name().toLowerCase(Locale.ROOT), "descripcion", "Sirve cuando " + SpanishCorpus.pick(
                            random, SpanishCorpus.SUBJECTS).toLowerCase(Locale.ROOT) + " " + SpanishCorpus.pick(random,
                                    area.problems()) + "; se usa en " + SpanishCorpus.pick(random,
                                            SpanishCorpus.ACTIONS) + "."), Map.of("owner", List.of("15EJN"
                                                    + (i % 500)))));
        }
        return documents;
    }
}
