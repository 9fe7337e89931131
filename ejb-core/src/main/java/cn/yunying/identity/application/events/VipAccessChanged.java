package cn.yunying.identity.application.events;

import java.time.Instant;

/** An administrator granted ({@code granted}) or revoked a user's access to an institution's VIP studies. */
public record VipAccessChanged(Instant at, String actor, String username, Long institutionId, boolean granted) {
}
