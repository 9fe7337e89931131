package cn.yunying.affiliation.domain;

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
import java.util.Objects;

/**
 * A request by one institution (or one doctor of it) to affiliate with a target institution. Only the target decides
 * (accept or decline); only the requester withdraws a pending request; either side ends an active one.
 */
@Entity
@Table(name = "affiliation")
@NamedQuery(name = Affiliation.INVOLVING, query = "SELECT a FROM Affiliation a WHERE a.requesterInstitutionId IN :ids"
        + " OR a.targetInstitutionId IN :ids ORDER BY a.requestedAt DESC, a.id DESC")
@NamedQuery(name = Affiliation.ALL, query = "SELECT a FROM Affiliation a ORDER BY a.requestedAt DESC, a.id DESC")
@NamedQuery(name = Affiliation.OPEN_FOR_INSTITUTION, query = "SELECT COUNT(a) FROM Affiliation a"
        + " WHERE a.requesterInstitutionId = :from AND a.targetInstitutionId = :to AND a.status IN :open"
        + " AND a.doctorUsername IS NULL")
@NamedQuery(name = Affiliation.OPEN_FOR_DOCTOR, query = "SELECT COUNT(a) FROM Affiliation a"
        + " WHERE a.requesterInstitutionId = :from AND a.targetInstitutionId = :to AND a.status IN :open"
        + " AND a.doctorUsername = :doctor")
@NamedQuery(name = Affiliation.ACTIVE_BETWEEN, query = "SELECT COUNT(a) FROM Affiliation a WHERE a.status = :active"
        + " AND a.doctorUsername IS NULL AND ((a.requesterInstitutionId = :a AND a.targetInstitutionId = :b)"
        + " OR (a.requesterInstitutionId = :b AND a.targetInstitutionId = :a))")
public class Affiliation {

    public static final String INVOLVING = "Affiliation.involving";
    public static final String ALL = "Affiliation.all";
    public static final String OPEN_FOR_INSTITUTION = "Affiliation.openForInstitution";
    public static final String OPEN_FOR_DOCTOR = "Affiliation.openForDoctor";
    public static final String ACTIVE_BETWEEN = "Affiliation.activeBetween";

    public enum Side { REQUESTER, TARGET }

    @Id
    @SequenceGenerator(name = "affiliation_seq", sequenceName = "affiliation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "affiliation_seq")
    private Long id;

    @Column(name = "requester_institution_id", nullable = false, updatable = false)
    private Long requesterInstitutionId;

    @Column(name = "target_institution_id", nullable = false, updatable = false)
    private Long targetInstitutionId;

    /** Set when one doctor, not the whole institution, affiliates. */
    @Column(name = "doctor_username", length = 64, updatable = false)
    private String doctorUsername;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AffiliationStatus status;

    @Column(name = "requested_by", nullable = false, length = 64, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "ended_by", length = 64)
    private String endedBy;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "note", length = 1000)
    private String note;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Affiliation() {
        // for JPA
    }

    public static Affiliation request(Long requesterInstitutionId, Long targetInstitutionId, String doctorUsername,
                                      String requestedBy, String note, Instant at) {
        if (Objects.equals(requesterInstitutionId, targetInstitutionId)) {
            throw new AffiliationRefused("an institution cannot affiliate with itself");
        }
        Affiliation affiliation = new Affiliation();
        affiliation.requesterInstitutionId = Objects.requireNonNull(requesterInstitutionId);
        affiliation.targetInstitutionId = Objects.requireNonNull(targetInstitutionId);
        affiliation.doctorUsername = doctorUsername;
        affiliation.status = AffiliationStatus.REQUESTED;
        affiliation.requestedBy = Objects.requireNonNull(requestedBy);
        affiliation.requestedAt = Objects.requireNonNull(at);
        affiliation.note = clean(note);
        return affiliation;
    }

    public void accept(String actor, Instant at) {
        decide(AffiliationStatus.ACTIVE, actor, at, null);
    }

    public void decline(String actor, Instant at, String reason) {
        decide(AffiliationStatus.DECLINED, actor, at, reason);
    }

    public void withdraw(String actor, Instant at) {
        require(AffiliationStatus.REQUESTED, "withdraw");
        status = AffiliationStatus.WITHDRAWN;
        endedBy = actor;
        endedAt = at;
    }

    /** Either side may end an active affiliation; consent is needed to start one, not to leave it. */
    public void end(String actor, Instant at, String reason) {
        require(AffiliationStatus.ACTIVE, "end");
        status = AffiliationStatus.ENDED;
        endedBy = actor;
        endedAt = at;
        note = clean(reason) == null ? note : clean(reason);
    }

    private void decide(AffiliationStatus outcome, String actor, Instant at, String reason) {
        require(AffiliationStatus.REQUESTED, outcome == AffiliationStatus.ACTIVE ? "accept" : "decline");
        status = outcome;
        decidedBy = actor;
        decidedAt = at;
        note = clean(reason) == null ? note : clean(reason);
    }

    private void require(AffiliationStatus expected, String step) {
        if (status != expected) {
            throw new AffiliationRefused("cannot " + step + " an affiliation that is " + status);
        }
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Which sides may take a step: the target decides, the requester withdraws, both may end. */
    public static boolean allowed(String step, Side side) {
        return switch (step) {
            case "accept", "decline" -> side == Side.TARGET;
            case "withdraw" -> side == Side.REQUESTER;
            case "end" -> true;
            default -> false;
        };
    }

    public Long getId() {
        return id;
    }

    public Long getRequesterInstitutionId() {
        return requesterInstitutionId;
    }

    public Long getTargetInstitutionId() {
        return targetInstitutionId;
    }

    public String getDoctorUsername() {
        return doctorUsername;
    }

    public AffiliationStatus getStatus() {
        return status;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getEndedBy() {
        return endedBy;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getNote() {
        return note;
    }
}
