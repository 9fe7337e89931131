package cn.yunying.institution.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** A document an institution submitted for certification, kept with its SHA-256 so that any change is visible. */
@Entity
@Table(name = "institution_document")
@NamedQuery(name = InstitutionDocument.OF_INSTITUTION,
        query = "SELECT d FROM InstitutionDocument d WHERE d.institutionId = :institutionId ORDER BY d.id")
public class InstitutionDocument {

    public static final String OF_INSTITUTION = "InstitutionDocument.ofInstitution";

    @Id
    @SequenceGenerator(name = "institution_document_seq", sequenceName = "institution_document_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "institution_document_seq")
    private Long id;

    @Column(name = "institution_id", nullable = false, updatable = false)
    private Long institutionId;

    @Column(name = "file_name", nullable = false, length = 255, updatable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 64, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64, updatable = false)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "uploaded_by", nullable = false, length = 64, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected InstitutionDocument() {
        // for JPA
    }

    public InstitutionDocument(Long institutionId, String fileName, DocumentType type, byte[] content,
                               String uploadedBy, Instant uploadedAt) {
        this.institutionId = institutionId;
        this.fileName = safeFileName(fileName);
        this.contentType = type.contentType();
        this.sizeBytes = content.length;
        this.sha256 = sha256(content);
        this.content = content.clone();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    /** Keeps only the last path segment and drops control characters: the name is shown and sent back as a header. */
    static String safeFileName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            base = "document";
        }
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java SE runtime", e);
        }
    }

    public Long getId() {
        return id;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
