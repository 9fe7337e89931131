package cn.yunying.portal.institution;

import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.institution.application.InstitutionSettings;
import cn.yunying.institution.application.InstitutionView;
import cn.yunying.portal.i18n.FacesFeedback;
import cn.yunying.portal.i18n.LanguageView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The institution administrator edits the departments and feature settings of their institution. */
@Named("institutionSettingsView")
@ViewScoped
public class InstitutionSettingsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    InstitutionSettings settings;

    @EJB
    InstitutionDirectory directory;

    @Inject
    FacesFeedback feedback;

    @Inject
    LanguageView language;

    private List<InstitutionView> institutions = List.of();
    private Long institutionId;
    private String departments;
    private List<String> features = new ArrayList<>();
    private List<String> allFeatures = List.of();

    @PostConstruct
    void init() {
        institutions = directory.visibleInstitutions();
        if (!institutions.isEmpty()) {
            institutionId = institutions.get(0).id();
        }
        load();
    }

    public void load() {
        departments = null;
        features = new ArrayList<>();
        allFeatures = List.of();
        if (institutionId != null) {
            feedback.attempt(() -> {
                Map<String, Boolean> values = settings.features(institutionId);
                allFeatures = List.copyOf(values.keySet());
                values.forEach((name, on) -> {
                    if (on) {
                        features.add(name);
                    }
                });
                departments = settings.departmentLines(institutionId);
            }, null);
        }
    }

    public void save() {
        if (feedback.attempt(() -> settings.update(institutionId, departments, Set.copyOf(features)),
                "settings.saved")) {
            load();
        }
    }

    public String nameOf(InstitutionView institution) {
        return language.isChinese() ? institution.nameZh() : institution.nameEn();
    }

    public List<InstitutionView> getInstitutions() {
        return institutions;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(Long institutionId) {
        this.institutionId = institutionId;
    }

    public String getDepartments() {
        return departments;
    }

    public void setDepartments(String departments) {
        this.departments = departments;
    }

    public List<String> getFeatures() {
        return features;
    }

    public void setFeatures(List<String> features) {
        this.features = features == null ? new ArrayList<>() : features;
    }

    public List<String> getAllFeatures() {
        return allFeatures;
    }
}
