package cn.yunying.registration.domain;

/** Where a registration request stands; the transitions are in {@link Registration} and docs/security.md. */
public enum RegistrationStatus {
    /** Submitted; the e-mail code has not been entered yet. */
    UNVERIFIED,
    /** Code entered; waits for the institution administrator. */
    AWAITING_APPROVAL,
    /** Approved: the account exists and is active. Final. */
    APPROVED,
    /** Rejected with a reason. Final. */
    REJECTED,
    /** Too many wrong codes. Final; the applicant registers again. */
    FAILED;

    /** Whether the request still holds its user name, phone and e-mail against new requests. */
    public boolean isOpen() {
        return this == UNVERIFIED || this == AWAITING_APPROVAL;
    }
}
