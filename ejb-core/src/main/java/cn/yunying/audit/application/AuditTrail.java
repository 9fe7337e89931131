package cn.yunying.audit.application;

import cn.yunying.audit.domain.AuditEntry;
import cn.yunying.audit.infrastructure.JpaAuditRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Appends to the audit chain in the caller's transaction: the audited action and its record commit or roll back
 * together, so there is never an action without its record.
 */
@Stateless
@PermitAll
public class AuditTrail {

    @Inject
    JpaAuditRepository repository;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void append(AuditEntry entry) {
        repository.append(repository.lockHead().append(entry));
    }
}
