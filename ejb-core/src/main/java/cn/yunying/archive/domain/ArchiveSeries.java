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

/** A series of a study. */
@Entity
@Table(name = "archive_series")
@NamedQuery(name = ArchiveSeries.FIND_BY_UID, query = "SELECT s FROM ArchiveSeries s WHERE s.seriesUid = :uid")
@NamedQuery(name = ArchiveSeries.FIND_WITH_STUDY_AND_PATIENT, query = "SELECT se, st, p FROM ArchiveSeries se,"
        + " ArchiveStudy st, ArchivePatient p WHERE se.seriesUid = :uid AND st.id = se.studyPk AND p.id = st.patientPk")
public class ArchiveSeries {

    public static final String FIND_BY_UID = "ArchiveSeries.findByUid";
    public static final String FIND_WITH_STUDY_AND_PATIENT = "ArchiveSeries.findWithStudyAndPatient";

    @Id
    @SequenceGenerator(name = "archive_series_seq", sequenceName = "archive_series_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "archive_series_seq")
    private Long id;

    @Column(name = "study_pk", nullable = false, updatable = false)
    private Long studyPk;

    @Column(name = "series_uid", nullable = false, length = 64, updatable = false)
    private String seriesUid;

    @Column(name = "modality", length = 16)
    private String modality;

    @Column(name = "series_number")
    private Integer seriesNumber;

    @Column(name = "body_part", length = 64)
    private String bodyPart;

    @Column(name = "series_description", length = 200)
    private String seriesDescription;

    @Column(name = "number_of_instances", nullable = false)
    private int numberOfInstances;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ArchiveSeries() {
        // for JPA
    }

    public ArchiveSeries(Long studyPk, String seriesUid, String modality, Integer seriesNumber, String bodyPart,
                         String seriesDescription, Instant receivedAt) {
        this.studyPk = studyPk;
        this.seriesUid = seriesUid;
        this.modality = modality;
        this.seriesNumber = seriesNumber;
        this.bodyPart = bodyPart;
        this.seriesDescription = seriesDescription;
        this.receivedAt = receivedAt;
    }

    public void added() {
        numberOfInstances++;
    }

    public Long getId() {
        return id;
    }

    public Long getStudyPk() {
        return studyPk;
    }

    public String getSeriesUid() {
        return seriesUid;
    }

    public String getModality() {
        return modality;
    }

    /** Adds the series' indexed attributes and count to a query result. */
    public Attributes addTo(Attributes out) {
        out.setString(0x0020000E, VR.UI, seriesUid);
        out.setString(0x00080060, VR.CS, modality == null ? "" : modality);
        if (seriesNumber != null) {
            out.setInt(0x00200011, VR.IS, seriesNumber);
        } else {
            out.setString(0x00200011, VR.IS);
        }
        out.setString(0x00180015, VR.CS, bodyPart == null ? "" : bodyPart);
        out.setString(0x0008103E, VR.LO, seriesDescription == null ? "" : seriesDescription);
        out.setInt(0x00201209, VR.IS, numberOfInstances);
        return out;
    }
}
