package cn.yunying.affiliation.application.events;

import java.time.Instant;

/** An affiliation was requested, accepted, declined, withdrawn or ended ({@code step}, past tense). */
public record AffiliationChanged(Long affiliationId, String requesterCode, String targetCode, String doctorUsername,
                                 String step, String status, String actor, String note, Instant at) {
}
