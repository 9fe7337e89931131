package cn.yunying.portal.security;

import cn.yunying.identity.application.PasswordResets;
import cn.yunying.portal.i18n.FacesFeedback;
import cn.yunying.portal.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/** The page a reset link opens ({@code /reset.xhtml?token=…}): a new password, twice. */
@Named("resetPassword")
@ViewScoped
public class ResetPasswordView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    PasswordResets resets;

    @Inject
    FacesFeedback feedback;

    @Inject
    Messages messages;

    private String token;
    private String password;
    private String confirmation;
    private boolean done;

    public boolean isUsable() {
        return done || resets.isUsable(token);
    }

    public void submit() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String typed = password;
        boolean same = typed != null && typed.equals(confirmation);
        password = null;
        confirmation = null;
        if (!same) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.get("reset.mismatch"), null));
            return;
        }
        String address = ((HttpServletRequest) faces.getExternalContext().getRequest()).getRemoteAddr();
        done = feedback.attempt(() -> resets.reset(token, typed.toCharArray(), address), "reset.done");
    }

    public boolean isDone() {
        return done;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
