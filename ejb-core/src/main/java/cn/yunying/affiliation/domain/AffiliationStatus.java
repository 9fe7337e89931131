package cn.yunying.affiliation.domain;

/** Where an affiliation stands. Only ACTIVE links institutions; the others are history. */
public enum AffiliationStatus {
    REQUESTED, ACTIVE, DECLINED, WITHDRAWN, ENDED;

    public boolean isOpen() {
        return this == REQUESTED || this == ACTIVE;
    }
}
