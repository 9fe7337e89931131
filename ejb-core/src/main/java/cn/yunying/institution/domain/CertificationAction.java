package cn.yunying.institution.domain;

/** What a platform administrator (or the applicant, for APPLY and REAPPLY) does to an institution's certification. */
public enum CertificationAction {
    APPLY, START_REVIEW, CERTIFY, REJECT, SUSPEND, REINSTATE, REVOKE, REAPPLY;

    /** Refusals and withdrawals must say why: the applicant is told, and the audit trail keeps it. */
    public boolean requiresReason() {
        return this == REJECT || this == SUSPEND || this == REVOKE;
    }
}
