package mx.cte.core.api.health;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.Test;

public class HealthReportTest {

    private static final Instant START = Instant.parse("2016-11-25T13:00:00Z");

    @Test
    public void uptimeIsTheTimeSinceStart() {
        HealthReport report = new HealthReport(HealthStatus.UP, "0.1.0", START, START.plusSeconds(3_661));
        assertEquals(Duration.ofSeconds(3_661), report.uptime());
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesAReportTakenBeforeTheStart() {
        new HealthReport(HealthStatus.UP, "0.1.0", START, START.minusSeconds(1));
    }

    @Test
    public void wireNameIsLowerCase() {
        assertEquals("degraded", HealthStatus.DEGRADED.wireName());
    }
}
