package cn.yunying.identity.application;

import cn.yunying.identity.domain.LoginPolicy;
import cn.yunying.identity.domain.PasswordHasher;
import cn.yunying.identity.domain.UserAccount;
import cn.yunying.identity.domain.UserStatus;
import cn.yunying.identity.infrastructure.JpaUserRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import cn.yunying.identity.application.events.LoginFailed;
import cn.yunying.identity.application.events.LoginSucceeded;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a user name and password against the stored PBKDF2 hash and applies the lockout policy.
 * Anyone may call it (it is how one stops being anonymous); it reveals nothing beyond the outcome's status.
 */
@Stateless
@PermitAll
public class AuthenticationService {

    private static final System.Logger LOG = System.getLogger(AuthenticationService.class.getName());
    /** Hashed once so that an unknown user name costs as much time as a known one. */
    private static final String DUMMY_HASH = new PasswordHasher().hash("timing-equaliser".toCharArray());

    @Inject
    JpaUserRepository users;

    /** Observed in this transaction (audit), so a login is never recorded without its audit record or vice versa. */
    @Inject
    Event<LoginSucceeded> loginSucceeded;

    @Inject
    Event<LoginFailed> loginFailed;

    private final PasswordHasher hasher = new PasswordHasher();
    private final LoginPolicy policy = LoginPolicy.DEFAULT;

    /**
     * @param sourceAddress where the attempt came from (client IP), for the audit trail
     */
    public AuthenticationOutcome authenticate(String username, char[] password, String sourceAddress) {
        Instant now = Instant.now();
        String attempted = username == null ? "" : username.strip();
        Optional<UserAccount> found = attempted.isEmpty() ? Optional.empty() : users.findByUsername(attempted);
        if (found.isEmpty()) {
            hasher.matches(password, DUMMY_HASH);
            return refuse(attempted, AuthenticationOutcome.Status.INVALID_CREDENTIALS, "unknown user", sourceAddress, now);
        }
        UserAccount account = found.get();
        if (account.isLockedAt(now)) {
            return refuse(attempted, AuthenticationOutcome.Status.LOCKED, "account locked", sourceAddress, now);
        }
        if (!hasher.matches(password, account.getPasswordHash())) {
            users.lockForUpdate(account); // parallel wrong passwords must all count, and none may fail with a 500
            account.recordFailedLogin(policy, now);
            boolean lockedNow = account.isLockedAt(now);
            return refuse(attempted, lockedNow ? AuthenticationOutcome.Status.LOCKED
                    : AuthenticationOutcome.Status.INVALID_CREDENTIALS,
                    lockedNow ? "wrong password, account now locked" : "wrong password", sourceAddress, now);
        }
        if (account.getStatus() != UserStatus.ACTIVE) {
            return refuse(attempted, AuthenticationOutcome.Status.NOT_ACTIVE, "account not active", sourceAddress, now);
        }
        if (account.isLoginWorthRecording(now)) {
            users.lockForUpdate(account);
            account.recordSuccessfulLogin(now);
        }
        loginSucceeded.fire(new LoginSucceeded(account.getUsername(), sourceAddress, now));
        return AuthenticationOutcome.success(new AuthenticatedUser(account.getUsername(), account.getDisplayName(),
                account.getRoles().stream().map(r -> r.getRole().name()).collect(Collectors.toSet())));
    }

    private AuthenticationOutcome refuse(String attempted, AuthenticationOutcome.Status status, String reason,
                                         String sourceAddress, Instant now) {
        LOG.log(Level.INFO, "Login refused ({0}) from {1}", reason, sourceAddress);
        loginFailed.fire(new LoginFailed(attempted.isEmpty() ? "(none)" : attempted, reason, sourceAddress, now));
        return AuthenticationOutcome.failure(status);
    }

}
