package cn.yunying.audit.application;

import cn.yunying.audit.domain.AuditChainHead;
import cn.yunying.audit.domain.AuditEntry;
import cn.yunying.audit.domain.AuditRecord;
import cn.yunying.audit.domain.ChainVerifier;
import cn.yunying.audit.infrastructure.JpaAuditRepository;
import cn.yunying.identity.application.CallerProfile;
import cn.yunying.identity.application.CallerProfiles;
import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Reading the trail: search and chain verification, for auditors and platform administrators only. Reading the trail is
 * itself recorded, so the trail shows who looked at it.
 */
@Stateless
@PermitAll
public class AuditQueries {

    public static final String AUDIT_SEARCH = "AUDIT_SEARCH";
    public static final String AUDIT_VERIFY = "AUDIT_VERIFY";
    public static final String AUDIT_EXPORT = "AUDIT_EXPORT";
    /** The most records one export may hold; a larger result is refused (narrow the search). */
    public static final int EXPORT_LIMIT = 10_000;

    @Inject
    JpaAuditRepository repository;

    @Inject
    CallerProfiles callers;

    @EJB
    AuditTrail trail;

    @EJB
    AuditChainer chainer;

    public List<AuditRecordView> search(AuditSearch criteria, String sourceAddress) {
        CallerProfile caller = requireAuditor();
        chainer.drain(); // everything committed so far is in the chain, so the reader sees it
        List<AuditRecordView> found = repository.search(criteria.actor(), criteria.action(), criteria.patientId(),
                criteria.from(), criteria.to(), criteria.limit()).stream().map(AuditQueries::toView).toList();
        trail.append(new AuditEntry(Instant.now(), caller.username(), AuditEntry.ActorType.USER, AUDIT_SEARCH,
                AuditEntry.Outcome.SUCCESS, "AUDIT_TRAIL", null, criteria.patientId(), sourceAddress,
                "results=" + found.size()));
        return found;
    }

    /**
     * The records matching {@code criteria} (its limit is ignored: all of them, newest first) as CSV; refused with
     * {@link AuditError#EXPORT_TOO_LARGE} when more than {@link #EXPORT_LIMIT} match. The export is itself audited.
     */
    public byte[] export(AuditSearch criteria, String sourceAddress) {
        CallerProfile caller = requireAuditor();
        chainer.drain();
        List<AuditRecord> found = repository.search(criteria.actor(), criteria.action(), criteria.patientId(),
                criteria.from(), criteria.to(), EXPORT_LIMIT + 1);
        if (found.size() > EXPORT_LIMIT) {
            throw new DomainException(AuditError.EXPORT_TOO_LARGE, "more than " + EXPORT_LIMIT + " records");
        }
        byte[] csv = AuditCsv.write(found);
        trail.append(new AuditEntry(Instant.now(), caller.username(), AuditEntry.ActorType.USER, AUDIT_EXPORT,
                AuditEntry.Outcome.SUCCESS, "AUDIT_TRAIL", null, criteria.patientId(), sourceAddress,
                "records=" + found.size() + describe(criteria)));
        return csv;
    }

    private static String describe(AuditSearch c) {
        return (c.actor() == null ? "" : " actor=" + c.actor()) + (c.action() == null ? "" : " action=" + c.action())
                + (c.from() == null ? "" : " from=" + c.from()) + (c.to() == null ? "" : " to=" + c.to());
    }

    public AuditVerification verify(String sourceAddress) {
        CallerProfile caller = requireAuditor();
        chainer.drain();
        AuditChainHead head = repository.readHead();
        ChainVerifier verifier = new ChainVerifier();
        repository.forEachInChainOrder(verifier::check);
        ChainVerifier.Result result = verifier.finish(head.getLastIndex(), head.getLastHash());
        trail.append(new AuditEntry(Instant.now(), caller.username(), AuditEntry.ActorType.USER, AUDIT_VERIFY,
                result.intact() ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILURE, "AUDIT_TRAIL", null,
                null, sourceAddress, result.intact() ? "intact" : result.problem() + " at " + result.firstBadIndex()));
        return new AuditVerification(result.intact(), result.recordsChecked(), result.firstBadIndex(),
                result.problem() == null ? null : result.problem().name());
    }

    private CallerProfile requireAuditor() {
        CallerProfile caller = callers.current();
        if (!caller.isAuditor() && !caller.isPlatformAdmin()) {
            throw new AccessDeniedException("the audit trail is for auditors and platform administrators");
        }
        return caller;
    }

    private static AuditRecordView toView(AuditRecord record) {
        AuditEntry e = record.entry();
        return new AuditRecordView(record.getChainIndex(), e.occurredAt(), e.actor(), e.actorType().name(),
                e.action(), e.outcome().name(), e.subjectType(), e.subjectId(), e.patientId(), e.sourceAddress(),
                e.detail());
    }
}
