package cn.yunying.identity.application;

import java.io.Serializable;
import java.time.Instant;

/** One VIP access grant, for the institution administrator's list. */
public record VipGrantView(String username, String displayName, Long institutionId, String grantedBy,
                           Instant grantedAt) implements Serializable {
}
