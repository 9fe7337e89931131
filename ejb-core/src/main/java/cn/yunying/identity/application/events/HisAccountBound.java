package cn.yunying.identity.application.events;

import java.time.Instant;

/** A user bound, changed or removed ({@code newId} null) the HIS account id of their account. */
public record HisAccountBound(Instant at, String username, String oldId, String newId, String sourceAddress) {
}
