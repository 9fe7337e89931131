package cn.yunying.identity.application.events;

import java.time.Instant;

/** A user proved their password. */
public record LoginSucceeded(String username, String sourceAddress, Instant at) {
}
