package cn.yunying.affiliation.application;

import java.io.Serializable;
import java.time.Instant;

/** An affiliation as the portal and the API show it, with both institutions' codes. */
public record AffiliationView(Long id, Long requesterInstitutionId, String requesterCode, Long targetInstitutionId,
                              String targetCode, String doctorUsername, String status, String requestedBy,
                              Instant requestedAt, String decidedBy, Instant decidedAt, String endedBy,
                              Instant endedAt, String note) implements Serializable {
}
