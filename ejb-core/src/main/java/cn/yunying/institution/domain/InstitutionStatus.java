package cn.yunying.institution.domain;

/** Certification state of an institution. The transitions are enforced by the certification workflow. */
public enum InstitutionStatus {
    APPLIED, UNDER_REVIEW, CERTIFIED, REJECTED, SUSPENDED, REVOKED
}
