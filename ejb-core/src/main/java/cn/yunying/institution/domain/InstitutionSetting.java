package cn.yunying.institution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One feature setting of an institution that differs from, or confirms, its default ({@link InstitutionFeature}). */
@Entity
@Table(name = "institution_setting")
@NamedQuery(name = InstitutionSetting.OF_INSTITUTION, query = "SELECT s FROM InstitutionSetting s"
        + " WHERE s.institutionId = :id")
public class InstitutionSetting {

    public static final String OF_INSTITUTION = "InstitutionSetting.ofInstitution";

    @Id
    @SequenceGenerator(name = "institution_setting_seq", sequenceName = "institution_setting_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "institution_setting_seq")
    private Long id;

    @Column(name = "institution_id", nullable = false, updatable = false)
    private Long institutionId;

    @Column(name = "name", nullable = false, length = 48, updatable = false)
    private String name;

    @Column(name = "setting_value", nullable = false, length = 200)
    private String value;

    protected InstitutionSetting() {
        // for JPA
    }

    public InstitutionSetting(Long institutionId, InstitutionFeature feature, boolean enabled) {
        this.institutionId = institutionId;
        this.name = feature.name();
        this.value = Boolean.toString(enabled);
    }

    public String getName() {
        return name;
    }

    public boolean enabled() {
        return Boolean.parseBoolean(value);
    }
}
