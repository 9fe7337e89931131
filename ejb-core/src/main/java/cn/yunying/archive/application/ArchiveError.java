package cn.yunying.archive.application;

import cn.yunying.shared.ErrorCode;

/** Error catalogue of the archive context. */
public enum ArchiveError implements ErrorCode {
    INVALID_QUERY("archive.invalidQuery", 400),
    NO_INSTITUTION("archive.noInstitution", 403),
    AMBIGUOUS_INSTITUTION("archive.ambiguousInstitution", 400),
    NOT_FOUND("archive.notFound", 404),
    INVALID_REQUEST("archive.invalidRequest", 400),
    /** The image's compression or pixel format cannot be rendered (PS3.18 10.4: no acceptable representation). */
    NOT_RENDERABLE("archive.notRenderable", 406),
    /** Rendered images are JPEG or PNG; the Accept header allows neither. */
    NOT_ACCEPTABLE("archive.notAcceptable", 406),
    VIP_RESTRICTED("archive.vipRestricted", 403),
    VIP_FLAG_NOT_ALLOWED("archive.vipFlagNotAllowed", 403);

    private final String key;
    private final int httpStatus;

    ArchiveError(String key, int httpStatus) {
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
