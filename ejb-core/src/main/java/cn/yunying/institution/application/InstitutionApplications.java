package cn.yunying.institution.application;

import cn.yunying.identity.application.CallerProfile;
import cn.yunying.identity.application.CallerProfiles;
import cn.yunying.identity.application.NewUser;
import cn.yunying.identity.application.RoleNames;
import cn.yunying.identity.application.UserProvisioning;
import cn.yunying.institution.application.events.InstitutionCertificationChanged;
import cn.yunying.institution.application.events.InstitutionSettingsChanged;
import cn.yunying.institution.domain.CertificationAction;
import cn.yunying.institution.domain.DocumentType;
import cn.yunying.institution.domain.Institution;
import cn.yunying.institution.domain.InstitutionDocument;
import cn.yunying.institution.domain.InstitutionLevel;
import cn.yunying.institution.domain.InstitutionStatus;
import cn.yunying.institution.infrastructure.JpaInstitutionRepository;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applying for certification, open to anyone: the institution is created APPLIED with its documents, and its first
 * administrator's account is created pending. All of it in one transaction: a rejected document leaves nothing behind.
 */
@Stateless
@PermitAll
public class InstitutionApplications {

    public static final int MAX_DOCUMENTS = 5;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s.]{2,}");
    /** Mainland mobile numbers (11 digits from 1[3-9]) or landlines with area code, optionally +86. */
    private static final Pattern PHONE = Pattern.compile("(\\+?86[- ]?)?(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})");

    @Inject
    JpaInstitutionRepository repository;

    @Inject
    CallerProfiles callers;

    @EJB
    UserProvisioning users;

    @Inject
    Event<InstitutionCertificationChanged> changed;

    @Inject
    Event<InstitutionSettingsChanged> settingsChanged;

    @Inject
    RateLimits rateLimits;

    public InstitutionView apply(ApplicationForm form, List<UploadedDocument> documents) {
        InstitutionLevel level = validate(form);
        rateLimits.check(RateLimits.Limit.APPLICATION_PER_EMAIL, form.contactEmail());
        List<DocumentType> types = checkDocuments(documents);
        if (repository.findByLicense(form.licenseNumber().strip()).isPresent()) {
            throw new DomainException(ApplicationError.LICENSE_TAKEN, form.licenseNumber());
        }
        Instant now = Instant.now();
        Institution institution = new Institution("P" + Long.toString(now.toEpochMilli(), 36).toUpperCase(Locale.ROOT),
                form.nameZh(), form.nameEn(), level, InstitutionStatus.APPLIED, now);
        institution.setLicenseNumber(form.licenseNumber().strip());
        institution.setContactPhone(form.contactPhone().strip());
        institution.setContact(form.contactName().strip(), form.contactEmail().strip());
        repository.save(institution);
        String applicant = form.adminUsername() == null ? "" : form.adminUsername().strip();
        users.createPendingUser(new NewUser(applicant, form.contactName().strip(), form.contactEmail().strip(),
                form.contactPhone().strip(), form.adminPassword(),
                Map.of(institution.getId(), Set.of(RoleNames.INSTITUTION_ADMIN))));
        for (int i = 0; i < documents.size(); i++) {
            UploadedDocument document = documents.get(i);
            repository.save(new InstitutionDocument(institution.getId(), document.fileName(), types.get(i),
                    document.content(), applicant, now));
        }
        String settings = InstitutionSettings.replace(repository, institution, form.departments(), form.features());
        settingsChanged.fire(new InstitutionSettingsChanged(now, applicant, institution.getCode(), settings));
        repository.save(institution.applied(applicant, now));
        changed.fire(new InstitutionCertificationChanged(institution.getId(), institution.getCode(),
                CertificationAction.APPLY.name(), "NONE", InstitutionStatus.APPLIED.name(), null, applicant, now));
        return InstitutionViews.of(institution, repository);
    }

    /** The documents of an institution: for platform administrators and the institution's own administrators. */
    public List<DocumentView> documents(Long institutionId) {
        requireReviewerOf(institutionId);
        return repository.documentsOf(institutionId).stream().map(d -> new DocumentView(d.getId(), d.getFileName(),
                d.getContentType(), d.getSizeBytes(), d.getSha256(), d.getUploadedAt())).toList();
    }

    public DocumentContent document(Long institutionId, Long documentId) {
        requireReviewerOf(institutionId);
        InstitutionDocument document = repository.documentsOf(institutionId).stream()
                .filter(d -> d.getId().equals(documentId)).findFirst()
                .orElseThrow(() -> new DomainException(ApplicationError.UNKNOWN_DOCUMENT, "id " + documentId));
        byte[] content = document.getContent();
        if (!InstitutionDocument.sha256(content).equals(document.getSha256())) {
            throw new IllegalStateException("document " + documentId + " no longer matches its SHA-256");
        }
        return new DocumentContent(document.getFileName(), document.getContentType(), document.getSha256(), content);
    }

    private void requireReviewerOf(Long institutionId) {
        CallerProfile caller = callers.current();
        if (!caller.isPlatformAdmin() && !caller.administers(institutionId)) {
            throw new AccessDeniedException("documents of institution " + institutionId);
        }
    }

    private static InstitutionLevel validate(ApplicationForm form) {
        require(form.nameZh(), "nameZh");
        require(form.nameEn(), "nameEn");
        require(form.licenseNumber(), "licenseNumber");
        require(form.contactName(), "contactName");
        require(form.contactPhone(), "contactPhone");
        require(form.contactEmail(), "contactEmail");
        require(form.adminUsername(), "adminUsername");
        if (form.adminPassword() == null || form.adminPassword().length == 0) {
            throw new DomainException(ApplicationError.FIELD_REQUIRED, "adminPassword");
        }
        if (!EMAIL.matcher(form.contactEmail().strip()).matches()) {
            throw new DomainException(ApplicationError.INVALID_EMAIL, form.contactEmail());
        }
        if (!PHONE.matcher(form.contactPhone().strip()).matches()) {
            throw new DomainException(ApplicationError.INVALID_PHONE, form.contactPhone());
        }
        try {
            InstitutionLevel level = InstitutionLevel.valueOf(form.level() == null ? "" : form.level().strip());
            if (level == InstitutionLevel.HUB) {
                throw new DomainException(ApplicationError.INVALID_LEVEL, "the hub does not apply");
            }
            return level;
        } catch (IllegalArgumentException e) {
            throw new DomainException(ApplicationError.INVALID_LEVEL, String.valueOf(form.level()));
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new DomainException(ApplicationError.FIELD_REQUIRED, field);
        }
    }

    private static List<DocumentType> checkDocuments(List<UploadedDocument> documents) {
        if (documents.isEmpty()) {
            throw new DomainException(ApplicationError.DOCUMENT_REQUIRED, "at least one PDF or JPEG");
        }
        if (documents.size() > MAX_DOCUMENTS) {
            throw new DomainException(ApplicationError.TOO_MANY_DOCUMENTS, documents.size() + " > " + MAX_DOCUMENTS);
        }
        return documents.stream().map(document -> {
            if (document.content().length > DocumentType.MAX_BYTES) {
                throw new DomainException(ApplicationError.DOCUMENT_TOO_LARGE, document.fileName());
            }
            return DocumentType.sniff(document.content()).orElseThrow(() ->
                    new DomainException(ApplicationError.DOCUMENT_TYPE, document.fileName() + " is not a PDF or JPEG"));
        }).toList();
    }
}
