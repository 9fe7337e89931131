package cn.yunying.identity.application;

import java.io.Serializable;
import java.util.Optional;

/** Result of a password check. Only {@link Status#SUCCESS} carries a user. */
public record AuthenticationOutcome(Status status, AuthenticatedUser user) implements Serializable {

    public enum Status { SUCCESS, INVALID_CREDENTIALS, LOCKED, NOT_ACTIVE }

    public static AuthenticationOutcome success(AuthenticatedUser user) {
        return new AuthenticationOutcome(Status.SUCCESS, user);
    }

    public static AuthenticationOutcome failure(Status status) {
        if (status == Status.SUCCESS) {
            throw new IllegalArgumentException("a success needs a user");
        }
        return new AuthenticationOutcome(status, null);
    }

    public Optional<AuthenticatedUser> authenticatedUser() {
        return Optional.ofNullable(user);
    }
}
