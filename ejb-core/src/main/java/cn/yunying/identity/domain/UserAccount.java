package cn.yunying.identity.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** A person who logs in to the portal or the DICOMweb API. Holds only a password hash, never the password. */
@Entity
@Table(name = "user_account")
@NamedQuery(name = UserAccount.FIND_BY_USERNAME, query = "SELECT u FROM UserAccount u WHERE u.username = :username")
@NamedQuery(name = UserAccount.COUNT_ALL, query = "SELECT COUNT(u) FROM UserAccount u")
@NamedQuery(name = UserAccount.PENDING_ADMINS_OF, query = "SELECT DISTINCT u FROM UserAccount u JOIN u.roles r"
        + " WHERE u.status = cn.yunying.identity.domain.UserStatus.PENDING AND r.institutionId = :institutionId"
        + " AND r.role = cn.yunying.identity.domain.Role.INSTITUTION_ADMIN")
@NamedQuery(name = UserAccount.FIND_BY_EMAIL, query = "SELECT u FROM UserAccount u WHERE LOWER(u.email) = :email")
@NamedQuery(name = UserAccount.FIND_BY_PHONE, query = "SELECT u FROM UserAccount u WHERE u.phone = :phone")
@NamedQuery(name = UserAccount.HIS_HOLDERS, query = "SELECT DISTINCT u.username FROM UserAccount u JOIN u.roles r"
        + " WHERE u.hisAccountId = :his AND r.institutionId IN :institutions AND u.username <> :self")
public class UserAccount {

    public static final String FIND_BY_EMAIL = "UserAccount.findByEmail";
    public static final String FIND_BY_PHONE = "UserAccount.findByPhone";
    public static final String HIS_HOLDERS = "UserAccount.hisHolders";

    public static final String FIND_BY_USERNAME = "UserAccount.findByUsername";
    public static final String COUNT_ALL = "UserAccount.countAll";
    public static final String PENDING_ADMINS_OF = "UserAccount.pendingAdminsOf";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    @Id
    @SequenceGenerator(name = "user_account_seq", sequenceName = "user_account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_account_seq")
    private Long id;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "phone", length = 32)
    private String phone;

    /** The account id in the hospital information system (HIS) of the user's institution, if bound. */
    @Column(name = "his_account_id", length = 64)
    private String hisAccountId;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private UserStatus status;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<RoleAssignment> roles = new ArrayList<>();

    protected UserAccount() {
        // for JPA
    }

    public UserAccount(String username, String displayName, String passwordHash, UserStatus status, Instant createdAt) {
        this.username = checkUsername(username);
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("display name must not be blank");
        }
        this.displayName = displayName.strip();
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Lower-case letters, digits, dot, dash and underscore: the same name works in URLs, logs and HIS mappings. */
    public static String checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("invalid user name: " + username);
        }
        return username;
    }

    public void grant(Role role, Long institutionId) {
        boolean held = roles.stream()
                .anyMatch(r -> r.getRole() == role && r.getInstitutionId().equals(institutionId));
        if (!held) {
            roles.add(new RoleAssignment(this, institutionId, role));
        }
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a wrong password and locks the account when the policy says so. */
    public void recordFailedLogin(LoginPolicy policy, Instant now) {
        failedLogins++;
        if (failedLogins >= policy.maxFailures()) {
            lockedUntil = now.plus(policy.lockDuration());
            failedLogins = 0;
        }
    }

    /** After a password reset: the failure count and any lock are cleared. */
    public void clearLockout() {
        failedLogins = 0;
        lockedUntil = null;
    }

    /**
     * Whether a successful login at {@code now} changes anything worth a write: a failure count or lock to clear, or a
     * last login older than a minute. Parallel requests of one API client (HTTP Basic) thus do not all write the row.
     */
    public boolean isLoginWorthRecording(Instant now) {
        return failedLogins != 0 || lockedUntil != null || lastLoginAt == null
                || lastLoginAt.isBefore(now.minusSeconds(60));
    }

    public void recordSuccessfulLogin(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    /** A pending account becomes able to log in; active and disabled accounts stay as they are. */
    public void activate() {
        if (status == UserStatus.PENDING) {
            status = UserStatus.ACTIVE;
        }
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
    }

    public String getHisAccountId() {
        return hisAccountId;
    }

    public void setHisAccountId(String hisAccountId) {
        this.hisAccountId = hisAccountId;
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

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public UserStatus getStatus() {
        return status;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public List<RoleAssignment> getRoles() {
        return Collections.unmodifiableList(roles);
    }
}
