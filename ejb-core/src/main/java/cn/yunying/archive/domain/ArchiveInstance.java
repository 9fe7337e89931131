package cn.yunying.archive.domain;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.VR;
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

/** A stored SOP instance: where its file is, its checksums, and its non-bulk attributes as DICOM JSON. */
@Entity
@Table(name = "archive_instance")
@NamedQuery(name = ArchiveInstance.FIND_BY_UID, query = "SELECT i FROM ArchiveInstance i"
        + " WHERE i.sopInstanceUid = :uid")
public class ArchiveInstance {

    public static final String FIND_BY_UID = "ArchiveInstance.findByUid";

    public enum StorageStatus { ONLINE }

    @Id
    @SequenceGenerator(name = "archive_instance_seq", sequenceName = "archive_instance_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "archive_instance_seq")
    private Long id;

    @Column(name = "series_pk", nullable = false, updatable = false)
    private Long seriesPk;

    @Column(name = "sop_instance_uid", nullable = false, length = 64, updatable = false)
    private String sopInstanceUid;

    @Column(name = "sop_class_uid", nullable = false, length = 64)
    private String sopClassUid;

    @Column(name = "instance_number")
    private Integer instanceNumber;

    @Column(name = "transfer_syntax", nullable = false, length = 64)
    private String transferSyntax;

    @Column(name = "file_path", nullable = false, length = 400)
    private String filePath;

    @Column(name = "file_size", nullable = false)
    private long fileSize;

    @Column(name = "md5", nullable = false, length = 32)
    private String md5;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "storage_status", nullable = false, length = 16)
    private StorageStatus storageStatus;

    @Column(name = "source", nullable = false, length = 80)
    private String source;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "metadata_json", nullable = false)
    private String metadataJson;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ArchiveInstance() {
        // for JPA
    }

    public ArchiveInstance(Long seriesPk, String sopInstanceUid, String sopClassUid, Integer instanceNumber,
                           StoredObject file, String source, Instant receivedAt, String metadataJson) {
        this.seriesPk = seriesPk;
        this.sopInstanceUid = sopInstanceUid;
        this.sopClassUid = sopClassUid;
        this.instanceNumber = instanceNumber;
        this.source = source;
        this.receivedAt = receivedAt;
        this.metadataJson = metadataJson;
        this.storageStatus = StorageStatus.ONLINE;
        take(file);
    }

    /** The replace policy: a new copy under the same UID; returns the path of the file it replaces. */
    public String replaceWith(StoredObject file, String sopClass, Integer number, String newSource, Instant at,
                              String json) {
        String old = filePath;
        take(file);
        sopClassUid = sopClass;
        instanceNumber = number;
        source = newSource;
        receivedAt = at;
        metadataJson = json;
        return old;
    }

    private void take(StoredObject file) {
        transferSyntax = file.transferSyntaxUid();
        filePath = file.relativePath();
        fileSize = file.size();
        md5 = file.md5();
        sha256 = file.sha256();
    }

    public Long getId() {
        return id;
    }

    public Long getSeriesPk() {
        return seriesPk;
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public String getSopClassUid() {
        return sopClassUid;
    }

    public String getTransferSyntax() {
        return transferSyntax;
    }

    public String getFilePath() {
        return filePath;
    }

    public long getFileSize() {
        return fileSize;
    }

    public String getMd5() {
        return md5;
    }

    public String getSha256() {
        return sha256;
    }

    public String getMetadataJson() {
        return metadataJson;
    }

    /** Adds the instance's indexed attributes to a query result. */
    public Attributes addTo(Attributes out) {
        out.setString(0x00080016, VR.UI, sopClassUid);
        out.setString(0x00080018, VR.UI, sopInstanceUid);
        if (instanceNumber != null) {
            out.setInt(0x00200013, VR.IS, instanceNumber);
        } else {
            out.setString(0x00200013, VR.IS);
        }
        out.setString(0x00083002, VR.UI, transferSyntax);
        return out;
    }
}
