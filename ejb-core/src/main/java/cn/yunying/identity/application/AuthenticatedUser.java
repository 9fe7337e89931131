package cn.yunying.identity.application;

import java.io.Serializable;
import java.util.Set;

/** Who logged in and the role names they hold in any institution (the web tier's groups). */
public record AuthenticatedUser(String username, String displayName, Set<String> roles) implements Serializable {

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }
}
