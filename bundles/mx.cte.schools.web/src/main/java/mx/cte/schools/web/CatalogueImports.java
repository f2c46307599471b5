package mx.cte.schools.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.security.auth.Subject;
import mx.cte.schools.api.ImportReport;
import mx.cte.schools.api.SchoolDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalogue imports started over HTTP run here, one at a time, so that a client can follow a long import (the
 * national catalogue has about 225,000 schools) instead of waiting on one request. The last imports are kept in
 * memory to be read back.
 */
@Component(service = CatalogueImports.class)
public final class CatalogueImports {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueImports.class);
    private static final int KEPT = 20;

    /** An import's state as it runs; {@code report} is set once it has finished. */
    public static final class Job {
        final String id = UUID.randomUUID().toString();
        final String source;
        final String startedBy;
        final Instant startedAt = Instant.now();
        volatile String phase = "en espera";
        volatile int done;
        volatile int total = -1;
        volatile ImportReport report;
        volatile String failure;

        Job(String source, String startedBy) {
            this.source = source;
            this.startedBy = startedBy;
        }
    }

    private final SchoolDirectory directory;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "cte-catalogue-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    @Activate
    public CatalogueImports(@Reference SchoolDirectory directory) {
        this.directory = directory;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Starts the import as the current JAAS subject, so that the audit log names who imported. */
    @SuppressWarnings("removal")
    Job start(Path csv, String source, String startedBy) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        Job job = new Job(source, startedBy);
        synchronized (jobs) {
            jobs.put(job.id, job);
            while (jobs.size() > KEPT) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        executor.submit(() -> {
            PrivilegedAction<ImportReport> work = () -> directory.importCatalogue(csv, source,
                    (phase, done, total) -> {
                        job.phase = phase;
                        job.done = done;
                        job.total = total;
                    });
            try {
                job.report = subject == null ? work.run() : Subject.doAs(subject, work);
            } catch (RuntimeException e) {
                job.failure = "La importación falló: " + e.getMessage();
                LOG.error("Catalogue import {} of {} failed", job.id, source, e);
            } finally {
                try {
                    Files.deleteIfExists(csv);
                } catch (IOException e) {
                    LOG.warn("Uploaded catalogue {} could not be deleted", csv, e);
                }
            }
        });
        return job;
    }

    Optional<Job> job(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }
}
