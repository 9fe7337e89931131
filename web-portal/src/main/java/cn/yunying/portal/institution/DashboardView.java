package cn.yunying.portal.institution;

import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.institution.application.InstitutionView;
import cn.yunying.portal.i18n.LanguageView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The dashboard: the institutions the user may see, as the institution directory scopes them. */
@Named("dashboard")
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    InstitutionDirectory directory;

    @Inject
    LanguageView language;

    private List<InstitutionView> institutions;

    @PostConstruct
    void load() {
        institutions = directory.visibleInstitutions();
    }

    public List<InstitutionView> getInstitutions() {
        return institutions;
    }

    public String aeTitlesOf(InstitutionView institution) {
        return String.join(", ", institution.aeTitles());
    }

    public String nameOf(InstitutionView institution) {
        return language.isChinese() ? institution.nameZh() : institution.nameEn();
    }
}
