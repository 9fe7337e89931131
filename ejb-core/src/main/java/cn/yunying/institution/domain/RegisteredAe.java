package cn.yunying.institution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A DICOM application entity owned by an institution: a calling AE the archive accepts associations from and,
 * when {@code moveDestination} is set, a place a C-MOVE may send to (host and port then required).
 */
@Entity
@Table(name = "registered_ae")
@NamedQuery(name = RegisteredAe.FIND_BY_TITLE, query = "SELECT a FROM RegisteredAe a WHERE a.aeTitle = :aeTitle")
@NamedQuery(name = RegisteredAe.FIND_BY_INSTITUTIONS,
        query = "SELECT a FROM RegisteredAe a WHERE a.institutionId IN :ids ORDER BY a.aeTitle")
public class RegisteredAe {

    public static final String FIND_BY_TITLE = "RegisteredAe.findByTitle";
    public static final String FIND_BY_INSTITUTIONS = "RegisteredAe.findByInstitutions";

    /** PS3.5: AE is 1-16 characters of the default repertoire without backslash or control characters. */
    private static final Pattern AE_TITLE = Pattern.compile("[\\x20-\\x5B\\x5D-\\x7E]{1,16}");

    @Id
    @SequenceGenerator(name = "registered_ae_seq", sequenceName = "registered_ae_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "registered_ae_seq")
    private Long id;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    @Column(name = "ae_title", nullable = false, length = 16)
    private String aeTitle;

    @Column(name = "host", nullable = false, length = 255)
    private String host;

    @Column(name = "port")
    private Integer port;

    @Column(name = "move_destination", nullable = false)
    private boolean moveDestination;

    /** Hex SHA-256 of the DER certificate the node must present over TLS; null: no certificate pinned. */
    @Column(name = "tls_certificate_sha256", length = 64)
    private String tlsCertificateSha256;

    @Column(name = "tls_certificate_subject", length = 1000)
    private String tlsCertificateSubject;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected RegisteredAe() {
        // for JPA
    }

    public RegisteredAe(Long institutionId, String aeTitle, String host, Integer port, boolean moveDestination) {
        this.institutionId = Objects.requireNonNull(institutionId, "institutionId");
        this.aeTitle = checkAeTitle(aeTitle);
        this.host = Objects.requireNonNull(host, "host");
        if (moveDestination && (port == null || port < 1 || port > 65535)) {
            throw new IllegalArgumentException("a move destination needs a port between 1 and 65535");
        }
        this.port = port;
        this.moveDestination = moveDestination;
    }

    /** Trims the padding DICOM allows and checks the repertoire; AE titles are case-sensitive. */
    public static String checkAeTitle(String aeTitle) {
        String trimmed = aeTitle == null ? "" : aeTitle.strip();
        if (!AE_TITLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("invalid AE title: '" + aeTitle + "'");
        }
        return trimmed;
    }

    public Long getId() {
        return id;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public String getAeTitle() {
        return aeTitle;
    }

    public String getHost() {
        return host;
    }

    public Integer getPort() {
        return port;
    }

    public boolean isMoveDestination() {
        return moveDestination;
    }

    /** Pins the node to one TLS client certificate (its SHA-256 and subject, for display). */
    public void pinCertificate(String sha256, String subject) {
        this.tlsCertificateSha256 = sha256;
        this.tlsCertificateSubject = subject;
    }

    public String getTlsCertificateSha256() {
        return tlsCertificateSha256;
    }

    public String getTlsCertificateSubject() {
        return tlsCertificateSubject;
    }
}
