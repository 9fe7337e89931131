package cn.yunying.portal.security;

import cn.yunying.identity.application.HisAccounts;
import cn.yunying.identity.application.ProfileView;
import cn.yunying.portal.i18n.FacesFeedback;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/** The user's own profile: who they are, and the HIS account id they may bind or change. */
@Named("profilePage")
@ViewScoped
public class ProfilePageView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    HisAccounts his;

    @Inject
    FacesFeedback feedback;

    private ProfileView profile;
    private String hisAccountId;

    @PostConstruct
    void load() {
        profile = his.myProfile();
        hisAccountId = profile.hisAccountId();
    }

    public void bind() {
        String address = ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .getRemoteAddr();
        if (feedback.attempt(() -> profile = his.bind(hisAccountId, address), "profile.hisSaved")) {
            hisAccountId = profile.hisAccountId();
        }
    }

    public ProfileView getProfile() {
        return profile;
    }

    public String getHisAccountId() {
        return hisAccountId;
    }

    public void setHisAccountId(String hisAccountId) {
        this.hisAccountId = hisAccountId;
    }
}
