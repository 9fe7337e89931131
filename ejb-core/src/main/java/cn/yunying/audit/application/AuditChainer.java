package cn.yunying.audit.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.lang.System.Logger.Level;

/**
 * Keeps the hash chain up to date: every {@value #PERIOD_MILLIS} ms, and before the trail is read or verified, links
 * everything pending (in batches of {@value #BATCH}). Audited actions thus only insert their record in their own
 * transaction and never wait for one another on the chain head (docs/adr/0005-audit-chain-off-the-action-path.md).
 * One drain at a time in this server (singleton, write lock); the head's row lock serialises servers.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditChainer {

    private static final System.Logger LOG = System.getLogger(AuditChainer.class.getName());
    static final long PERIOD_MILLIS = 200;
    /** While the database fails: retrying five times a second would only compete with the requests for connections. */
    static final long RETRY_MILLIS = 5_000;
    static final int BATCH = 500;

    @Resource
    TimerService timers;

    @EJB
    AuditLinker linker;

    private boolean failing;

    @PostConstruct
    void schedule() {
        scheduleNext();
    }

    /**
     * One timer at a time, set again after each run: a run slower than the period (the database gone, the connection
     * wait of the pool) then simply delays the next one, where an interval timer would log a skipped execution every
     * period.
     */
    private void scheduleNext() {
        timers.createSingleActionTimer(failing ? RETRY_MILLIS : PERIOD_MILLIS, new TimerConfig("audit chaining", false));
    }

    @Timeout
    void onTimer() {
        try {
            drain();
            if (failing) {
                LOG.log(Level.INFO, "audit chaining works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) { // once per outage, not five times a second
                LOG.log(Level.WARNING, "audit chaining failed, pending records wait for the next attempt", e);
                failing = true;
            }
        } finally {
            try {
                scheduleNext();
            } catch (IllegalStateException | EJBException stopping) { // undeployed meanwhile: no next run
                LOG.log(Level.DEBUG, "audit chaining not rescheduled", stopping);
            }
        }
    }

    /** Links every record pending now into the chain; returns how many. */
    public int drain() {
        int total = 0;
        int linked;
        do {
            linked = linker.linkBatch(BATCH);
            total += linked;
        } while (linked == BATCH);
        return total;
    }
}
