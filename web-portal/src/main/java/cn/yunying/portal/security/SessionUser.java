package cn.yunying.portal.security;

import cn.yunying.identity.application.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** The portal keeps the logged-in user in the HTTP session under one attribute; this is its only reader/writer. */
public final class SessionUser {

    static final String ATTRIBUTE = SessionUser.class.getName();

    private SessionUser() {
    }

    public static Optional<AuthenticatedUser> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((AuthenticatedUser) session.getAttribute(ATTRIBUTE));
    }

    /** Starts a fresh session id for the new login so that a session id planted before login is worthless. */
    static void store(HttpServletRequest request, AuthenticatedUser user) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(ATTRIBUTE, user);
    }
}
