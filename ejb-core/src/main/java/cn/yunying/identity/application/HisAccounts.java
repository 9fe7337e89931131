package cn.yunying.identity.application;

import cn.yunying.identity.application.events.HisAccountBound;
import cn.yunying.identity.domain.RoleAssignment;
import cn.yunying.identity.domain.UserAccount;
import cn.yunying.identity.infrastructure.JpaUserRepository;
import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The caller's own profile and the HIS account id bound to it. An id is unique among the accounts holding a role in
 * the same institution (an account may hold roles in several, so this is checked here rather than by a constraint).
 * Binding, changing and removing are audited (HIS_ACCOUNT_BOUND).
 */
@Stateless
@PermitAll
public class HisAccounts {

    private static final Pattern HIS_ID = Pattern.compile("[^\\s\\p{Cc}]{1,64}");

    @EJB
    CallerProfiles callers;

    @Inject
    JpaUserRepository users;

    @Inject
    Event<HisAccountBound> bound;

    public ProfileView myProfile() {
        UserAccount account = me();
        return new ProfileView(account.getUsername(), account.getDisplayName(), account.getEmail(),
                account.getPhone(), account.getHisAccountId());
    }

    /** Binds or changes ({@code hisAccountId} blank: removes) the caller's HIS account id. */
    public ProfileView bind(String hisAccountId, String sourceAddress) {
        UserAccount account = me();
        String his = normalized(hisAccountId);
        if (his != null) {
            Set<Long> institutions = account.getRoles().stream().map(RoleAssignment::getInstitutionId)
                    .collect(Collectors.toSet());
            requireFree(users, his, institutions, account.getUsername());
        }
        String old = account.getHisAccountId();
        if (!Objects.equals(old, his)) {
            account.setHisAccountId(his);
            bound.fire(new HisAccountBound(Instant.now(), account.getUsername(), old, his, sourceAddress));
        }
        return myProfile();
    }

    private UserAccount me() {
        String username = callers.current().username();
        return users.findByUsername(username).orElseThrow(() -> new AccessDeniedException(username));
    }

    /** Null for a blank id; otherwise the trimmed id, if it has 1 to 64 characters and no blank or control character. */
    static String normalized(String hisAccountId) {
        if (hisAccountId == null || hisAccountId.isBlank()) {
            return null;
        }
        String his = hisAccountId.strip();
        if (!HIS_ID.matcher(his).matches()) {
            throw new DomainException(IdentityError.INVALID_HIS, his);
        }
        return his;
    }

    static void requireFree(JpaUserRepository users, String his, Collection<Long> institutions, String self) {
        List<String> holders = users.hisHolders(his, institutions, self);
        if (!holders.isEmpty()) {
            throw new DomainException(IdentityError.HIS_TAKEN, his);
        }
    }
}
