package cn.yunying.institution.application;

import cn.yunying.shared.ErrorCode;

/** Why an application for certification was not accepted; each key has a message in both languages. */
public enum ApplicationError implements ErrorCode {
    FIELD_REQUIRED("application.fieldRequired", 400),
    INVALID_LEVEL("application.invalidLevel", 400),
    INVALID_EMAIL("application.invalidEmail", 400),
    INVALID_PHONE("application.invalidPhone", 400),
    LICENSE_TAKEN("application.licenseTaken", 409),
    DOCUMENT_REQUIRED("application.documentRequired", 400),
    TOO_MANY_DOCUMENTS("application.tooManyDocuments", 400),
    DOCUMENT_TOO_LARGE("application.documentTooLarge", 413),
    DOCUMENT_TYPE("application.documentType", 415),
    UNKNOWN_DOCUMENT("application.unknownDocument", 404),
    INVALID_DEPARTMENTS("application.invalidDepartments", 400),
    UNKNOWN_FEATURE("application.unknownFeature", 400);

    private final String key;
    private final int httpStatus;

    ApplicationError(String key, int httpStatus) {
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
