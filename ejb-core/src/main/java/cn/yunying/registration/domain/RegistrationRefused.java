package cn.yunying.registration.domain;

/** A step the request's state does not allow, or a decision without its reason. */
public class RegistrationRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Why { NOT_ALLOWED, REASON_REQUIRED }

    private final Why why;

    public RegistrationRefused(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
