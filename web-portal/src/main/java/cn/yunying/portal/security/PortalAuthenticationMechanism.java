package cn.yunying.portal.security;

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
    static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    PasswordCheck passwordCheck;

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
            AuthenticationOutcome outcome = passwordCheck.validate(basic.get(), request.getRemoteAddr());
            return outcome.authenticatedUser()
                    .map(user -> context.notifyContainerAboutLogin(user.username(), user.roles()))
                    .orElseGet(() -> challenge(response));
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return isApiPath(request) ? challenge(response) : context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        AuthenticationOutcome outcome = passwordCheck.validate(password, request.getRemoteAddr());
        if (outcome.authenticatedUser().isEmpty()) {
            request.setAttribute(FAILURE_ATTRIBUTE, outcome.status());
            return AuthenticationStatus.SEND_FAILURE;
        }
        AuthenticatedUser user = outcome.user();
        SessionUser.store(request, user);
        return context.notifyContainerAboutLogin(user.username(), user.roles());
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
