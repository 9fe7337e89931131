package cn.yunying.institution.application;

import cn.yunying.identity.application.CallerProfile;
import cn.yunying.identity.application.CallerProfiles;
import cn.yunying.identity.application.UserProvisioning;
import cn.yunying.institution.application.events.InstitutionCertificationChanged;
import cn.yunying.institution.domain.CertificationAction;
import cn.yunying.institution.domain.CertificationEvent;
import cn.yunying.institution.domain.CertificationRefused;
import cn.yunying.institution.domain.Institution;
import cn.yunying.institution.domain.InstitutionStatus;
import cn.yunying.institution.infrastructure.JpaInstitutionRepository;
import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Platform administrators review applications and certify, reject, suspend, reinstate or revoke institutions. The
 * state machine is the domain's ({@code CertificationPolicy}); this service checks who may act, keeps the history and
 * announces each decision (audit records it in the same transaction).
 */
@Stateless
@PermitAll
public class CertificationService {

    private static final EnumSet<CertificationAction> DECISIONS = EnumSet.of(CertificationAction.START_REVIEW,
            CertificationAction.CERTIFY, CertificationAction.REJECT, CertificationAction.SUSPEND,
            CertificationAction.REINSTATE, CertificationAction.REVOKE);

    @Inject
    JpaInstitutionRepository repository;

    @Inject
    CallerProfiles callers;

    @Inject
    Event<InstitutionCertificationChanged> changed;

    @EJB
    UserProvisioning users;

    /** Applications waiting for a decision, oldest first. */
    public List<InstitutionView> reviewQueue() {
        requirePlatformAdmin();
        return InstitutionViews.of(repository.findByStatuses(
                EnumSet.of(InstitutionStatus.APPLIED, InstitutionStatus.UNDER_REVIEW)), repository);
    }

    public InstitutionView decide(Long institutionId, String actionName, String reason) {
        CallerProfile caller = requirePlatformAdmin();
        CertificationAction action = parseDecision(actionName);
        Institution institution = repository.find(institutionId)
                .orElseThrow(() -> new DomainException(InstitutionError.UNKNOWN_INSTITUTION, "id " + institutionId));
        CertificationEvent event;
        try {
            event = institution.certification(action, reason, caller.username(), Instant.now());
        } catch (CertificationRefused refused) {
            throw new DomainException(refused.why() == CertificationRefused.Why.REASON_REQUIRED
                    ? InstitutionError.REASON_REQUIRED : InstitutionError.TRANSITION_NOT_ALLOWED, refused.getMessage());
        }
        repository.save(event);
        if (event.getToStatus() == InstitutionStatus.CERTIFIED) {
            users.activatePendingAdministrators(institution.getId());
        }
        changed.fire(new InstitutionCertificationChanged(institution.getId(), institution.getCode(), action.name(),
                event.getFromStatus().name(), event.getToStatus().name(), event.getReason(), caller.username(),
                event.getOccurredAt()));
        return InstitutionViews.of(institution, repository);
    }

    /** The history of one institution: for platform administrators and the institution's own administrators. */
    public List<CertificationStep> history(Long institutionId) {
        CallerProfile caller = callers.current();
        if (!caller.isPlatformAdmin() && !caller.administers(institutionId)) {
            throw new AccessDeniedException("certification history of institution " + institutionId);
        }
        return repository.historyOf(institutionId).stream().map(e -> new CertificationStep(e.getAction().name(),
                e.getFromStatus() == null ? null : e.getFromStatus().name(), e.getToStatus().name(), e.getReason(),
                e.getActor(), e.getOccurredAt())).toList();
    }

    private static CertificationAction parseDecision(String actionName) {
        try {
            CertificationAction action = CertificationAction.valueOf(
                    actionName == null ? "" : actionName.strip().toUpperCase(Locale.ROOT));
            if (DECISIONS.contains(action)) {
                return action;
            }
        } catch (IllegalArgumentException unknown) {
            // reported below with the list of decisions
        }
        throw new DomainException(InstitutionError.UNKNOWN_DECISION, actionName + " is not one of " + DECISIONS);
    }

    private CallerProfile requirePlatformAdmin() {
        CallerProfile caller = callers.current();
        if (!caller.isPlatformAdmin()) {
            throw new AccessDeniedException("certification decisions are for platform administrators");
        }
        return caller;
    }
}
