package cn.yunying.audit.application;

import cn.yunying.shared.ErrorCode;

/** Error catalogue of the audit context. */
public enum AuditError implements ErrorCode {
    EXPORT_TOO_LARGE("audit.exportTooLarge", 400);

    private final String key;
    private final int httpStatus;

    AuditError(String key, int httpStatus) {
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
