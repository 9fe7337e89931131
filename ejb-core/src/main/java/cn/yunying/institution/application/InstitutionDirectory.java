package cn.yunying.institution.application;

import cn.yunying.identity.application.CallerProfile;
import cn.yunying.identity.application.CallerProfiles;
import cn.yunying.institution.domain.Institution;
import cn.yunying.institution.domain.PinnedCertificate;
import cn.yunying.institution.domain.RegisteredAe;
import cn.yunying.institution.infrastructure.JpaInstitutionRepository;
import cn.yunying.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.infinispan.Cache;

/**
 * The directory of member institutions and their DICOM AEs. What a caller may list is decided here, not in pages:
 * platform-wide roles see every institution, everyone else only the institutions they hold a role in.
 */
@Stateless
@PermitAll
public class InstitutionDirectory {

    @Inject
    JpaInstitutionRepository repository;

    @Inject
    CallerProfiles callers;

    /** AE title → owning institution and pinned certificate. Read on every association, changed by AE registration. */
    @Resource(lookup = "java:jboss/infinispan/cache/yunying/ae-registry")
    Cache<String, AeAdmission> aeAdmissions;

    public List<InstitutionView> visibleInstitutions() {
        CallerProfile caller = callers.current();
        List<Institution> institutions = caller.isPlatformWide()
                ? repository.findAll()
                : repository.findByIds(caller.institutionIds());
        return InstitutionViews.of(institutions, repository);
    }

    /** Any institution by id, whatever the caller may list: for other contexts' rules, not for display. */
    public Optional<InstitutionView> find(Long id) {
        return repository.find(id).map(i -> InstitutionViews.of(i, repository));
    }

    /**
     * The certified members of the alliance, without their AE titles: what any user may see when choosing an
     * institution to affiliate with or to consult.
     */
    public List<InstitutionView> certifiedMembers() {
        callers.current();
        return repository.findByStatuses(List.of(cn.yunying.institution.domain.InstitutionStatus.CERTIFIED)).stream()
                .map(i -> new InstitutionView(i.getId(), i.getCode(), i.getNameZh(), i.getNameEn(), i.getLevel().name(),
                        i.getStatus().name(), List.of())).toList();
    }

    /**
     * The certified members by id and names only, for anyone (no login): the choice on the public registration page.
     */
    public List<InstitutionView> registrableInstitutions() {
        return repository.findByStatuses(List.of(cn.yunying.institution.domain.InstitutionStatus.CERTIFIED)).stream()
                .map(i -> new InstitutionView(i.getId(), i.getCode(), i.getNameZh(), i.getNameEn(), i.getLevel().name(),
                        i.getStatus().name(), List.of())).toList();
    }

    /** The contact of an institution, for notifications. */
    public Optional<InstitutionContact> contactOf(Long id) {
        return repository.find(id).map(i -> new InstitutionContact(i.getCode(), i.getNameZh(), i.getNameEn(),
                i.getContactName(), i.getContactEmail()));
    }

    /** Institution codes by id, for labelling other contexts' records. */
    public Map<Long, String> codesOf(Collection<Long> ids) {
        return repository.findByIds(ids).stream().collect(Collectors.toMap(Institution::getId, Institution::getCode));
    }

    public Optional<InstitutionView> findByCode(String code) {
        return repository.findByCode(code).map(i -> InstitutionViews.of(i, repository));
    }

    public Long register(NewInstitution request) {
        if (repository.findByCode(request.code()).isPresent()) {
            throw new DomainException(InstitutionError.CODE_TAKEN, request.code());
        }
        Institution institution = new Institution(request.code(), request.nameZh(), request.nameEn(),
                request.level(), request.status(), Instant.now());
        institution.setLicenseNumber(request.licenseNumber());
        repository.save(institution);
        return institution.getId();
    }

    public void registerAe(String institutionCode, String aeTitle, String host, Integer port, boolean moveDestination) {
        Institution owner = repository.findByCode(institutionCode)
                .orElseThrow(() -> new DomainException(InstitutionError.UNKNOWN_INSTITUTION, institutionCode));
        String title = RegisteredAe.checkAeTitle(aeTitle);
        if (repository.findAe(title).isPresent()) {
            throw new DomainException(InstitutionError.AE_TITLE_TAKEN, title);
        }
        repository.save(new RegisteredAe(owner.getId(), title, host, port, moveDestination));
        aeAdmissions.remove(title);
    }

    /** Which institution a calling AE belongs to; empty for an unregistered AE (which the archive rejects). */
    public Optional<Long> ownerOfAe(String aeTitle) {
        return admission(aeTitle).map(AeAdmission::institutionId);
    }

    private Optional<AeAdmission> admission(String aeTitle) {
        AeAdmission cached = aeAdmissions.get(aeTitle);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<AeAdmission> found = repository.findAe(aeTitle)
                .map(ae -> new AeAdmission(ae.getInstitutionId(), ae.getTlsCertificateSha256()));
        found.ifPresent(a -> aeAdmissions.put(aeTitle, a));
        return found;
    }

    /** A registered AE that is marked as a C-MOVE destination; empty for any other AE title. */
    public Optional<MoveDestinationView> moveDestination(String aeTitle) {
        return repository.findAe(aeTitle).filter(RegisteredAe::isMoveDestination)
                .map(ae -> new MoveDestinationView(ae.getAeTitle(), ae.getHost(), ae.getPort(), ae.getInstitutionId()));
    }

    /**
     * Whether an association of {@code aeTitle} may go on with the TLS client certificate it presented ({@code null}:
     * none, or plain TCP): always for an AE without a pinned certificate, else only with exactly that certificate.
     * Read once per association.
     */
    public boolean admitsCertificate(String aeTitle, X509Certificate presented) {
        String pinned = admission(aeTitle).map(AeAdmission::pinnedCertificateSha256).orElse(null);
        return pinned == null || presented != null && pinned.equals(PinnedCertificate.of(presented).sha256());
    }
}
