package cn.yunying.registration.application;

import cn.yunying.shared.ErrorCode;

/** Error catalogue of the registration context; each key has a message in both bundles ({@code error.<key>}). */
public enum RegistrationError implements ErrorCode {
    FIELD_REQUIRED("registration.fieldRequired", 400),
    INVALID_USERNAME("registration.invalidUsername", 400),
    INVALID_EMAIL("registration.invalidEmail", 400),
    INVALID_PHONE("registration.invalidPhone", 400),
    INVALID_ROLE("registration.invalidRole", 400),
    INSTITUTION_NOT_CERTIFIED("registration.institutionNotCertified", 400),
    USERNAME_TAKEN("registration.usernameTaken", 409),
    EMAIL_TAKEN("registration.emailTaken", 409),
    PHONE_TAKEN("registration.phoneTaken", 409),
    UNKNOWN_REGISTRATION("registration.unknown", 404),
    WRONG_CODE("registration.wrongCode", 400),
    CODE_EXPIRED("registration.codeExpired", 410),
    TOO_MANY_ATTEMPTS("registration.tooManyAttempts", 429),
    NOT_PENDING("registration.notPending", 409),
    STEP_NOT_ALLOWED("registration.stepNotAllowed", 409),
    REASON_REQUIRED("registration.reasonRequired", 400),
    INSTITUTION_CLOSED("registration.institutionClosed", 400),
    UNKNOWN_DEPARTMENT("registration.unknownDepartment", 400);

    private final String key;
    private final int httpStatus;

    RegistrationError(String key, int httpStatus) {
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
