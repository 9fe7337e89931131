package cn.yunying.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The sliding window: the limit holds per key, a refusal says how long to wait, and the window slides open again. */
class SlidingWindowLimiterTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T08:00:00Z"));
    private final SlidingWindowLimiter limiter = new SlidingWindowLimiter(3, Duration.ofSeconds(60), now::get);

    @Test
    void theFourthAttemptWithinTheWindowIsRefusedAndTheWindowSlides() {
        assertEquals(0, limiter.tryAcquire("13800000000"));
        advance(10);
        assertEquals(0, limiter.tryAcquire("13800000000"));
        advance(10);
        assertEquals(0, limiter.tryAcquire("13800000000"));
        assertEquals(0, limiter.tryAcquire("13900000000"), "another key has its own count");
        advance(10);
        long wait = limiter.tryAcquire("13800000000");
        assertEquals(31, wait, "the first attempt (30 s ago) leaves the 60 s window in 30 s; rounded up");
        assertEquals(wait, limiter.retryAfter("13800000000"), "peeking says the same and counts nothing");
        advance(30);
        assertEquals(0, limiter.retryAfter("13800000000"));
        assertEquals(0, limiter.tryAcquire("13800000000"), "reset: the oldest attempt left the window");
        assertTrue(limiter.tryAcquire("13800000000") > 0, "but the other two are still in it");
    }

    @Test
    void refusedAttemptsAreNotCountedAndIdleKeysArePruned() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.tryAcquire("a") > 0);
        }
        advance(61);
        assertEquals(0, limiter.tryAcquire("a"), "hammering did not extend the block");
        limiter.tryAcquire("b");
        advance(61);
        limiter.prune(now.get());
        assertEquals(0, limiter.trackedKeys());
    }

    @Test
    void aLimitNeedsAPositiveCountAndWindow() {
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowLimiter(0, Duration.ofSeconds(1), now::get));
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowLimiter(1, Duration.ZERO, now::get));
        assertThrows(IllegalArgumentException.class,
                () -> RateLimits.parse(RateLimits.Limit.LOGIN_PER_ACCOUNT, "ten per minute"));
        assertEquals(0, RateLimits.parse(RateLimits.Limit.LOGIN_PER_ACCOUNT, " 2 / 60 ").tryAcquire("x"));
    }

    private void advance(long seconds) {
        now.set(now.get().plusSeconds(seconds));
    }
}
