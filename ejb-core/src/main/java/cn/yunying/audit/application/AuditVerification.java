package cn.yunying.audit.application;

import java.io.Serializable;

/** Outcome of verifying the whole chain: intact, or the first index where it was tampered with, and how. */
public record AuditVerification(boolean intact, long recordsChecked, Long firstBadIndex, String problem)
        implements Serializable {
}
