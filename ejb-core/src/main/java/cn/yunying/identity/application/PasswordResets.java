package cn.yunying.identity.application;

import cn.yunying.identity.application.events.PasswordResetRequested;
import cn.yunying.identity.application.events.PasswordResetStep;
import cn.yunying.identity.domain.PasswordHasher;
import cn.yunying.identity.domain.PasswordPolicy;
import cn.yunying.identity.domain.PasswordReset;
import cn.yunying.identity.domain.UserAccount;
import cn.yunying.identity.domain.UserStatus;
import cn.yunying.identity.infrastructure.JpaUserRepository;
import cn.yunying.shared.DomainException;
import cn.yunying.shared.RateLimits;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Forgot password": a single-use link by e-mail, valid 30 minutes. {@link #request} answers the same whether or not
 * the account exists (the caller learns nothing), and both steps are audited.
 */
@Stateless
@PermitAll
public class PasswordResets {

    @Inject
    JpaUserRepository users;

    @Inject
    Event<PasswordResetRequested> requested;

    @Inject
    Event<PasswordResetStep> steps;

    @Inject
    RateLimits rateLimits;

    private final PasswordHasher hasher = new PasswordHasher();

    /** {@code identifier} is a user name or an e-mail address. Never says whether it matched. */
    public void request(String identifier, String sourceAddress) {
        String typed = identifier == null ? "" : identifier.strip();
        // keyed by what was typed, so a refusal says nothing about whether an account matched
        rateLimits.check(RateLimits.Limit.PASSWORD_RESET_PER_ACCOUNT, typed);
        Instant now = Instant.now();
        Optional<UserAccount> account = find(typed)
                .filter(a -> a.getStatus() == UserStatus.ACTIVE && a.getEmail() != null && !a.getEmail().isBlank());
        if (account.isEmpty()) {
            steps.fire(new PasswordResetStep("REQUESTED", typed.isEmpty() ? "(none)" : typed, false,
                    "no active account with an e-mail address", sourceAddress, now));
            return;
        }
        UserAccount user = account.get();
        String token = PasswordReset.newToken();
        PasswordReset reset = new PasswordReset(user.getId(), token, now);
        users.save(reset);
        requested.fire(new PasswordResetRequested(user.getUsername(), user.getDisplayName(), user.getEmail(), token,
                reset.getExpiresAt()));
        steps.fire(new PasswordResetStep("REQUESTED", user.getUsername(), true, "link mailed", sourceAddress, now));
    }

    /** Whether a link can still be used (for the page, before the user types a password). */
    public boolean isUsable(String token) {
        return token != null && users.resetByTokenHash(PasswordReset.hashOf(token))
                .filter(r -> r.usableAt(Instant.now())).isPresent();
    }

    /** Sets the new password through a link; the link is then spent. A weak password leaves the link usable. */
    public void reset(String token, char[] newPassword, String sourceAddress) {
        Instant now = Instant.now();
        PasswordReset reset = (token == null ? Optional.<PasswordReset>empty()
                : users.resetByTokenHash(PasswordReset.hashOf(token))).filter(r -> r.usableAt(now))
                .orElseThrow(() -> new DomainException(IdentityError.RESET_LINK_INVALID, "unknown, used or expired"));
        UserAccount account = users.find(reset.getUserId())
                .orElseThrow(() -> new DomainException(IdentityError.RESET_LINK_INVALID, "account gone"));
        List<String> broken = PasswordPolicy.violations(account.getUsername(),
                newPassword == null ? new char[0] : newPassword);
        if (!broken.isEmpty()) {
            throw new DomainException(IdentityError.WEAK_PASSWORD, String.join(", ", broken));
        }
        reset.use(now);
        account.changePasswordHash(hasher.hash(newPassword));
        account.clearLockout();
        steps.fire(new PasswordResetStep("COMPLETED", account.getUsername(), true, "password changed", sourceAddress,
                now));
    }

    private Optional<UserAccount> find(String typed) {
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        if (typed.contains("@")) {
            List<UserAccount> byEmail = users.findByEmail(typed);
            return byEmail.size() == 1 ? Optional.of(byEmail.get(0)) : Optional.empty();
        }
        return users.findByUsername(typed);
    }
}
