package cn.yunying.identity.application;

import cn.yunying.identity.domain.PasswordHasher;
import cn.yunying.identity.domain.Role;
import cn.yunying.identity.domain.PasswordPolicy;
import cn.yunying.identity.domain.UserAccount;
import cn.yunying.identity.domain.UserStatus;
import cn.yunying.identity.infrastructure.JpaUserRepository;
import cn.yunying.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Creates active accounts for the platform's own bootstrap (first administrator, demo data). Self-registration
 * with approval is a separate use case of the identity context.
 */
@Stateless
@PermitAll
public class UserProvisioning {

    @Inject
    JpaUserRepository users;

    private final PasswordHasher hasher = new PasswordHasher();

    public long countUsers() {
        return users.count();
    }

    public Long createActiveUser(NewUser request) {
        return create(request, UserStatus.ACTIVE);
    }

    /** An account that cannot log in until something activates it (the certification of its institution). */
    public Long createPendingUser(NewUser request) {
        return create(request, UserStatus.PENDING);
    }

    /** Activates the pending administrators of an institution that has just been certified; returns how many. */
    public int activatePendingAdministrators(Long institutionId) {
        int activated = 0;
        for (UserAccount account : users.pendingAdministratorsOf(institutionId)) {
            account.activate();
            activated++;
        }
        return activated;
    }

    /**
     * Checks the password policy and returns the PBKDF2 hash, for a request that creates its account later; throws
     * {@link IdentityError#WEAK_PASSWORD} with the broken rules.
     */
    public String hashForNewAccount(String username, char[] password) {
        checkPolicy(username, password);
        return hasher.hash(password);
    }

    /** Which of user name, e-mail and phone an existing account already uses: "username", "email", "phone" or empty. */
    public java.util.Optional<String> takenIdentifier(String username, String email, String phone) {
        if (users.findByUsername(username).isPresent()) {
            return java.util.Optional.of("username");
        }
        if (email != null && !users.findByEmail(email).isEmpty()) {
            return java.util.Optional.of("email");
        }
        if (phone != null && !users.findByPhone(phone).isEmpty()) {
            return java.util.Optional.of("phone");
        }
        return java.util.Optional.empty();
    }

    /** Creates an active account from an approved request whose password hash was made by this class. */
    public Long createActiveAccount(AccountTemplate template) {
        if (users.findByUsername(template.username()).isPresent()) {
            throw new DomainException(IdentityError.USERNAME_TAKEN, template.username());
        }
        UserAccount account = new UserAccount(template.username(), template.displayName(), template.passwordHash(),
                UserStatus.ACTIVE, Instant.now());
        account.setEmail(template.email());
        account.setPhone(template.phone());
        account.grant(Role.valueOf(template.role()), template.institutionId());
        String his = HisAccounts.normalized(template.hisAccountId());
        if (his != null) {
            HisAccounts.requireFree(users, his, java.util.Set.of(template.institutionId()), template.username());
            account.setHisAccountId(his);
        }
        users.save(account);
        return account.getId();
    }

    private static void checkPolicy(String username, char[] password) {
        List<String> broken = PasswordPolicy.violations(username, password == null ? new char[0] : password);
        if (!broken.isEmpty()) {
            throw new DomainException(IdentityError.WEAK_PASSWORD, String.join(", ", broken));
        }
    }

    private Long create(NewUser request, UserStatus status) {
        try {
            UserAccount.checkUsername(request.username());
        } catch (IllegalArgumentException e) {
            throw new DomainException(IdentityError.INVALID_USERNAME, request.username());
        }
        if (users.findByUsername(request.username()).isPresent()) {
            throw new DomainException(IdentityError.USERNAME_TAKEN, request.username());
        }
        checkPolicy(request.username(), request.password());
        UserAccount account = new UserAccount(request.username(), request.displayName(),
                hasher.hash(request.password()), status, Instant.now());
        account.setEmail(request.email());
        account.setPhone(request.phone());
        request.rolesByInstitution().forEach((institutionId, roles) ->
                roles.forEach(role -> account.grant(Role.valueOf(role), institutionId)));
        users.save(account);
        return account.getId();
    }
}
