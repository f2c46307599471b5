package mx.cte.core.api.tasks;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stopping a component's own executor. Never with {@code shutdownNow()}: it interrupts the running task, and a thread
 * interrupted in the middle of H2's file I/O closes the file channel under the whole database (H2 then answers "The
 * database has been closed" to every module until a restart). A task that writes is let finish instead.
 */
public final class BackgroundTasks {

    private BackgroundTasks() {
    }

    /**
     * Takes no more tasks and waits up to {@code patience} for the running one to finish; after that it is left to
     * finish on its own (its thread should be a daemon).
     *
     * @return whether the executor finished within {@code patience}; when not, the caller says so in its log
     */
    public static boolean stop(ExecutorService executor, Duration patience) {
        executor.shutdown();
        try {
            return executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
