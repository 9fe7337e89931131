package cn.yunying.affiliation.application;

import cn.yunying.affiliation.application.events.AffiliationChanged;
import cn.yunying.affiliation.domain.Affiliation;
import cn.yunying.affiliation.domain.Affiliation.Side;
import cn.yunying.affiliation.domain.AffiliationRefused;
import cn.yunying.affiliation.infrastructure.JpaAffiliationRepository;
import cn.yunying.identity.application.CallerProfile;
import cn.yunying.identity.application.CallerProfiles;
import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.institution.application.InstitutionView;
import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Affiliation with consent. An institution's administrator requests for the institution; a doctor may request for
 * themselves; the target's administrator accepts or declines; the requester withdraws; either side ends. Both
 * institutions must be certified. Every step is announced, and audit records it in the same transaction.
 */
@Stateless
@PermitAll
public class AffiliationService {

    static final Set<String> STEPS = Set.of("accept", "decline", "withdraw", "end");
    private static final String CERTIFIED = "CERTIFIED";

    @Inject
    JpaAffiliationRepository repository;

    @Inject
    CallerProfiles callers;

    @EJB
    InstitutionDirectory institutions;

    @Inject
    Event<AffiliationChanged> changed;

    public AffiliationView request(Long fromInstitutionId, Long targetInstitutionId, boolean forMyself, String note) {
        CallerProfile caller = callers.current();
        if (forMyself ? !caller.institutionIds().contains(fromInstitutionId) : !caller.administers(fromInstitutionId)) {
            throw new AccessDeniedException(forMyself ? "you hold no role in institution " + fromInstitutionId
                    : "only the institution's administrators request affiliations for it");
        }
        if (fromInstitutionId.equals(targetInstitutionId)) {
            throw new DomainException(AffiliationError.SAME_INSTITUTION, "institution " + fromInstitutionId);
        }
        requireCertified(fromInstitutionId);
        requireCertified(targetInstitutionId);
        String doctor = forMyself ? caller.username() : null;
        if (repository.hasOpen(fromInstitutionId, targetInstitutionId, doctor)) {
            throw new DomainException(AffiliationError.ALREADY_OPEN, fromInstitutionId + " -> " + targetInstitutionId);
        }
        Affiliation affiliation = Affiliation.request(fromInstitutionId, targetInstitutionId, doctor,
                caller.username(), note, Instant.now());
        repository.save(affiliation);
        return announce(affiliation, "REQUESTED", caller.username(), affiliation.getRequestedAt());
    }

    /** {@code step} is accept, decline, withdraw or end; {@code reason} is kept with decline and end. */
    public AffiliationView act(Long affiliationId, String step, String reason) {
        String normalized = step == null ? "" : step.strip().toLowerCase(Locale.ROOT);
        if (!STEPS.contains(normalized)) {
            throw new DomainException(AffiliationError.UNKNOWN_STEP, step + " is not one of " + STEPS);
        }
        CallerProfile caller = callers.current();
        Affiliation affiliation = repository.find(affiliationId)
                .orElseThrow(() -> new DomainException(AffiliationError.UNKNOWN_AFFILIATION, "id " + affiliationId));
        boolean permitted = sidesOf(caller, affiliation).stream().anyMatch(side -> Affiliation.allowed(normalized, side));
        if (!permitted) {
            throw new AccessDeniedException(normalized + " affiliation " + affiliationId);
        }
        Instant now = Instant.now();
        try {
            switch (normalized) {
                case "accept" -> affiliation.accept(caller.username(), now);
                case "decline" -> affiliation.decline(caller.username(), now, reason);
                case "withdraw" -> affiliation.withdraw(caller.username(), now);
                default -> affiliation.end(caller.username(), now, reason);
            }
        } catch (AffiliationRefused refused) {
            throw new DomainException(AffiliationError.STEP_NOT_ALLOWED, refused.getMessage());
        }
        String pastTense = switch (normalized) {
            case "accept" -> "ACCEPTED";
            case "decline" -> "DECLINED";
            case "withdraw" -> "WITHDRAWN";
            default -> "ENDED";
        };
        return announce(affiliation, pastTense, caller.username(), now);
    }

    /** Platform-wide roles see every affiliation; others those involving their institutions. */
    public List<AffiliationView> visibleAffiliations() {
        CallerProfile caller = callers.current();
        List<Affiliation> found = caller.isPlatformWide() ? repository.all() : repository.involving(caller.institutionIds());
        Set<Long> ids = new HashSet<>();
        found.forEach(a -> {
            ids.add(a.getRequesterInstitutionId());
            ids.add(a.getTargetInstitutionId());
        });
        Map<Long, String> codes = institutions.codesOf(ids);
        return found.stream().map(a -> toView(a, codes)).toList();
    }

    /** Whether two institutions are affiliated now (either direction): what consultation will ask. */
    public boolean areAffiliated(Long institutionA, Long institutionB) {
        return repository.activeBetween(institutionA, institutionB);
    }

    private static Set<Side> sidesOf(CallerProfile caller, Affiliation affiliation) {
        Set<Side> sides = new HashSet<>();
        if (caller.administers(affiliation.getRequesterInstitutionId())
                || caller.username().equals(affiliation.getDoctorUsername())) {
            sides.add(Side.REQUESTER);
        }
        if (caller.administers(affiliation.getTargetInstitutionId())) {
            sides.add(Side.TARGET);
        }
        return sides;
    }

    private void requireCertified(Long institutionId) {
        InstitutionView institution = institutions.find(institutionId).orElseThrow(
                () -> new DomainException(AffiliationError.UNKNOWN_INSTITUTION, "id " + institutionId));
        if (!CERTIFIED.equals(institution.status())) {
            throw new DomainException(AffiliationError.NOT_CERTIFIED, institution.code() + " is " + institution.status());
        }
    }

    private AffiliationView announce(Affiliation affiliation, String step, String actor, Instant at) {
        Map<Long, String> codes = institutions.codesOf(List.of(affiliation.getRequesterInstitutionId(),
                affiliation.getTargetInstitutionId()));
        AffiliationView view = toView(affiliation, codes);
        changed.fire(new AffiliationChanged(affiliation.getId(), view.requesterCode(), view.targetCode(),
                affiliation.getDoctorUsername(), step, affiliation.getStatus().name(), actor, affiliation.getNote(), at));
        return view;
    }

    private static AffiliationView toView(Affiliation a, Map<Long, String> codes) {
        return new AffiliationView(a.getId(), a.getRequesterInstitutionId(), codes.get(a.getRequesterInstitutionId()),
                a.getTargetInstitutionId(), codes.get(a.getTargetInstitutionId()), a.getDoctorUsername(),
                a.getStatus().name(), a.getRequestedBy(), a.getRequestedAt(), a.getDecidedBy(), a.getDecidedAt(),
                a.getEndedBy(), a.getEndedAt(), a.getNote());
    }
}
