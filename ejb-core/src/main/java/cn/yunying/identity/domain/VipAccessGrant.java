package cn.yunying.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A user may see the VIP-flagged patients and studies of one institution. Given and revoked by that institution's
 * administrators; the institution is referenced by id (it belongs to another context).
 */
@Entity
@Table(name = "vip_access_grant")
@NamedQuery(name = VipAccessGrant.OF_USER, query = "SELECT g FROM VipAccessGrant g WHERE g.userId = :userId")
@NamedQuery(name = VipAccessGrant.OF_INSTITUTION, query = "SELECT g FROM VipAccessGrant g"
        + " WHERE g.institutionId = :institutionId ORDER BY g.grantedAt")
@NamedQuery(name = VipAccessGrant.FIND, query = "SELECT g FROM VipAccessGrant g WHERE g.userId = :userId"
        + " AND g.institutionId = :institutionId")
public class VipAccessGrant {

    public static final String OF_USER = "VipAccessGrant.ofUser";
    public static final String OF_INSTITUTION = "VipAccessGrant.ofInstitution";
    public static final String FIND = "VipAccessGrant.find";

    @Id
    @SequenceGenerator(name = "vip_access_grant_seq", sequenceName = "vip_access_grant_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vip_access_grant_seq")
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Column(name = "institution_id", nullable = false, updatable = false)
    private Long institutionId;

    @Column(name = "granted_by", nullable = false, length = 64, updatable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    protected VipAccessGrant() {
        // for JPA
    }

    public VipAccessGrant(Long userId, Long institutionId, String grantedBy, Instant grantedAt) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.institutionId = Objects.requireNonNull(institutionId, "institutionId");
        this.grantedBy = Objects.requireNonNull(grantedBy, "grantedBy");
        this.grantedAt = Objects.requireNonNull(grantedAt, "grantedAt");
    }

    public Long getUserId() {
        return userId;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }
}
