package mx.cte.core.api.tasks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

public class WhenReadyTest {

    private final List<String> happened = new CopyOnWriteArrayList<>();

    @Test
    public void theWorkRunsOnceWhenWhatItNeedsIsThereAndNotBefore() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        WhenReady waiting = WhenReady.start("prueba", Duration.ofSeconds(10), Duration.ofMillis(10), () -> {
            if (asked.incrementAndGet() == 2) {
                throw new IllegalStateException("la base de datos aún arranca");
            }
            return asked.get() >= 4;
        }, () -> happened.add("escrito"), () -> happened.add("sin esperar más"));
        assertTrue(waiting.await(Duration.ofSeconds(10)));
        assertEquals(List.of("escrito"), happened);
        assertEquals("asked until ready, a failure to tell counted as not yet", 4, asked.get());
    }

    @Test
    public void itGivesUpAfterItsPatienceAndSaysSo() throws Exception {
        WhenReady waiting = WhenReady.start("prueba", Duration.ofMillis(100), Duration.ofMillis(10), () -> false,
                () -> happened.add("escrito"), () -> happened.add("sin esperar más"));
        assertTrue(waiting.await(Duration.ofSeconds(10)));
        assertEquals(List.of("sin esperar más"), happened);
    }

    @Test
    public void cancelledItStopsWaitingAtOnceAndDoesNothing() throws Exception {
        WhenReady waiting = WhenReady.start("prueba", Duration.ofMinutes(5), Duration.ofMinutes(1), () -> false,
                () -> happened.add("escrito"), () -> happened.add("sin esperar más"));
        waiting.cancel();
        assertTrue("it does not sleep out its step", waiting.await(Duration.ofSeconds(5)));
        assertEquals(List.of(), happened);
    }
}
