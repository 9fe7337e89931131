package cn.yunying.portal.security;

import cn.yunying.portal.guard.TooManyRequests;
import cn.yunying.shared.RateLimitedException;
import cn.yunying.shared.RateLimits;
import cn.yunying.shared.RateLimits.Limit;
import cn.yunying.identity.application.AuthenticatedUser;
import cn.yunying.identity.application.AuthenticationOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * One mechanism, three ways in:
 * <ul>
 * <li>the login page calls {@code SecurityContext.authenticate} with a user name and password; success stores the
 * user in a fresh session;</li>
 * <li>a browser with such a session is recognised on every request;</li>
 * <li>API clients (DICOMweb, /api) send HTTP Basic on each request and get no session.</li>
 * </ul>
 * A protected page without a login redirects to the login page; a protected API path answers 401.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute with the {@link AuthenticationOutcome.Status} of a failed form login, for the login page. */
    public static final String FAILURE_ATTRIBUTE = "yunying.login.failure";
    /** Request attribute with the seconds to wait when a form login was refused for too many attempts. */
    public static final String RATE_LIMITED_ATTRIBUTE = "yunying.login.rateLimited";
    static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    PasswordCheck passwordCheck;

    @Inject
    RateLimits limits;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (context.isAuthenticationRequest()) {
            return formLogin(request, context);
        }
        Optional<AuthenticatedUser> sessionUser = SessionUser.of(request);
        if (sessionUser.isPresent()) {
            return context.notifyContainerAboutLogin(sessionUser.get().username(), sessionUser.get().roles());
        }
        Optional<UsernamePasswordCredential> basic = basicCredential(request.getHeader("Authorization"));
        if (basic.isPresent()) {
            return basicLogin(basic.get(), request, response, context);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return isApiPath(request) ? challenge(response) : context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    /**
     * HTTP Basic comes with every API call, so, as for the login page, only failed attempts count against the login
     * limits; a client address or account over the limit gets 429 before its password is even checked.
     */
    private AuthenticationStatus basicLogin(UsernamePasswordCredential credential, HttpServletRequest request,
                                            HttpServletResponse response, HttpMessageContext context) {
        try {
            requireNotBlocked(credential, request);
            AuthenticationOutcome outcome = passwordCheck.validate(credential, request.getRemoteAddr());
            if (outcome.authenticatedUser().isPresent()) {
                AuthenticatedUser user = outcome.user();
                return context.notifyContainerAboutLogin(user.username(), user.roles());
            }
            countFailure(credential, request);
            return challenge(response);
        } catch (RateLimitedException e) {
            return tooMany(request, response, e);
        }
    }

    private void requireNotBlocked(UsernamePasswordCredential credential, HttpServletRequest request) {
        limits.requireNotBlocked(Limit.LOGIN_PER_ADDRESS, request.getRemoteAddr());
        limits.requireNotBlocked(Limit.LOGIN_PER_ACCOUNT, credential.getCaller());
    }

    private void countFailure(UsernamePasswordCredential credential, HttpServletRequest request) {
        try {
            limits.check(Limit.LOGIN_PER_ADDRESS, request.getRemoteAddr());
        } finally {
            limits.check(Limit.LOGIN_PER_ACCOUNT, credential.getCaller());
        }
    }

    /** The login page: failed attempts count, per client address and per account. */
    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        try {
            requireNotBlocked(password, request);
        } catch (RateLimitedException e) {
            request.setAttribute(RATE_LIMITED_ATTRIBUTE, e.retryAfterSeconds());
            return AuthenticationStatus.SEND_FAILURE;
        }
        AuthenticationOutcome outcome = passwordCheck.validate(password, request.getRemoteAddr());
        if (outcome.authenticatedUser().isEmpty()) {
            request.setAttribute(FAILURE_ATTRIBUTE, outcome.status());
            try {
                countFailure(password, request);
            } catch (RateLimitedException e) {
                // this failure was the last one allowed; the next attempt is refused
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        AuthenticatedUser user = outcome.user();
        SessionUser.store(request, user);
        return context.notifyContainerAboutLogin(user.username(), user.roles());
    }

    private static AuthenticationStatus tooMany(HttpServletRequest request, HttpServletResponse response,
                                                RateLimitedException e) {
        try {
            TooManyRequests.send(request, response, e.retryAfterSeconds());
        } catch (java.io.IOException io) {
            response.setStatus(429);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApiPath(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.startsWith("/api") || path.startsWith("/dicomweb");
    }

    private static AuthenticationStatus challenge(HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Yunying\", charset=\"UTF-8\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** RFC 7617 Basic credentials, decoded as UTF-8 so that non-ASCII passwords work. */
    static Optional<UsernamePasswordCredential> basicCredential(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
