package cn.yunying.institution.application;

import cn.yunying.identity.application.CallerProfile;
import cn.yunying.identity.application.CallerProfiles;
import cn.yunying.institution.application.events.InstitutionSettingsChanged;
import cn.yunying.institution.domain.Department;
import cn.yunying.institution.domain.Institution;
import cn.yunying.institution.domain.InstitutionFeature;
import cn.yunying.institution.domain.InstitutionSetting;
import cn.yunying.institution.infrastructure.JpaInstitutionRepository;
import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Departments and feature settings of an institution. The department list is public (the registration page offers
 * it); the feature settings are read and both are changed by the institution's administrators (platform
 * administrators may read). Every change is audited (INSTITUTION_SETTINGS_CHANGED).
 */
@Stateless
@PermitAll
public class InstitutionSettings {

    @Inject
    JpaInstitutionRepository repository;

    @Inject
    CallerProfiles callers;

    @Inject
    Event<InstitutionSettingsChanged> changed;

    public List<DepartmentView> departments(Long institutionId) {
        return repository.departmentsOf(institutionId).stream()
                .map(d -> new DepartmentView(d.getCode(), d.getName())).toList();
    }

    /** Every feature with its current value (the default unless set). */
    public Map<String, Boolean> features(Long institutionId) {
        CallerProfile caller = callers.current();
        if (!caller.administers(institutionId) && !caller.isPlatformAdmin()) {
            throw new AccessDeniedException(caller.username() + " may not read the settings of " + institutionId);
        }
        return featuresOf(institutionId);
    }

    /** Whether a feature is enabled, for the other contexts' rules (no caller check: it is not shown to anyone). */
    public boolean enabled(Long institutionId, String feature) {
        return featuresOf(institutionId).getOrDefault(feature, false);
    }

    /** The departments as lines ({@code CODE=name}), for the editing form. */
    public String departmentLines(Long institutionId) {
        StringBuilder lines = new StringBuilder();
        departments(institutionId).forEach(d -> lines.append(d.code()).append('=').append(d.name()).append('\n'));
        return lines.toString();
    }

    /** Replaces the departments and sets every feature to whether it is in {@code enabledFeatures}. */
    public void update(Long institutionId, String departmentLines, Set<String> enabledFeatures) {
        CallerProfile caller = callers.current();
        if (!caller.administers(institutionId)) {
            throw new AccessDeniedException(caller.username() + " does not administer " + institutionId);
        }
        Institution institution = repository.find(institutionId).orElseThrow();
        String detail = replace(repository, institution, departmentLines, enabledFeatures);
        changed.fire(new InstitutionSettingsChanged(Instant.now(), caller.username(), institution.getCode(), detail));
    }

    /**
     * Validates and stores the settings, without a caller check (the application for certification and
     * {@link #update}); returns what was set, for the audit record.
     */
    static String replace(JpaInstitutionRepository repository, Institution institution, String departmentLines,
                          Set<String> enabledFeatures) {
        List<Department.Entry> entries;
        try {
            entries = Department.parse(departmentLines);
        } catch (Department.InvalidList e) {
            throw new DomainException(ApplicationError.INVALID_DEPARTMENTS, e.getMessage());
        }
        Set<String> enabled = new TreeSet<>();
        List<InstitutionSetting> settings = new ArrayList<>();
        for (InstitutionFeature feature : InstitutionFeature.values()) {
            boolean on = enabledFeatures == null ? feature.defaultValue() : enabledFeatures.contains(feature.name());
            settings.add(new InstitutionSetting(institution.getId(), feature, on));
            if (on) {
                enabled.add(feature.name());
            }
        }
        if (enabledFeatures != null) {
            for (String name : enabledFeatures) {
                if (!enabled.contains(name)) {
                    throw new DomainException(ApplicationError.UNKNOWN_FEATURE, String.valueOf(name));
                }
            }
        }
        repository.replaceSettings(institution.getId(),
                entries.stream().map(e -> new Department(institution.getId(), e)).toList(), settings);
        return entries.size() + " department(s); enabled " + enabled;
    }

    private Map<String, Boolean> featuresOf(Long institutionId) {
        Map<String, Boolean> values = new LinkedHashMap<>();
        for (InstitutionFeature feature : InstitutionFeature.values()) {
            values.put(feature.name(), feature.defaultValue());
        }
        repository.settingsOf(institutionId).forEach(s -> values.put(s.getName(), s.enabled()));
        return values;
    }
}
