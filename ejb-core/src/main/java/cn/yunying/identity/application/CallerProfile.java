package cn.yunying.identity.application;

import cn.yunying.identity.domain.Role;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * The roles a caller holds, per institution id, and the institutions whose VIP patients and studies they were granted
 * access to. Services use it to scope what the caller may see and do; the web tier's role names are only a
 * convenience for showing or hiding menu entries.
 */
public record CallerProfile(String username, Map<Long, Set<Role>> rolesByInstitution, Set<Long> vipInstitutions)
        implements Serializable {

    public CallerProfile {
        rolesByInstitution = Map.copyOf(rolesByInstitution);
        vipInstitutions = Set.copyOf(vipInstitutions);
    }

    public CallerProfile(String username, Map<Long, Set<Role>> rolesByInstitution) {
        this(username, rolesByInstitution, Set.of());
    }

    public boolean holds(Role role) {
        return rolesByInstitution.values().stream().anyMatch(roles -> roles.contains(role));
    }

    public boolean holdsIn(Long institutionId, Role role) {
        return rolesByInstitution.getOrDefault(institutionId, Set.of()).contains(role);
    }

    public boolean isPlatformAdmin() {
        return holds(Role.PLATFORM_ADMIN);
    }

    public boolean isAuditor() {
        return holds(Role.AUDITOR);
    }

    /** Whether the caller is an administrator of that institution. */
    public boolean administers(Long institutionId) {
        return holdsIn(institutionId, Role.INSTITUTION_ADMIN);
    }

    /** Platform administrators and auditors see the whole institution directory. */
    public boolean isPlatformWide() {
        return rolesByInstitution.values().stream().flatMap(Set::stream).anyMatch(Role::isPlatformWide);
    }

    public Set<Long> institutionIds() {
        return rolesByInstitution.keySet();
    }

    /** The names of the roles held in one institution, for contexts that may not see the role enum. */
    public Set<String> roleNamesIn(Long institutionId) {
        return rolesByInstitution.getOrDefault(institutionId, Set.of()).stream().map(Role::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
