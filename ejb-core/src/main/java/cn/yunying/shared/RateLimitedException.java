package cn.yunying.shared;

import jakarta.ejb.ApplicationException;

/**
 * Too many attempts from one client address or for one account, phone number or e-mail address. Boundaries answer
 * 429 with {@code Retry-After} (REST) or the "too many attempts" message (portal).
 */
@ApplicationException(rollback = true)
public class RateLimitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RateLimitedException(String what, long retryAfterSeconds) {
        super(what + " (retry after " + retryAfterSeconds + " s)");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
