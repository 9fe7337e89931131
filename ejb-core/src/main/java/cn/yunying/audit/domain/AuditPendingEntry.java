package cn.yunying.audit.domain;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An audit record written by the audited action's transaction and not yet linked into the chain: the chainer turns it
 * into an {@link AuditRecord} and deletes it in one transaction. Immutable: there are no setters.
 */
@Entity
@Table(name = "audit_pending")
public class AuditPendingEntry {

    @Id
    @SequenceGenerator(name = "audit_pending_seq", sequenceName = "audit_pending_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_pending_seq")
    private Long id;

    @Embedded
    private AuditContent content;

    protected AuditPendingEntry() {
        // for JPA
    }

    /** The entry as it will be chained. */
    public static AuditPendingEntry of(AuditEntry entry) {
        AuditPendingEntry pending = new AuditPendingEntry();
        pending.content = AuditContent.of(entry);
        return pending;
    }

    public AuditEntry entry() {
        return content.entry();
    }

    public Long getId() {
        return id;
    }
}
