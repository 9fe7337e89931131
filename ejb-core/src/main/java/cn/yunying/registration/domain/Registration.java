package cn.yunying.registration.domain;

import cn.yunying.registration.domain.RegistrationRefused.Why;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A doctor's request for an account in one institution. UNVERIFIED → (right code within 10 minutes, at most
 * {@value #MAX_ATTEMPTS} tries) AWAITING_APPROVAL → APPROVED or REJECTED (with reason); the fifth wrong code ends it
 * as FAILED. The password is held only as the hash identity made of it.
 */
@Entity
@Table(name = "registration")
@NamedQuery(name = Registration.OPEN_WITH, query = "SELECT r FROM Registration r WHERE r.status IN :statuses"
        + " AND (r.username = :username OR r.phone = :phone OR LOWER(r.email) = :email)")
@NamedQuery(name = Registration.AWAITING_IN, query = "SELECT r FROM Registration r WHERE r.institutionId IN :ids"
        + " AND r.status = cn.yunying.registration.domain.RegistrationStatus.AWAITING_APPROVAL ORDER BY r.verifiedAt")
public class Registration {

    public static final String OPEN_WITH = "Registration.openWith";
    public static final String AWAITING_IN = "Registration.awaitingIn";
    public static final int MAX_ATTEMPTS = 5;
    public static final Duration CODE_VALIDITY = Duration.ofMinutes(10);

    public enum Verification { VERIFIED, WRONG_CODE, EXPIRED, TOO_MANY_ATTEMPTS, NOT_PENDING }

    @Id
    @SequenceGenerator(name = "registration_seq", sequenceName = "registration_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "registration_seq")
    private Long id;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "phone", nullable = false, length = 32)
    private String phone;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    @Column(name = "department", nullable = false, length = 200)
    private String department;

    @Column(name = "his_account_id", length = 64)
    private String hisAccountId;

    @Column(name = "requested_role", nullable = false, length = 32)
    private String requestedRole;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 32)
    private RegistrationStatus status;

    @Column(name = "code_hash", nullable = false, length = 128)
    private String codeHash;

    @Column(name = "code_expires_at", nullable = false)
    private Instant codeExpiresAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "reason", length = 1000)
    private String reason;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Registration() {
        // for JPA
    }

    /** A new request; {@code codeHash} is {@link VerificationCode#hash} of the code sent to the applicant. */
    public Registration(Applicant applicant, String passwordHash, String codeHash, Instant now) {
        this.username = applicant.username();
        this.displayName = applicant.displayName();
        this.email = applicant.email();
        this.phone = applicant.phone();
        this.institutionId = Objects.requireNonNull(applicant.institutionId(), "institutionId");
        this.department = applicant.department();
        this.hisAccountId = applicant.hisAccountId();
        this.requestedRole = applicant.role();
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.codeHash = Objects.requireNonNull(codeHash, "codeHash");
        this.codeExpiresAt = now.plus(CODE_VALIDITY);
        this.createdAt = now;
        this.status = RegistrationStatus.UNVERIFIED;
    }

    /** Checks an entered code; a wrong one counts, and the last allowed wrong one ends the request as FAILED. */
    public Verification verify(String candidate, Instant now) {
        if (status != RegistrationStatus.UNVERIFIED) {
            return status == RegistrationStatus.FAILED ? Verification.TOO_MANY_ATTEMPTS : Verification.NOT_PENDING;
        }
        if (!now.isBefore(codeExpiresAt)) {
            return Verification.EXPIRED;
        }
        if (!VerificationCode.matches(candidate, codeHash)) {
            failedAttempts++;
            if (failedAttempts >= MAX_ATTEMPTS) {
                status = RegistrationStatus.FAILED;
                return Verification.TOO_MANY_ATTEMPTS;
            }
            return Verification.WRONG_CODE;
        }
        status = RegistrationStatus.AWAITING_APPROVAL;
        verifiedAt = now;
        return Verification.VERIFIED;
    }

    public void approve(String actor, Instant now) {
        decide(RegistrationStatus.APPROVED, actor, now, null);
    }

    public void reject(String actor, Instant now, String why) {
        if (why == null || why.isBlank()) {
            throw new RegistrationRefused(Why.REASON_REQUIRED, "a rejection needs a reason");
        }
        decide(RegistrationStatus.REJECTED, actor, now, why.strip());
    }

    private void decide(RegistrationStatus to, String actor, Instant now, String why) {
        if (status != RegistrationStatus.AWAITING_APPROVAL) {
            throw new RegistrationRefused(Why.NOT_ALLOWED, status + " -> " + to);
        }
        status = to;
        decidedBy = Objects.requireNonNull(actor, "actor");
        decidedAt = now;
        reason = why;
    }

    /** Whether the request still reserves its user name, phone and e-mail (an expired unverified one does not). */
    public boolean reservesIdentifiersAt(Instant now) {
        return status == RegistrationStatus.AWAITING_APPROVAL
                || status == RegistrationStatus.UNVERIFIED && now.isBefore(codeExpiresAt);
    }

    public int attemptsLeft() {
        return Math.max(0, MAX_ATTEMPTS - failedAttempts);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public String getDepartment() {
        return department;
    }

    public String getHisAccountId() {
        return hisAccountId;
    }

    public String getRequestedRole() {
        return requestedRole;
    }

    public RegistrationStatus getStatus() {
        return status;
    }

    public Instant getCodeExpiresAt() {
        return codeExpiresAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getReason() {
        return reason;
    }
}
