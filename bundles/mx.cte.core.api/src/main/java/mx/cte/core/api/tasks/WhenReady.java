package mx.cte.core.api.tasks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Work a component does once something it does not control is there: a module's demo data that names the demo
 * accounts or another module's demo records, made by components activated in no set order with it. Off the activating
 * thread, asked about every {@code step}, for at most {@code patience}; never interrupted ({@link BackgroundTasks} says
 * why), only told to stop waiting.
 */
public final class WhenReady {

    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final Thread thread;

    private WhenReady(String name, Duration patience, Duration step, BooleanSupplier ready, Runnable work,
            Runnable gaveUp) {
        thread = new Thread(() -> waitThenRun(patience, step, ready, work, gaveUp), name);
        thread.setDaemon(true);
    }

    /**
     * Starts waiting, asking once a second.
     *
     * @param ready  whether the work can be done now; a failure to tell counts as not yet
     * @param work   done once, on the waiting thread; it handles its own failures
     * @param gaveUp run instead when {@code patience} ran out first
     */
    public static WhenReady start(String name, Duration patience, BooleanSupplier ready, Runnable work,
            Runnable gaveUp) {
        return start(name, patience, Duration.ofSeconds(1), ready, work, gaveUp);
    }

    static WhenReady start(String name, Duration patience, Duration step, BooleanSupplier ready, Runnable work,
            Runnable gaveUp) {
        WhenReady waiting = new WhenReady(name, patience, step, ready, work, gaveUp);
        waiting.thread.start();
        return waiting;
    }

    /** Stops waiting; work already begun is let finish. */
    public void cancel() {
        cancelled.countDown();
    }

    /** Whether it is done: the work ran, or it gave up or was cancelled. */
    public boolean await(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    private void waitThenRun(Duration patience, Duration step, BooleanSupplier ready, Runnable work,
            Runnable gaveUp) {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (cancelled.getCount() > 0) {
                if (isReady(ready)) {
                    work.run();
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    gaveUp.run();
                    return;
                }
                cancelled.await(step.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isReady(BooleanSupplier ready) {
        try {
            return ready.getAsBoolean();
        } catch (RuntimeException notYet) {
            return false; // e.g. the database still starting
        }
    }
}
