package mx.cte.core.api.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A point-in-time health report of the platform. Deliberately public-safe: no bundle names, paths or versions of
 * third-party parts, which belong to the administration API.
 *
 * @param status          overall status
 * @param platformVersion version of the CTE platform distribution, e.g. {@code 0.1.0-SNAPSHOT}
 * @param startedAt       when the platform's core web component started
 * @param checkedAt       when this report was taken
 */
public record HealthReport(HealthStatus status, String platformVersion, Instant startedAt, Instant checkedAt) {

    public HealthReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(platformVersion, "platformVersion");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(checkedAt, "checkedAt");
        if (checkedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("checkedAt " + checkedAt + " is before startedAt " + startedAt);
        }
    }

    /** Time elapsed between start and this report. */
    public Duration uptime() {
        return Duration.between(startedAt, checkedAt);
    }
}
