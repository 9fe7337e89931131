package cn.yunying.affiliation.domain;

/** An affiliation step that its state or the side of the actor does not allow. */
public class AffiliationRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AffiliationRefused(String message) {
        super(message);
    }
}
