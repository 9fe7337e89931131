package cn.yunying.portal.archive;

import cn.yunying.identity.application.VipAccess;
import cn.yunying.identity.application.VipGrantView;
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

/** VIP access grants of an institution the user administers: list, give, revoke. */
@Named("vipAccessView")
@ViewScoped
public class VipAccessView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    VipAccess access;

    @EJB
    InstitutionDirectory directory;

    @Inject
    FacesFeedback feedback;

    @Inject
    LanguageView language;

    private List<InstitutionView> institutions = List.of();
    private List<VipGrantView> grants = List.of();
    private Long institutionId;
    private String username;

    @PostConstruct
    void init() {
        institutions = directory.visibleInstitutions();
        if (!institutions.isEmpty()) {
            institutionId = institutions.get(0).id();
        }
        load();
    }

    public void load() {
        grants = List.of();
        if (institutionId != null) {
            feedback.attempt(() -> grants = access.grants(institutionId), null);
        }
    }

    public void grant() {
        if (feedback.attempt(() -> access.grant(institutionId, username), "vip.granted")) {
            username = null;
            load();
        }
    }

    public void revoke(String grantee) {
        if (feedback.attempt(() -> access.revoke(institutionId, grantee), "vip.revoked")) {
            load();
        }
    }

    public String nameOf(InstitutionView institution) {
        return language.isChinese() ? institution.nameZh() : institution.nameEn();
    }

    public List<InstitutionView> getInstitutions() {
        return institutions;
    }

    public List<VipGrantView> getGrants() {
        return grants;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(Long institutionId) {
        this.institutionId = institutionId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
