package cn.yunying.identity.application.events;

import java.time.Instant;

/** A login was refused; {@code attemptedUsername} is what was typed, which may name no account. */
public record LoginFailed(String attemptedUsername, String reason, String sourceAddress, Instant at) {
}
