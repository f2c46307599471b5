package mx.cte.storage.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import org.h2.mvstore.MVStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the embedded database's file while the platform runs. Every durable commit (the platform's H2 URL has
 * {@code WRITE_DELAY=0}) writes a new chunk to the file holding the pages it changed, and H2 then runs no background
 * housekeeping: chunks that keep a few live pages are never rewritten, so the file grew by some 50 MB a second under
 * the CTE-day load, and the store kept every chunk's description on the heap (docs/performance.md). This does what
 * H2's own housekeeping does with a write delay: it rewrites the live pages of the emptiest chunks, a bounded amount
 * at a time, so that their space is used again. Nothing is done on PostgreSQL.
 */
@Component(configurationPid = "mx.cte.storage.h2")
public final class H2StoreUpkeep {

    static final long DEFAULT_EVERY_MILLIS = 1_000;
    static final int DEFAULT_FILL_RATE = 90;
    static final int DEFAULT_FILL_RATE_WHILE_WRITING = 60;
    static final int DEFAULT_WRITE_BYTES = 1 << 20;

    /** Optional settings, {@code etc/mx.cte.storage.h2.cfg}; see docs/operations.md. */
    public @interface Config {
        /** How often the file is looked at; 0 turns the upkeep off. */
        long h2CompactEveryMillis() default DEFAULT_EVERY_MILLIS;

        /** Chunks are rewritten while less than this percentage of the file's chunks is live data. */
        int h2CompactFillRate() default DEFAULT_FILL_RATE;

        /**
         * The same while commits go on: rewriting a chunk that is mostly live costs about as much as it gives back,
         * and takes the CPU from the writes (docs/performance.md); the quiet moments after bring the file up to
         * {@link #h2CompactFillRate}.
         */
        int h2CompactFillRateWhileWriting() default DEFAULT_FILL_RATE_WHILE_WRITING;

        /** At most this many bytes of live pages are moved each time, so that commits never wait long. */
        int h2CompactWriteBytes() default DEFAULT_WRITE_BYTES;
    }

    private static final Logger LOG = LoggerFactory.getLogger(H2StoreUpkeep.class);

    private final DataSource dataSource;
    private final int fillRate;
    private final int fillRateWhileWriting;
    private final int writeBytes;
    /** The store's version at the end of the last look: another one now means commits came in between. */
    private long versionSeen = -1;
    private ScheduledExecutorService timer;
    private MVStore store;
    private boolean givenUp;
    private String lastFailure;

    @Activate
    public H2StoreUpkeep(@Reference Database database,
            @Reference(target = "(dataSourceName=cte)") DataSource dataSource, Config config) {
        this(dataSource, config.h2CompactFillRate(), config.h2CompactFillRateWhileWriting(),
                config.h2CompactWriteBytes());
        long every = config.h2CompactEveryMillis();
        if (database.kind() != DatabaseKind.H2 || every <= 0) {
            LOG.info("Embedded database upkeep off ({})", database.kind() != DatabaseKind.H2
                    ? "the database is " + database.kind() : "h2CompactEveryMillis = " + every);
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cte-h2-upkeep");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::compactOnce, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Embedded database upkeep every {} ms: chunks rewritten below {} % live ({} % while commits go on),"
                + " {} KB at a time", every, fillRate, fillRateWhileWriting, writeBytes / 1024);
    }

    /** Without a timer: tests call {@link #compactOnce} themselves. */
    H2StoreUpkeep(DataSource dataSource, int fillRate, int fillRateWhileWriting, int writeBytes) {
        this.dataSource = dataSource;
        this.fillRate = Math.max(1, Math.min(100, fillRate));
        this.fillRateWhileWriting = Math.max(1, Math.min(this.fillRate, fillRateWhileWriting));
        this.writeBytes = Math.max(64 * 1024, writeBytes);
    }

    @Deactivate
    void stop() throws InterruptedException {
        if (timer != null) {
            timer.shutdownNow();
            timer.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** One look at the file; package-visible for tests. Returns whether chunks were rewritten. */
    boolean compactOnce() {
        if (givenUp) {
            return false;
        }
        try {
            MVStore current = currentStore();
            if (current == null) {
                return false;
            }
            boolean writing = current.getCurrentVersion() != versionSeen;
            boolean compacted = current.compact(writing ? fillRateWhileWriting : fillRate, writeBytes);
            if (compacted) {
                // The moved pages reach the file with the next commit; when the platform is quiet there is none.
                current.commit();
            }
            versionSeen = current.getCurrentVersion();
            lastFailure = null;
            return compacted;
        } catch (SQLException | RuntimeException e) {
            // The next look tries again: the database may be closing for a restore, or this one commit failed. The
            // same failure again is not logged again every second.
            String failure = e.toString();
            if (!failure.equals(lastFailure)) {
                LOG.warn("Embedded database upkeep: {}", failure);
            }
            lastFailure = failure;
            store = null;
            return false;
        } catch (LinkageError e) {
            givenUp = true;
            LOG.warn("Embedded database upkeep stopped, the H2 in use does not offer it: {}", e.toString());
            return false;
        }
    }

    private MVStore currentStore() throws SQLException {
        MVStore known = store;
        if (known != null && !known.isClosed()) {
            return known;
        }
        try (Connection connection = dataSource.getConnection()) {
            store = H2Stores.of(connection);
            return store;
        } catch (IllegalStateException notEmbedded) {
            givenUp = true;
            LOG.warn("Embedded database upkeep stopped: {}", notEmbedded.getMessage());
            return null;
        }
    }
}
