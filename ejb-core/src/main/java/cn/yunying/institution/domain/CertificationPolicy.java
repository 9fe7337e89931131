package cn.yunying.institution.domain;

import static cn.yunying.institution.domain.CertificationAction.CERTIFY;
import static cn.yunying.institution.domain.CertificationAction.REAPPLY;
import static cn.yunying.institution.domain.CertificationAction.REINSTATE;
import static cn.yunying.institution.domain.CertificationAction.REJECT;
import static cn.yunying.institution.domain.CertificationAction.REVOKE;
import static cn.yunying.institution.domain.CertificationAction.START_REVIEW;
import static cn.yunying.institution.domain.CertificationAction.SUSPEND;
import static cn.yunying.institution.domain.InstitutionStatus.APPLIED;
import static cn.yunying.institution.domain.InstitutionStatus.CERTIFIED;
import static cn.yunying.institution.domain.InstitutionStatus.REJECTED;
import static cn.yunying.institution.domain.InstitutionStatus.REVOKED;
import static cn.yunying.institution.domain.InstitutionStatus.SUSPENDED;
import static cn.yunying.institution.domain.InstitutionStatus.UNDER_REVIEW;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The certification state machine, as a table (docs/security.md shows the same table):
 * <pre>
 * APPLIED      --START_REVIEW--> UNDER_REVIEW    APPLIED, UNDER_REVIEW --CERTIFY--> CERTIFIED
 * APPLIED, UNDER_REVIEW --REJECT--> REJECTED     REJECTED --REAPPLY--> APPLIED
 * CERTIFIED    --SUSPEND--> SUSPENDED            SUSPENDED --REINSTATE--> CERTIFIED
 * CERTIFIED, SUSPENDED --REVOKE--> REVOKED       REVOKED is final
 * </pre>
 */
public final class CertificationPolicy {

    private static final Map<InstitutionStatus, Map<CertificationAction, InstitutionStatus>> TRANSITIONS =
            new EnumMap<>(InstitutionStatus.class);

    static {
        allow(APPLIED, START_REVIEW, UNDER_REVIEW);
        allow(APPLIED, CERTIFY, CERTIFIED);
        allow(APPLIED, REJECT, REJECTED);
        allow(UNDER_REVIEW, CERTIFY, CERTIFIED);
        allow(UNDER_REVIEW, REJECT, REJECTED);
        allow(REJECTED, REAPPLY, APPLIED);
        allow(CERTIFIED, SUSPEND, SUSPENDED);
        allow(CERTIFIED, REVOKE, REVOKED);
        allow(SUSPENDED, REINSTATE, CERTIFIED);
        allow(SUSPENDED, REVOKE, REVOKED);
    }

    private CertificationPolicy() {
    }

    private static void allow(InstitutionStatus from, CertificationAction action, InstitutionStatus to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(CertificationAction.class)).put(action, to);
    }

    /** Where {@code action} leads from {@code from}; empty when the action is not allowed in that state. */
    public static Optional<InstitutionStatus> next(InstitutionStatus from, CertificationAction action) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(from, Map.of()).get(action));
    }
}
