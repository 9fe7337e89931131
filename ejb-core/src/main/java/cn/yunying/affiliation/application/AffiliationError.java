package cn.yunying.affiliation.application;

import cn.yunying.shared.ErrorCode;

/** Error catalogue of the affiliation context. */
public enum AffiliationError implements ErrorCode {
    UNKNOWN_AFFILIATION("affiliation.unknown", 404),
    UNKNOWN_INSTITUTION("affiliation.unknownInstitution", 404),
    NOT_CERTIFIED("affiliation.notCertified", 409),
    ALREADY_OPEN("affiliation.alreadyOpen", 409),
    STEP_NOT_ALLOWED("affiliation.stepNotAllowed", 409),
    UNKNOWN_STEP("affiliation.unknownStep", 400),
    SAME_INSTITUTION("affiliation.sameInstitution", 400);

    private final String key;
    private final int httpStatus;

    AffiliationError(String key, int httpStatus) {
        this.key = key;
        this.httpStatus = httpStatus;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
