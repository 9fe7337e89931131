package cn.yunying.institution.domain;

/** A certification step that the state machine or its rules do not allow. */
public class CertificationRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Why { NOT_ALLOWED_IN_STATE, REASON_REQUIRED }

    private final Why why;

    public CertificationRefused(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
