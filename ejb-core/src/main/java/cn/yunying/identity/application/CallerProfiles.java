package cn.yunying.identity.application;

import cn.yunying.identity.domain.Role;
import cn.yunying.identity.domain.RoleAssignment;
import cn.yunying.identity.domain.UserAccount;
import cn.yunying.identity.domain.UserStatus;
import cn.yunying.identity.infrastructure.JpaUserRepository;
import cn.yunying.shared.AccessDeniedException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the authenticated caller of the current request into a {@link CallerProfile}. Every service that
 * scopes data by institution starts here, so that the portal, DICOMweb and REST are scoped the same way.
 */
@Stateless
@PermitAll
public class CallerProfiles {

    private static final String ANONYMOUS = "anonymous";

    @Resource
    SessionContext session;

    @Inject
    JpaUserRepository users;

    /** The current caller; an anonymous or unknown caller is denied. */
    public CallerProfile current() {
        Principal principal = session.getCallerPrincipal();
        if (principal == null || ANONYMOUS.equals(principal.getName())) {
            throw new AccessDeniedException("not authenticated");
        }
        return of(principal.getName());
    }

    public CallerProfile of(String username) {
        UserAccount account = users.findByUsername(username)
                .filter(u -> u.getStatus() == UserStatus.ACTIVE)
                .orElseThrow(() -> new AccessDeniedException("no active account " + username));
        Map<Long, Set<Role>> byInstitution = new HashMap<>();
        for (RoleAssignment assignment : account.getRoles()) {
            byInstitution.computeIfAbsent(assignment.getInstitutionId(), id -> EnumSet.noneOf(Role.class))
                    .add(assignment.getRole());
        }
        Set<Long> vip = new java.util.HashSet<>();
        users.vipGrantsOf(account.getId()).forEach(grant -> vip.add(grant.getInstitutionId()));
        return new CallerProfile(account.getUsername(), byInstitution, vip);
    }
}
