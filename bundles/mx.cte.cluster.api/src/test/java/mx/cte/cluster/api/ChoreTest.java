package mx.cte.cluster.api;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

public class ChoreTest {

    private static final Instant NOON = Instant.parse("2016-11-25T12:00:00Z");

    @Test
    public void aloneItRunsOnTheCallersThreadAtMostOncePerInterval() {
        AtomicInteger runs = new AtomicInteger();
        Chore chore = new Chore("limpieza", Duration.ofHours(1), runs::incrementAndGet);
        chore.maybeRun(NOON, () -> null);
        chore.maybeRun(NOON.plusSeconds(60), () -> null);
        assertEquals(1, runs.get());
        chore.maybeRun(NOON.plus(Duration.ofHours(1)), () -> null);
        assertEquals(2, runs.get());
    }

    @Test
    public void onSeveralNodesItAsksTheClusterToRunItOncePerIntervalForTheInstallation() throws Exception {
        List<String> asked = new ArrayList<>();
        CountDownLatch ran = new CountDownLatch(1);
        Cluster cluster = (Cluster) Proxy.newProxyInstance(Cluster.class.getClassLoader(),
                new Class<?>[] {Cluster.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "clustered" -> true;
                    case "runOncePer" -> {
                        synchronized (asked) {
                            asked.add(arguments[0] + " " + arguments[1]);
                        }
                        ((Runnable) arguments[2]).run();
                        yield true;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Chore chore = new Chore("limpieza", Duration.ofHours(1), ran::countDown);
        chore.maybeRun(NOON, () -> cluster);
        chore.maybeRun(NOON.plusSeconds(1), () -> cluster);
        assertEquals(true, ran.await(10, TimeUnit.SECONDS));
        synchronized (asked) {
            assertEquals(List.of("limpieza PT1H"), asked);
        }
    }
}
