package cn.yunying.portal.registration;

import cn.yunying.portal.i18n.FacesFeedback;
import cn.yunying.registration.application.RegistrationService;
import cn.yunying.registration.application.RegistrationView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The institution administrator's queue of verified registrations: approve, or reject with a reason. */
@Named("registrationsView")
@ViewScoped
public class RegistrationsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    RegistrationService registrations;

    @Inject
    FacesFeedback feedback;

    private List<RegistrationView> awaiting = List.of();
    private String reason;

    @PostConstruct
    void load() {
        awaiting = registrations.awaitingMyDecision();
    }

    public void approve(Long id) {
        if (feedback.attempt(() -> registrations.approve(id), "registration.approved")) {
            load();
        }
    }

    public void reject(Long id) {
        if (feedback.attempt(() -> registrations.reject(id, reason), "registration.rejected")) {
            reason = null;
            load();
        }
    }

    public List<RegistrationView> getAwaiting() {
        return awaiting;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
