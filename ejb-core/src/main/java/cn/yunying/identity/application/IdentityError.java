package cn.yunying.identity.application;

import cn.yunying.shared.ErrorCode;

/** Error catalogue of the identity context. */
public enum IdentityError implements ErrorCode {
    USERNAME_TAKEN("identity.usernameTaken", 409),
    INVALID_USERNAME("identity.invalidUsername", 400),
    WEAK_PASSWORD("identity.weakPassword", 400),
    RESET_LINK_INVALID("identity.resetLinkInvalid", 410),
    UNKNOWN_USER("identity.unknownUser", 404),
    VIP_GRANTEE_NOT_MEMBER("identity.vipGranteeNotMember", 400),
    NO_VIP_GRANT("identity.noVipGrant", 404),
    HIS_TAKEN("identity.hisTaken", 409),
    INVALID_HIS("identity.invalidHis", 400);

    private final String key;
    private final int httpStatus;

    IdentityError(String key, int httpStatus) {
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
