package cn.yunying.portal.security;

import cn.yunying.identity.application.AuthenticatedUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/** The logged-in user for the page header, and logout. */
@Named("currentUser")
@RequestScoped
public class CurrentUserView {

    @Inject
    FacesContext faces;

    public Optional<AuthenticatedUser> user() {
        return SessionUser.of((HttpServletRequest) faces.getExternalContext().getRequest());
    }

    public String getDisplayName() {
        return user().map(AuthenticatedUser::displayName).orElse("");
    }

    public String getUsername() {
        return user().map(AuthenticatedUser::username).orElse("");
    }

    public boolean hasRole(String role) {
        return user().map(u -> u.roles().contains(role)).orElse(false);
    }

    public void logout() throws IOException, jakarta.servlet.ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + PortalAuthenticationMechanism.LOGIN_PAGE + "?loggedOut=true");
        faces.responseComplete();
    }
}
