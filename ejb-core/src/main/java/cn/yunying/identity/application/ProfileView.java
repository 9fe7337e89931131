package cn.yunying.identity.application;

import java.io.Serializable;

/** The caller's own account as the profile page shows it. */
public record ProfileView(String username, String displayName, String email, String phone, String hisAccountId)
        implements Serializable {
}
