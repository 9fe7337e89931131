package cn.yunying.portal.i18n;

import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

/**
 * The portal's one translation of service outcomes into page messages: a domain error shows its catalogue message
 * ({@code error.<key>}), a refusal the forbidden message; anything else propagates to the error page.
 */
@RequestScoped
public class FacesFeedback {

    @Inject
    Messages messages;

    /** Runs {@code action}; on a domain error or refusal shows the message and returns false. */
    public boolean attempt(Runnable action, String successKey) {
        try {
            action.run();
            if (successKey != null) {
                add(FacesMessage.SEVERITY_INFO, messages.get(successKey));
            }
            return true;
        } catch (EJBException e) {
            if (e.getCause() instanceof AccessDeniedException) {
                add(FacesMessage.SEVERITY_ERROR, messages.get("error.forbidden"));
                return false;
            }
            throw e;
        } catch (AccessDeniedException e) {
            add(FacesMessage.SEVERITY_ERROR, messages.get("error.forbidden"));
            return false;
        } catch (cn.yunying.shared.RateLimitedException e) {
            add(FacesMessage.SEVERITY_ERROR, messages.get("error.rateLimited")
                    .replace("{0}", Long.toString(e.retryAfterSeconds())));
            return false;
        } catch (DomainException e) {
            add(FacesMessage.SEVERITY_ERROR, messages.get("error." + e.code().key()));
            return false;
        }
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
