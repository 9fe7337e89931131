package cn.yunying.institution.application;

import cn.yunying.shared.ErrorCode;

/** Error catalogue of the institution context. */
public enum InstitutionError implements ErrorCode {
    CODE_TAKEN("institution.codeTaken", 409),
    UNKNOWN_INSTITUTION("institution.unknown", 404),
    UNKNOWN_AE("institution.unknownAe", 404),
    AE_TITLE_TAKEN("institution.aeTitleTaken", 409),
    INVALID_AE("institution.invalidAe", 400),
    TRANSITION_NOT_ALLOWED("institution.transitionNotAllowed", 409),
    REASON_REQUIRED("institution.reasonRequired", 400),
    UNKNOWN_DECISION("institution.unknownDecision", 400);

    private final String key;
    private final int httpStatus;

    InstitutionError(String key, int httpStatus) {
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
