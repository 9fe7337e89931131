package cn.yunying.portal.security;

import cn.yunying.identity.application.PasswordResets;
import cn.yunying.portal.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** "Forgot password": always the same answer, whether or not an account matched. */
@Named("forgotPassword")
@RequestScoped
public class ForgotPasswordView {

    @EJB
    PasswordResets resets;

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    private String identifier;
    private boolean sent;

    public void submit() {
        resets.request(identifier, ((HttpServletRequest) faces.getExternalContext().getRequest()).getRemoteAddr());
        identifier = null;
        sent = true;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, messages.get("reset.sent"), null));
    }

    public boolean isSent() {
        return sent;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }
}
