package cn.yunying.archive.domain;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.VR;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A patient of one institution, identified by patient id and issuer; the first demographics received are kept. */
@Entity
@Table(name = "archive_patient")
@NamedQuery(name = ArchivePatient.FIND, query = "SELECT p FROM ArchivePatient p WHERE p.institutionId = :institution"
        + " AND p.patientId = :patientId AND p.issuer = :issuer")
public class ArchivePatient {

    public static final String FIND = "ArchivePatient.find";

    @Id
    @SequenceGenerator(name = "archive_patient_seq", sequenceName = "archive_patient_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "archive_patient_seq")
    private Long id;

    @Column(name = "institution_id", nullable = false, updatable = false)
    private Long institutionId;

    @Column(name = "patient_id", nullable = false, length = 64, updatable = false)
    private String patientId;

    @Column(name = "issuer", nullable = false, length = 64, updatable = false)
    private String issuer;

    @Column(name = "patient_name", length = 324)
    private String patientName;

    @Column(name = "patient_name_norm", length = 324)
    private String patientNameNorm;

    /** The ideographic and phonetic component groups, upper-cased, for matching through an index (V0013). */
    @Column(name = "patient_name_ideographic_norm", length = 324)
    private String patientNameIdeographicNorm;

    @Column(name = "patient_name_phonetic_norm", length = 324)
    private String patientNamePhoneticNorm;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "sex", length = 16)
    private String sex;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** VIP-flagged: visible only to holders of a VIP access grant of the owning institution (docs/security.md). */
    @Column(name = "vip_since")
    private Instant vipSince;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ArchivePatient() {
        // for JPA
    }

    public ArchivePatient(Long institutionId, String patientId, String issuer, String patientName, LocalDate birthDate,
                          String sex, Instant createdAt) {
        this.institutionId = institutionId;
        this.patientId = patientId == null ? "" : patientId;
        this.issuer = issuer == null ? "" : issuer;
        this.patientName = patientName;
        this.patientNameNorm = Matching.normalizeName(patientName);
        this.patientNameIdeographicNorm = group(patientNameNorm, 1);
        this.patientNamePhoneticNorm = group(patientNameNorm, 2);
        this.birthDate = birthDate;
        this.sex = sex;
        this.createdAt = createdAt;
    }

    /** Component group {@code index} (0 alphabetic, 1 ideographic, 2 phonetic) of a name; null when absent or empty. */
    static String group(String name, int index) {
        if (name == null) {
            return null;
        }
        String[] groups = name.split("=", 3);
        return index < groups.length && !groups[index].isEmpty() ? groups[index] : null;
    }

    /** A readable list of the demographics that differ from those kept, or null when they agree. */
    public String differencesFrom(String name, LocalDate birth, String otherSex) {
        StringBuilder diff = new StringBuilder();
        differ(diff, "PatientName", patientName, name);
        differ(diff, "PatientBirthDate", birthDate == null ? null : birthDate.toString(),
                birth == null ? null : birth.toString());
        differ(diff, "PatientSex", sex, otherSex);
        return diff.length() == 0 ? null : diff.toString();
    }

    private static void differ(StringBuilder diff, String what, String kept, String received) {
        if (received != null && !received.isBlank() && !received.equals(kept)) {
            diff.append(diff.length() == 0 ? "" : "; ").append(what).append('=').append(received);
        }
    }

    public String demographics() {
        return "PatientName=" + patientName + "; PatientBirthDate=" + birthDate + "; PatientSex=" + sex;
    }

    public boolean isVip() {
        return vipSince != null;
    }

    /** Flags (from {@code at}, unless already flagged) or unflags. */
    public void setVip(boolean vip, Instant at) {
        vipSince = !vip ? null : vipSince == null ? at : vipSince;
    }

    public Long getId() {
        return id;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getPatientName() {
        return patientName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getSex() {
        return sex;
    }

    /** Adds the patient's indexed attributes to a query result. */
    public Attributes addTo(Attributes out) {
        out.setString(0x00100010, VR.PN, nz(patientName));
        out.setString(0x00100020, VR.LO, patientId);
        if (!issuer.isEmpty()) {
            out.setString(0x00100021, VR.LO, issuer);
        }
        if (birthDate != null) {
            out.setDate(0x00100030, birthDate);
        } else {
            out.setString(0x00100030, VR.DA);
        }
        out.setString(0x00100040, VR.CS, nz(sex));
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
