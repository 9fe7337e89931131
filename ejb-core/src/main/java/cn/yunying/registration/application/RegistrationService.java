package cn.yunying.registration.application;

import cn.yunying.identity.application.AccountTemplate;
import cn.yunying.identity.application.CallerProfile;
import cn.yunying.identity.application.CallerProfiles;
import cn.yunying.identity.application.UserProvisioning;
import cn.yunying.institution.application.DepartmentView;
import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.institution.application.InstitutionSettings;
import cn.yunying.institution.application.InstitutionView;
import cn.yunying.registration.application.events.RegistrationChanged;
import cn.yunying.registration.application.events.RegistrationCodeIssued;
import cn.yunying.registration.domain.Applicant;
import cn.yunying.registration.domain.Registration;
import cn.yunying.registration.domain.RegistrationRefused;
import cn.yunying.registration.domain.RegistrationStatus;
import cn.yunying.registration.domain.VerificationCode;
import cn.yunying.registration.infrastructure.JpaRegistrationRepository;
import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import cn.yunying.shared.RateLimits;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Doctor self-registration. Submitting and entering the code are open to anyone (the applicant has no account);
 * approving and rejecting are for the administrators of the chosen institution. Every step is announced
 * ({@link RegistrationChanged}), and audit records it in the same transaction.
 */
@Stateless
@PermitAll
public class RegistrationService {

    private static final String CERTIFIED = "CERTIFIED";
    private static final String SELF_REGISTRATION = "SELF_REGISTRATION";
    private static final Map<String, RegistrationError> INVALID = Map.of("username", RegistrationError.INVALID_USERNAME,
            "email", RegistrationError.INVALID_EMAIL, "phone", RegistrationError.INVALID_PHONE,
            "role", RegistrationError.INVALID_ROLE);
    private static final Map<String, RegistrationError> TAKEN = Map.of("username", RegistrationError.USERNAME_TAKEN,
            "email", RegistrationError.EMAIL_TAKEN, "phone", RegistrationError.PHONE_TAKEN);

    @Inject
    JpaRegistrationRepository repository;

    @Inject
    CallerProfiles callers;

    @EJB
    UserProvisioning users;

    @EJB
    InstitutionDirectory institutions;

    @Inject
    Event<RegistrationCodeIssued> codeIssued;

    @Inject
    Event<RegistrationChanged> changed;

    @EJB
    InstitutionSettings settings;

    @Inject
    RateLimits rateLimits;

    /** The institutions one may register with: the certified members that accept self-registration. */
    public List<InstitutionView> institutions() {
        return institutions.registrableInstitutions().stream()
                .filter(i -> settings.enabled(i.id(), SELF_REGISTRATION)).toList();
    }

    /** The departments to choose from at an institution (empty: the applicant types one). */
    public List<DepartmentView> departments(Long institutionId) {
        return settings.departments(institutionId);
    }

    public RegistrationView submit(RegistrationForm form) {
        Applicant applicant;
        try {
            applicant = Applicant.checked(form.username(), form.displayName(), form.email(), form.phone(),
                    form.institutionId(), form.department(), form.hisAccountId(), form.role());
        } catch (Applicant.InvalidField invalid) {
            throw new DomainException(INVALID.getOrDefault(invalid.field(), RegistrationError.FIELD_REQUIRED),
                    invalid.field());
        }
        rateLimits.check(RateLimits.Limit.REGISTRATION_PER_PHONE, applicant.phone());
        rateLimits.check(RateLimits.Limit.REGISTRATION_PER_EMAIL, applicant.email());
        InstitutionView institution = institutions.find(applicant.institutionId())
                .filter(i -> CERTIFIED.equals(i.status()))
                .orElseThrow(() -> new DomainException(RegistrationError.INSTITUTION_NOT_CERTIFIED,
                        "id " + applicant.institutionId()));
        if (!settings.enabled(institution.id(), SELF_REGISTRATION)) {
            throw new DomainException(RegistrationError.INSTITUTION_CLOSED, institution.code());
        }
        List<DepartmentView> departments = settings.departments(institution.id());
        if (!departments.isEmpty() && departments.stream().noneMatch(d -> d.name().equals(applicant.department())
                || d.code().equals(applicant.department()))) {
            throw new DomainException(RegistrationError.UNKNOWN_DEPARTMENT, applicant.department());
        }
        Instant now = Instant.now();
        users.takenIdentifier(applicant.username(), applicant.email(), applicant.phone()).ifPresent(field -> {
            throw new DomainException(TAKEN.get(field), field);
        });
        for (Registration open : repository.openWith(applicant.username(), applicant.phone(), applicant.email())) {
            if (open.reservesIdentifiersAt(now)) {
                throw new DomainException(TAKEN.get(clash(open, applicant)), "an open registration");
            }
        }
        String passwordHash = users.hashForNewAccount(applicant.username(), form.password());
        String code = VerificationCode.generate();
        Registration registration = new Registration(applicant, passwordHash, VerificationCode.hash(code), now);
        repository.save(registration);
        codeIssued.fire(new RegistrationCodeIssued(registration.getId(), applicant.displayName(), applicant.email(),
                applicant.phone(), code, registration.getCodeExpiresAt()));
        announce(registration, institution, "SUBMITTED", applicant.username(), now);
        return toView(registration, institution.code());
    }

    /** Enters the e-mailed code; a wrong code is counted (the fifth ends the request), so nothing here rolls back. */
    public VerificationResult verify(Long registrationId, String code) {
        Registration registration = load(registrationId);
        Instant now = Instant.now();
        boolean wasUnverified = registration.getStatus() == RegistrationStatus.UNVERIFIED;
        Registration.Verification outcome = registration.verify(code, now);
        RegistrationError error = switch (outcome) {
            case VERIFIED -> null;
            case WRONG_CODE -> RegistrationError.WRONG_CODE;
            case EXPIRED -> RegistrationError.CODE_EXPIRED;
            case TOO_MANY_ATTEMPTS -> RegistrationError.TOO_MANY_ATTEMPTS;
            case NOT_PENDING -> RegistrationError.NOT_PENDING;
        };
        boolean justFailed = wasUnverified && registration.getStatus() == RegistrationStatus.FAILED;
        if (outcome == Registration.Verification.VERIFIED || justFailed) {
            announce(registration, institutionOf(registration), justFailed ? "FAILED" : "VERIFIED",
                    registration.getUsername(), now);
        }
        return new VerificationResult(registration.getStatus().name(), registration.attemptsLeft(), error);
    }

    /** Requests that wait for a decision in the institutions the caller administers. */
    public List<RegistrationView> awaitingMyDecision() {
        CallerProfile caller = callers.current();
        Set<Long> administered = caller.institutionIds().stream().filter(caller::administers)
                .collect(Collectors.toSet());
        Map<Long, String> codes = institutions.codesOf(administered);
        return repository.awaitingIn(administered).stream()
                .map(r -> toView(r, codes.get(r.getInstitutionId()))).toList();
    }

    /** Approves a verified request: the account is created active with the requested role in the institution. */
    public RegistrationView approve(Long registrationId) {
        return decide(registrationId, true, null);
    }

    public RegistrationView reject(Long registrationId, String reason) {
        return decide(registrationId, false, reason);
    }

    private RegistrationView decide(Long registrationId, boolean approve, String reason) {
        CallerProfile caller = callers.current();
        Registration registration = load(registrationId);
        if (!caller.administers(registration.getInstitutionId())) {
            throw new AccessDeniedException("registrations of institution " + registration.getInstitutionId());
        }
        Instant now = Instant.now();
        try {
            if (approve) {
                registration.approve(caller.username(), now);
            } else {
                registration.reject(caller.username(), now, reason);
            }
        } catch (RegistrationRefused refused) {
            throw new DomainException(refused.why() == RegistrationRefused.Why.REASON_REQUIRED
                    ? RegistrationError.REASON_REQUIRED : RegistrationError.STEP_NOT_ALLOWED, refused.getMessage());
        }
        if (approve) {
            users.createActiveAccount(new AccountTemplate(registration.getUsername(), registration.getDisplayName(),
                    registration.getEmail(), registration.getPhone(), registration.getPasswordHash(),
                    registration.getInstitutionId(), registration.getRequestedRole(), registration.getHisAccountId()));
        }
        InstitutionView institution = institutionOf(registration);
        announce(registration, institution, approve ? "APPROVED" : "REJECTED", caller.username(), now);
        return toView(registration, institution.code());
    }

    private Registration load(Long registrationId) {
        return repository.findForUpdate(registrationId).orElseThrow(() ->
                new DomainException(RegistrationError.UNKNOWN_REGISTRATION, "id " + registrationId));
    }

    private InstitutionView institutionOf(Registration registration) {
        return institutions.find(registration.getInstitutionId()).orElseThrow(() ->
                new IllegalStateException("institution " + registration.getInstitutionId() + " vanished"));
    }

    private static String clash(Registration open, Applicant applicant) {
        if (open.getUsername().equals(applicant.username())) {
            return "username";
        }
        return open.getPhone().equals(applicant.phone()) ? "phone" : "email";
    }

    private void announce(Registration r, InstitutionView institution, String step, String actor, Instant at) {
        changed.fire(new RegistrationChanged(r.getId(), r.getUsername(), r.getDisplayName(), r.getEmail(),
                institution.code(), institution.nameZh(), institution.nameEn(), r.getRequestedRole(), step, actor,
                r.getReason(), at));
    }

    private static RegistrationView toView(Registration r, String institutionCode) {
        return new RegistrationView(r.getId(), r.getUsername(), r.getDisplayName(), r.getEmail(), r.getPhone(),
                r.getInstitutionId(), institutionCode, r.getDepartment(), r.getHisAccountId(), r.getRequestedRole(),
                r.getStatus().name(), r.getCodeExpiresAt(), r.getVerifiedAt(), r.getDecidedBy(), r.getReason());
    }
}
