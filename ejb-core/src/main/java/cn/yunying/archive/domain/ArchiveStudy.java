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
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** A study of one institution's patient, with the attributes queries match on and its instance counts. */
@Entity
@Table(name = "archive_study")
@NamedQuery(name = ArchiveStudy.FIND_BY_UID, query = "SELECT s FROM ArchiveStudy s WHERE s.studyUid = :uid")
public class ArchiveStudy {

    public static final String FIND_BY_UID = "ArchiveStudy.findByUid";

    @Id
    @SequenceGenerator(name = "archive_study_seq", sequenceName = "archive_study_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "archive_study_seq")
    private Long id;

    @Column(name = "patient_pk", nullable = false, updatable = false)
    private Long patientPk;

    @Column(name = "institution_id", nullable = false, updatable = false)
    private Long institutionId;

    @Column(name = "study_uid", nullable = false, length = 64, updatable = false)
    private String studyUid;

    @Column(name = "study_date")
    private LocalDate studyDate;

    @Column(name = "study_time")
    private LocalTime studyTime;

    @Column(name = "accession_number", length = 64)
    private String accessionNumber;

    @Column(name = "modalities", length = 200)
    private String modalities;

    @Column(name = "referring_physician", length = 324)
    private String referringPhysician;

    @Column(name = "referring_physician_norm", length = 324)
    private String referringPhysicianNorm;

    @Column(name = "study_description", length = 200)
    private String studyDescription;

    @Column(name = "study_id", length = 64)
    private String studyId;

    @Column(name = "number_of_series", nullable = false)
    private int numberOfSeries;

    @Column(name = "number_of_instances", nullable = false)
    private int numberOfInstances;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** VIP-flagged: visible only to holders of a VIP access grant of the owning institution (docs/security.md). */
    @Column(name = "vip_since")
    private Instant vipSince;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ArchiveStudy() {
        // for JPA
    }

    public ArchiveStudy(Long patientPk, Long institutionId, String studyUid, LocalDate studyDate, LocalTime studyTime,
                        String accessionNumber, String referringPhysician, String studyDescription, String studyId,
                        Instant receivedAt) {
        this.patientPk = patientPk;
        this.institutionId = institutionId;
        this.studyUid = studyUid;
        this.studyDate = studyDate;
        this.studyTime = studyTime;
        this.accessionNumber = accessionNumber;
        this.referringPhysician = referringPhysician;
        this.referringPhysicianNorm = Matching.normalizeName(referringPhysician);
        this.studyDescription = studyDescription;
        this.studyId = studyId;
        this.receivedAt = receivedAt;
        this.updatedAt = receivedAt;
        this.modalities = "";
    }

    /** Counts one more instance (and series, when it is new) and adds its modality to the study's list. */
    public void added(String modality, boolean newSeries, Instant at) {
        numberOfInstances++;
        if (newSeries) {
            numberOfSeries++;
        }
        if (modality != null && !modality.isBlank()) {
            Set<String> all = new LinkedHashSet<>(Arrays.asList(modalities.isEmpty() ? new String[0]
                    : modalities.split("\\\\")));
            all.add(modality.strip());
            modalities = String.join("\\", all);
        }
        updatedAt = at;
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

    public Long getPatientPk() {
        return patientPk;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public String getStudyUid() {
        return studyUid;
    }

    public String getModalities() {
        return modalities;
    }

    public int getNumberOfSeries() {
        return numberOfSeries;
    }

    public int getNumberOfInstances() {
        return numberOfInstances;
    }

    /** Adds the study's indexed attributes and counts to a query result. */
    public Attributes addTo(Attributes out) {
        out.setString(0x0020000D, VR.UI, studyUid);
        if (studyDate != null) {
            out.setDate(0x00080020, studyDate);
        } else {
            out.setString(0x00080020, VR.DA);
        }
        if (studyTime != null) {
            out.setTime(0x00080030, studyTime);
        } else {
            out.setString(0x00080030, VR.TM);
        }
        out.setString(0x00080050, VR.SH, nz(accessionNumber));
        out.setString(0x00080061, VR.CS, modalities.isEmpty() ? new String[0] : modalities.split("\\\\"));
        out.setString(0x00080090, VR.PN, nz(referringPhysician));
        out.setString(0x00081030, VR.LO, nz(studyDescription));
        out.setString(0x00200010, VR.SH, nz(studyId));
        out.setInt(0x00201206, VR.IS, numberOfSeries);
        out.setInt(0x00201208, VR.IS, numberOfInstances);
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
