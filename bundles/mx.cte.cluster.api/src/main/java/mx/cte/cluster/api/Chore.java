package mx.cte.cluster.api;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A clean-up asked for from a busy path (a sign-in, a request) and done now and then: at most once per interval on
 * this node and, when several nodes share the database, once per interval for the whole installation
 * ({@link Cluster#runOncePer}), away from the caller's thread and its transaction.
 */
public final class Chore {

    private final String job;
    private final Duration interval;
    private final Runnable task;
    private final AtomicLong nextAt = new AtomicLong();

    /**
     * @param job      the job's name, the same on every node
     * @param interval how often at most
     * @param task     the clean-up; it must be harmless to run again
     */
    public Chore(String job, Duration interval, Runnable task) {
        this.job = job;
        this.interval = interval;
        this.task = task;
    }

    /**
     * Runs the task when this node's interval has passed: on this thread when the node is alone ({@code cluster} null
     * or not clustered), otherwise in the background and only where no node ran it within the interval.
     */
    public void maybeRun(Instant now, Supplier<Cluster> cluster) {
        long due = nextAt.get();
        if (now.toEpochMilli() < due || !nextAt.compareAndSet(due, now.plus(interval).toEpochMilli())) {
            return;
        }
        Cluster nodes = cluster.get();
        if (nodes == null || !nodes.clustered()) {
            task.run();
            return;
        }
        CompletableFuture.runAsync(() -> nodes.runOncePer(job, interval, task)).exceptionally(failure -> {
            System.getLogger(Chore.class.getName()).log(System.Logger.Level.WARNING, "Job " + job
                    + " failed; asked again after " + interval, failure);
            return null;
        });
    }
}
