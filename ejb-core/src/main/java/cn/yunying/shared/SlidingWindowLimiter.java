package cn.yunying.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * At most {@code limit} attempts per key within any {@code window} (a sliding window of the attempts' instants), in
 * memory: each server node counts on its own. A refused attempt is not counted, so a client that keeps trying is
 * let in again as soon as its oldest counted attempt leaves the window.
 */
public final class SlidingWindowLimiter {

    private final int limit;
    private final Duration window;
    private final Supplier<Instant> clock;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    public SlidingWindowLimiter(int limit, Duration window, Supplier<Instant> clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limit " + limit + " per " + window);
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts an attempt for {@code key}; returns 0 if allowed, else the seconds until one would be (at least 1). */
    public long tryAcquire(String key) {
        Instant now = clock.get();
        Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant horizon = now.minus(window);
            while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                long wait = Duration.between(horizon, times.peekFirst()).toSeconds() + 1;
                return Math.max(1, wait);
            }
            times.addLast(now);
        }
        if (attempts.size() > 100_000) {
            prune(now);
        }
        return 0;
    }

    /** Seconds until an attempt for {@code key} would be allowed (0: now), without counting one. */
    public long retryAfter(String key) {
        Deque<Instant> times = attempts.get(key);
        if (times == null) {
            return 0;
        }
        Instant horizon = clock.get().minus(window);
        synchronized (times) {
            long inWindow = times.stream().filter(t -> t.isAfter(horizon)).count();
            if (inWindow < limit) {
                return 0;
            }
            Instant oldest = times.stream().filter(t -> t.isAfter(horizon)).findFirst().orElseThrow();
            return Math.max(1, Duration.between(horizon, oldest).toSeconds() + 1);
        }
    }

    /** Drops keys whose attempts have all left the window, so that the map does not grow without bound. */
    void prune(Instant now) {
        Instant horizon = now.minus(window);
        attempts.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(horizon);
            }
        });
    }

    int trackedKeys() {
        return attempts.size();
    }
}
