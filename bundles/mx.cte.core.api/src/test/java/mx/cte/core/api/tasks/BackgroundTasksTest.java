package mx.cte.core.api.tasks;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;

public class BackgroundTasksTest {

    @Test
    public void theRunningTaskIsNotInterruptedAndFinishes() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        executor.submit(() -> {
            running.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                // as a write in progress: it must not see an interrupt
                if (Thread.currentThread().isInterrupted()) {
                    interrupted.set(true);
                }
            }
        });
        running.await();
        assertTrue(BackgroundTasks.stop(executor, Duration.ofSeconds(10)));
        assertFalse("the running task was interrupted", interrupted.get());
        assertTrue(executor.isTerminated());
    }

    @Test
    public void aTaskLongerThanThePatienceIsLeftRunning() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        executor.submit(() -> {
            running.countDown();
            release.await();
            return null;
        });
        running.await();
        assertFalse(BackgroundTasks.stop(executor, Duration.ofMillis(100)));
        assertFalse(executor.isTerminated());
        release.countDown();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }
}
