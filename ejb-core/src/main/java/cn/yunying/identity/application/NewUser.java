package cn.yunying.identity.application;

import java.util.Map;
import java.util.Set;

/** What it takes to create an account: role names ({@link RoleNames}) per institution id. */
public record NewUser(String username, String displayName, String email, String phone, char[] password,
                      Map<Long, Set<String>> rolesByInstitution) {
}
