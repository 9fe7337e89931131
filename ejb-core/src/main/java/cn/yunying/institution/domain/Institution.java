package cn.yunying.institution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A member institution of the alliance, named in Chinese and English. */
@Entity
@Table(name = "institution")
@NamedQuery(name = Institution.FIND_ALL, query = "SELECT i FROM Institution i ORDER BY i.code")
@NamedQuery(name = Institution.FIND_BY_CODE, query = "SELECT i FROM Institution i WHERE i.code = :code")
@NamedQuery(name = Institution.FIND_BY_IDS, query = "SELECT i FROM Institution i WHERE i.id IN :ids ORDER BY i.code")
@NamedQuery(name = Institution.FIND_BY_LICENSE, query = "SELECT i FROM Institution i WHERE i.licenseNumber = :license")
@NamedQuery(name = Institution.FIND_BY_STATUSES,
        query = "SELECT i FROM Institution i WHERE i.status IN :statuses ORDER BY i.createdAt, i.id")
public class Institution {

    public static final String FIND_ALL = "Institution.findAll";
    public static final String FIND_BY_CODE = "Institution.findByCode";
    public static final String FIND_BY_IDS = "Institution.findByIds";
    public static final String FIND_BY_STATUSES = "Institution.findByStatuses";
    public static final String FIND_BY_LICENSE = "Institution.findByLicense";

    @Id
    @SequenceGenerator(name = "institution_seq", sequenceName = "institution_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "institution_seq")
    private Long id;

    @Column(name = "code", nullable = false, length = 32)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 200)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 200)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", nullable = false, length = 32)
    private InstitutionLevel level;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 32)
    private InstitutionStatus status;

    @Column(name = "license_number", length = 64)
    private String licenseNumber;

    @Column(name = "contact_phone", length = 32)
    private String contactPhone;

    @Column(name = "contact_name", length = 100)
    private String contactName;

    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Institution() {
        // for JPA
    }

    public Institution(String code, String nameZh, String nameEn, InstitutionLevel level, InstitutionStatus status,
                       Instant createdAt) {
        this.code = requireText(code, "code");
        this.nameZh = requireText(nameZh, "nameZh");
        this.nameEn = requireText(nameEn, "nameEn");
        this.level = Objects.requireNonNull(level, "level");
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public InstitutionLevel getLevel() {
        return level;
    }

    public InstitutionStatus getStatus() {
        return status;
    }

    public String getLicenseNumber() {
        return licenseNumber;
    }

    public void setLicenseNumber(String licenseNumber) {
        this.licenseNumber = licenseNumber;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContact(String name, String email) {
        this.contactName = name;
        this.contactEmail = email;
    }

    /** The first step of an application's history, recorded when the applicant submits it. */
    public CertificationEvent applied(String applicant, Instant at) {
        if (status != InstitutionStatus.APPLIED) {
            throw new CertificationRefused(CertificationRefused.Why.NOT_ALLOWED_IN_STATE, "not an application: " + status);
        }
        return new CertificationEvent(id, CertificationAction.APPLY, null, InstitutionStatus.APPLIED, null, applicant, at);
    }

    /**
     * Moves the certification state as {@link CertificationPolicy} allows and returns the history record to store.
     *
     * @throws CertificationRefused when the action is not allowed now, or a required reason is missing
     */
    public CertificationEvent certification(CertificationAction action, String reason, String actor, Instant at) {
        InstitutionStatus to = CertificationPolicy.next(status, action).orElseThrow(() -> new CertificationRefused(
                CertificationRefused.Why.NOT_ALLOWED_IN_STATE, action + " is not allowed for an institution " + status));
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (action.requiresReason() && why == null) {
            throw new CertificationRefused(CertificationRefused.Why.REASON_REQUIRED, action + " needs a reason");
        }
        CertificationEvent event = new CertificationEvent(id, action, status, to, why, actor, at);
        status = to;
        return event;
    }
}
