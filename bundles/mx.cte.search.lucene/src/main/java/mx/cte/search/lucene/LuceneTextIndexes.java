package mx.cte.search.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mx.cte.search.api.TextIndex;
import mx.cte.search.api.TextIndexes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The indexes live under {@code data/cte/search/<name>} of the Karaf instance, beside the embedded database. */
@Component(service = TextIndexes.class)
public final class LuceneTextIndexes implements TextIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneTextIndexes.class);

    private final Path base;
    private final Map<String, LuceneTextIndex> open = new HashMap<>();

    @Activate
    public LuceneTextIndexes() {
        this(Path.of(System.getProperty("karaf.data", "data"), "cte", "search"));
    }

    /** Indexes under {@code base}, outside OSGi: for tests and the benchmark harness. */
    public LuceneTextIndexes(Path base) {
        this.base = base;
    }

    @Override
    public synchronized TextIndex open(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("An index name is lower-case letters, digits and hyphens: " + name);
        }
        return open.computeIfAbsent(name, n -> {
            try {
                LuceneTextIndex index = new LuceneTextIndex(base.resolve(n));
                LOG.info("Search index {} open with {} documents", n, index.count());
                return index;
            } catch (IOException e) {
                throw new IllegalStateException("Cannot open the search index " + n + " under " + base, e);
            }
        });
    }

    @Deactivate
    public synchronized void close() {
        open.forEach((name, index) -> {
            try {
                index.close();
            } catch (IOException e) {
                LOG.warn("Closing the search index {} failed", name, e);
            }
        });
        open.clear();
    }
}
