package cn.yunying.identity.application;

import cn.yunying.identity.application.events.VipAccessChanged;
import cn.yunying.identity.domain.UserAccount;
import cn.yunying.identity.domain.UserStatus;
import cn.yunying.identity.domain.VipAccessGrant;
import cn.yunying.identity.infrastructure.JpaUserRepository;
import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * VIP access grants (docs/security.md): only an administrator of the institution lists, gives and revokes them, and
 * only to an active user who holds a role in that institution (an administrator may grant themself; it is audited
 * like any other grant). Platform administrators get no implicit VIP access: they need a grant like everyone else.
 */
@Stateless
@PermitAll
public class VipAccess {

    @EJB
    CallerProfiles callers;

    @Inject
    JpaUserRepository users;

    @Inject
    Event<VipAccessChanged> changed;

    public List<VipGrantView> grants(Long institutionId) {
        requireAdministrator(institutionId);
        return users.vipGrantsIn(institutionId).stream().map(this::view).toList();
    }

    public VipGrantView grant(Long institutionId, String username) {
        CallerProfile caller = requireAdministrator(institutionId);
        UserAccount grantee = member(institutionId, username);
        VipAccessGrant grant = users.vipGrant(grantee.getId(), institutionId).orElse(null);
        if (grant == null) {
            grant = new VipAccessGrant(grantee.getId(), institutionId, caller.username(), Instant.now());
            users.save(grant);
            changed.fire(new VipAccessChanged(grant.getGrantedAt(), caller.username(), grantee.getUsername(),
                    institutionId, true));
        }
        return view(grant);
    }

    public void revoke(Long institutionId, String username) {
        CallerProfile caller = requireAdministrator(institutionId);
        UserAccount grantee = users.findByUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> new DomainException(IdentityError.UNKNOWN_USER, String.valueOf(username)));
        VipAccessGrant grant = users.vipGrant(grantee.getId(), institutionId)
                .orElseThrow(() -> new DomainException(IdentityError.NO_VIP_GRANT, username + " @ " + institutionId));
        users.remove(grant);
        changed.fire(new VipAccessChanged(Instant.now(), caller.username(), grantee.getUsername(), institutionId,
                false));
    }

    private CallerProfile requireAdministrator(Long institutionId) {
        CallerProfile caller = callers.current();
        if (institutionId == null || !caller.administers(institutionId)) {
            throw new AccessDeniedException(caller.username() + " does not administer institution " + institutionId);
        }
        return caller;
    }

    private UserAccount member(Long institutionId, String username) {
        UserAccount account = users.findByUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> new DomainException(IdentityError.UNKNOWN_USER, String.valueOf(username)));
        boolean member = account.getStatus() == UserStatus.ACTIVE && account.getRoles().stream()
                .anyMatch(r -> r.getInstitutionId().equals(institutionId));
        if (!member) {
            throw new DomainException(IdentityError.VIP_GRANTEE_NOT_MEMBER, username + " @ " + institutionId);
        }
        return account;
    }

    private VipGrantView view(VipAccessGrant grant) {
        UserAccount account = users.find(grant.getUserId()).orElseThrow();
        return new VipGrantView(account.getUsername(), account.getDisplayName(), grant.getInstitutionId(),
                grant.getGrantedBy(), grant.getGrantedAt());
    }
}
