package cn.yunying.audit.application;

import cn.yunying.audit.domain.AuditEntry;
import cn.yunying.audit.domain.AuditPendingEntry;
import cn.yunying.audit.infrastructure.JpaAuditRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Appends to the audit trail in the caller's transaction: the audited action and its record commit or roll back
 * together, so there is never an action without its record. The record is inserted as pending, without any lock, and
 * the {@link AuditChainer} links it into the hash chain moments later, so that audited actions do not queue behind
 * one another's commits on the chain head.
 */
@Stateless
@PermitAll
public class AuditTrail {

    @Inject
    JpaAuditRepository repository;

    public AuditTrail() {
    }

    /** For tests outside the container. */
    public AuditTrail(JpaAuditRepository repository) {
        this.repository = repository;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void append(AuditEntry entry) {
        repository.appendPending(AuditPendingEntry.of(entry));
    }
}
