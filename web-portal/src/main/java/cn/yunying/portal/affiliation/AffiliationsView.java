package cn.yunying.portal.affiliation;

import cn.yunying.affiliation.application.AffiliationService;
import cn.yunying.affiliation.application.AffiliationView;
import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.institution.application.InstitutionView;
import cn.yunying.portal.i18n.FacesFeedback;
import cn.yunying.portal.i18n.LanguageView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Affiliations of the user's institutions: request one, and accept, decline, withdraw or end them. */
@Named("affiliationsView")
@ViewScoped
public class AffiliationsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AffiliationService affiliations;

    @EJB
    InstitutionDirectory directory;

    @Inject
    FacesFeedback feedback;

    @Inject
    LanguageView language;

    private List<AffiliationView> visible = List.of();
    private List<InstitutionView> mine = List.of();
    private List<InstitutionView> members = List.of();
    private Long fromId;
    private Long targetId;
    private boolean forMyself;
    private String note;
    private String reason;

    @PostConstruct
    void load() {
        visible = affiliations.visibleAffiliations();
        mine = directory.visibleInstitutions();
        members = directory.certifiedMembers();
        if (fromId == null && !mine.isEmpty()) {
            fromId = mine.get(0).id();
        }
    }

    public void request() {
        if (feedback.attempt(() -> affiliations.request(fromId, targetId, forMyself, note), "affiliation.requested")) {
            note = null;
            load();
        }
    }

    public void act(Long affiliationId, String step) {
        if (feedback.attempt(() -> affiliations.act(affiliationId, step, reason), "affiliation.updated")) {
            reason = null;
            load();
        }
    }

    public String nameOf(InstitutionView institution) {
        return language.isChinese() ? institution.nameZh() : institution.nameEn();
    }

    public List<AffiliationView> getVisible() {
        return visible;
    }

    public List<InstitutionView> getMine() {
        return mine;
    }

    public List<InstitutionView> getMembers() {
        return members;
    }

    public Long getFromId() {
        return fromId;
    }

    public void setFromId(Long fromId) {
        this.fromId = fromId;
    }

    public Long getTargetId() {
        return targetId;
    }

    public void setTargetId(Long targetId) {
        this.targetId = targetId;
    }

    public boolean isForMyself() {
        return forMyself;
    }

    public void setForMyself(boolean forMyself) {
        this.forMyself = forMyself;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
