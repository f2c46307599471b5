package mx.cte.security.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per key (an account at an address, or an address), with a delay that grows after the free
 * attempts: {@code base}, then twice as long after each further failure, never more than {@code cap}. A success
 * clears the key; a key with no failure for {@code forgetAfter} is forgotten. Memory is bounded: past
 * {@code maxKeys}, the keys whose last failure is oldest are dropped first.
 */
final class FailureThrottle {

    private final int freeAttempts;
    private final Duration base;
    private final Duration cap;
    private final Duration forgetAfter;
    private final int maxKeys;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private static final class Failures {
        int count;
        Instant last;
    }

    FailureThrottle(int freeAttempts, Duration base, Duration cap, Duration forgetAfter, int maxKeys) {
        this.freeAttempts = freeAttempts;
        this.base = base;
        this.cap = cap;
        this.forgetAfter = forgetAfter;
        this.maxKeys = maxKeys;
    }

    /** How long the key must still wait before its next attempt; zero when it may try now. */
    Duration wait(String key, Instant now) {
        Failures entry = failures.get(key);
        if (entry == null) {
            return Duration.ZERO;
        }
        synchronized (entry) {
            if (entry.last.plus(forgetAfter).isBefore(now)) {
                failures.remove(key, entry);
                return Duration.ZERO;
            }
            Duration delay = delayAfter(entry.count);
            Instant allowed = entry.last.plus(delay);
            return allowed.isAfter(now) ? Duration.between(now, allowed) : Duration.ZERO;
        }
    }

    /** The delay after {@code count} consecutive failures. */
    Duration delayAfter(int count) {
        if (count < freeAttempts) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - freeAttempts, 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** Records a failure; returns how long the key must now wait. */
    Duration failed(String key, Instant now) {
        if (failures.size() >= maxKeys && !failures.containsKey(key)) {
            forgetOldest(now);
        }
        Failures entry = failures.computeIfAbsent(key, k -> new Failures());
        synchronized (entry) {
            if (entry.last != null && entry.last.plus(forgetAfter).isBefore(now)) {
                entry.count = 0;
            }
            entry.count++;
            entry.last = now;
            return delayAfter(entry.count);
        }
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    int count(String key) {
        Failures entry = failures.get(key);
        return entry == null ? 0 : entry.count;
    }

    private void forgetOldest(Instant now) {
        Instant forgotten = now.minus(forgetAfter);
        failures.values().removeIf(entry -> entry.last != null && entry.last.isBefore(forgotten));
        if (failures.size() < maxKeys) {
            return;
        }
        // Still full of recent failures (a flood of distinct keys): drop a tenth, the oldest first.
        int drop = Math.max(1, maxKeys / 10);
        failures.entrySet().stream().sorted(Map.Entry.comparingByValue((a, b) -> a.last.compareTo(b.last)))
                .limit(drop).map(Map.Entry::getKey).toList().forEach(failures::remove);
    }
}
