package cn.yunying.shared;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The rate limits of the public endpoints (docs/security.md, docs/configuration.md). Each is "attempts per seconds"
 * for one key: the client address (checked at the web edge, before the request reaches a service) or the account,
 * phone number or e-mail address (checked by the service). In memory: per server node.
 */
@ApplicationScoped
public class RateLimits {

    /** What is limited, by which key, and its default (attempts / seconds). */
    public enum Limit {
        LOGIN_PER_ADDRESS(60, 300),
        LOGIN_PER_ACCOUNT(20, 300),
        REGISTRATION_PER_ADDRESS(60, 3600),
        REGISTRATION_PER_PHONE(5, 3600),
        REGISTRATION_PER_EMAIL(5, 3600),
        PASSWORD_RESET_PER_ADDRESS(30, 3600),
        PASSWORD_RESET_PER_ACCOUNT(5, 3600),
        APPLICATION_PER_ADDRESS(20, 3600),
        APPLICATION_PER_EMAIL(5, 3600);

        final int defaultCount;
        final int defaultSeconds;

        Limit(int defaultCount, int defaultSeconds) {
            this.defaultCount = defaultCount;
            this.defaultSeconds = defaultSeconds;
        }

        /** {@code yunying.ratelimit.registration-per-phone} and so on; value {@code count/seconds}. */
        public String property() {
            return "yunying.ratelimit." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<Limit, SlidingWindowLimiter> limiters = new EnumMap<>(Limit.class);

    @PostConstruct
    void configure() {
        for (Limit limit : Limit.values()) {
            String value = ConfigProvider.getConfig().getOptionalValue(limit.property(), String.class)
                    .orElse(limit.defaultCount + "/" + limit.defaultSeconds);
            limiters.put(limit, parse(limit, value));
        }
    }

    static SlidingWindowLimiter parse(Limit limit, String value) {
        String[] parts = value.strip().split("/");
        try {
            return new SlidingWindowLimiter(Integer.parseInt(parts[0].strip()),
                    Duration.ofSeconds(Long.parseLong(parts[1].strip())), Instant::now);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(limit.property() + " must be count/seconds, not " + value, e);
        }
    }

    /** Throws {@link RateLimitedException} if {@code key} is over the limit now, without counting an attempt. */
    public void requireNotBlocked(Limit limit, String key) {
        if (key == null || key.isBlank()) {
            return;
        }
        long wait = limiters.get(limit).retryAfter(key.strip().toLowerCase(Locale.ROOT));
        if (wait > 0) {
            throw new RateLimitedException(limit.name(), wait);
        }
    }

    /** Counts an attempt for {@code key} (nothing for a blank key); throws {@link RateLimitedException} if over. */
    public void check(Limit limit, String key) {
        if (key == null || key.isBlank()) {
            return;
        }
        long wait = limiters.get(limit).tryAcquire(key.strip().toLowerCase(Locale.ROOT));
        if (wait > 0) {
            throw new RateLimitedException(limit.name(), wait);
        }
    }
}
