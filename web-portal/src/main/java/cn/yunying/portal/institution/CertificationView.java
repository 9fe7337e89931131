package cn.yunying.portal.institution;

import cn.yunying.institution.application.CertificationService;
import cn.yunying.institution.application.DocumentView;
import cn.yunying.institution.application.InstitutionApplications;
import cn.yunying.institution.application.InstitutionView;
import cn.yunying.portal.i18n.FacesFeedback;
import cn.yunying.portal.i18n.LanguageView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The platform administrator's review queue: applications, their documents and the decision with its reason. */
@Named("certificationView")
@ViewScoped
public class CertificationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    CertificationService certification;

    @EJB
    InstitutionApplications applications;

    @Inject
    FacesFeedback feedback;

    @Inject
    LanguageView language;

    private List<InstitutionView> queue = List.of();
    private final Map<Long, List<DocumentView>> documents = new HashMap<>();
    private Long selectedId;
    private String action = "CERTIFY";
    private String reason;

    @PostConstruct
    void load() {
        feedback.attempt(() -> {
            queue = certification.reviewQueue();
            documents.clear();
            queue.forEach(i -> documents.put(i.id(), applications.documents(i.id())));
        }, null);
    }

    public void select(Long institutionId) {
        selectedId = institutionId;
        action = "CERTIFY";
        reason = null;
    }

    public void decide() {
        if (feedback.attempt(() -> certification.decide(selectedId, action, reason), "certification.decided")) {
            load();
        }
    }

    public List<DocumentView> documentsOf(InstitutionView institution) {
        return documents.getOrDefault(institution.id(), List.of());
    }

    public String nameOf(InstitutionView institution) {
        return language.isChinese() ? institution.nameZh() : institution.nameEn();
    }

    public List<InstitutionView> getQueue() {
        return queue;
    }

    public Long getSelectedId() {
        return selectedId;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
