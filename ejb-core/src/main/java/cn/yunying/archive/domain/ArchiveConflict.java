package cn.yunying.archive.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something the archive noticed while ingesting and keeps visible: conflicting demographics, a duplicate instance. */
@Entity
@Table(name = "archive_conflict")
@NamedQuery(name = ArchiveConflict.ALL, query = "SELECT c FROM ArchiveConflict c ORDER BY c.occurredAt DESC, c.id DESC")
@NamedQuery(name = ArchiveConflict.OF_INSTITUTIONS, query = "SELECT c FROM ArchiveConflict c"
        + " WHERE c.institutionId IN :ids ORDER BY c.occurredAt DESC, c.id DESC")
public class ArchiveConflict {

    public static final String ALL = "ArchiveConflict.all";
    public static final String OF_INSTITUTIONS = "ArchiveConflict.ofInstitutions";

    public enum Kind { PATIENT_DEMOGRAPHICS, DUPLICATE_INSTANCE }

    @Id
    @SequenceGenerator(name = "archive_conflict_seq", sequenceName = "archive_conflict_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "archive_conflict_seq")
    private Long id;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    @Column(name = "kind", nullable = false, length = 32)
    private String kind;

    @Column(name = "patient_id", length = 64)
    private String patientId;

    @Column(name = "issuer", length = 64)
    private String issuer;

    @Column(name = "study_uid", length = 64)
    private String studyUid;

    @Column(name = "sop_instance_uid", length = 64)
    private String sopInstanceUid;

    @Column(name = "kept_value", length = 1000)
    private String keptValue;

    @Column(name = "received_value", length = 1000)
    private String receivedValue;

    @Column(name = "resolution", nullable = false, length = 32)
    private String resolution;

    @Column(name = "source", nullable = false, length = 80)
    private String source;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected ArchiveConflict() {
        // for JPA
    }

    public ArchiveConflict(Long institutionId, Kind kind, String patientId, String issuer, String studyUid,
                           String sopInstanceUid, String keptValue, String receivedValue, String resolution,
                           String source, Instant occurredAt) {
        this.institutionId = institutionId;
        this.kind = kind.name();
        this.patientId = patientId;
        this.issuer = issuer;
        this.studyUid = studyUid;
        this.sopInstanceUid = sopInstanceUid;
        this.keptValue = clip(keptValue);
        this.receivedValue = clip(receivedValue);
        this.resolution = resolution;
        this.source = source;
        this.occurredAt = occurredAt;
    }

    private static String clip(String value) {
        return value == null || value.length() <= 1000 ? value : value.substring(0, 1000);
    }

    public Long getId() {
        return id;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public String getKind() {
        return kind;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getStudyUid() {
        return studyUid;
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public String getKeptValue() {
        return keptValue;
    }

    public String getReceivedValue() {
        return receivedValue;
    }

    public String getResolution() {
        return resolution;
    }

    public String getSource() {
        return source;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
