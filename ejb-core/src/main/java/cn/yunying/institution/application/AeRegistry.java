package cn.yunying.institution.application;

import cn.yunying.identity.application.CallerProfile;
import cn.yunying.identity.application.CallerProfiles;
import cn.yunying.institution.application.events.AeRegistryChanged;
import cn.yunying.institution.domain.Institution;
import cn.yunying.institution.domain.PinnedCertificate;
import cn.yunying.institution.domain.RegisteredAe;
import cn.yunying.institution.infrastructure.JpaInstitutionRepository;
import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.infinispan.Cache;

/**
 * The DICOM nodes of an institution (issue 6, "DICOM identities"): its administrator (or a platform administrator)
 * registers the AE titles its modalities and PACS use, with the host they call from and, for C-MOVE destinations, the
 * port they listen on; only registered AEs may associate with the archive, and a C-MOVE may only target one of the
 * caller's own institution. Every change is audited; the association-time lookup cache is cleared for the title.
 */
@Stateless
@PermitAll
public class AeRegistry {

    /** A host name (letters, digits, dots, hyphens) or an IPv4/IPv6 address; no spaces, no URLs. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]{0,254}");

    @Inject
    JpaInstitutionRepository repository;

    @EJB
    CallerProfiles callers;

    @Inject
    Event<AeRegistryChanged> changes;

    @Resource(lookup = "java:jboss/infinispan/cache/yunying/ae-registry")
    Cache<String, AeAdmission> aeAdmissions;

    public List<RegisteredAeView> list(Long institutionId) {
        administered(institutionId);
        return repository.aesOf(List.of(institutionId)).stream().map(AeRegistry::view).toList();
    }

    public RegisteredAeView register(Long institutionId, AeRegistration registration) {
        CallerProfile caller = callers.current();
        Institution institution = administered(institutionId);
        String title;
        try {
            title = RegisteredAe.checkAeTitle(registration.aeTitle());
        } catch (IllegalArgumentException e) {
            throw new DomainException(InstitutionError.INVALID_AE, "AE title: 1 to 16 characters, no backslash");
        }
        String host = registration.host() == null ? "" : registration.host().strip();
        if (!HOST.matcher(host).matches()) {
            throw new DomainException(InstitutionError.INVALID_AE, "host: a host name or an IP address");
        }
        Integer port = registration.port();
        if (port != null && (port < 1 || port > 65535) || registration.moveDestination() && port == null) {
            throw new DomainException(InstitutionError.INVALID_AE, "port: 1 to 65535, required for a move destination");
        }
        if (repository.findAe(title).isPresent()) {
            throw new DomainException(InstitutionError.AE_TITLE_TAKEN, title);
        }
        RegisteredAe ae = new RegisteredAe(institutionId, title, host, port, registration.moveDestination());
        String pem = registration.tlsCertificatePem();
        if (pem != null && !pem.isBlank()) {
            try {
                PinnedCertificate pinned = PinnedCertificate.fromPem(pem);
                ae.pinCertificate(pinned.sha256(), pinned.subject());
            } catch (IllegalArgumentException e) {
                throw new DomainException(InstitutionError.INVALID_AE, "TLS certificate: one X.509 certificate in PEM");
            }
        }
        repository.save(ae);
        aeAdmissions.remove(title);
        changes.fire(new AeRegistryChanged(institution.getCode(), title, "REGISTERED", host
                + (port == null ? "" : ":" + port) + (registration.moveDestination() ? " move destination" : "")
                + (ae.getTlsCertificateSha256() == null ? "" : " TLS " + ae.getTlsCertificateSubject()
                        + " SHA-256 " + ae.getTlsCertificateSha256()),
                caller.username(), Instant.now()));
        return view(ae);
    }

    public void remove(Long institutionId, String aeTitle) {
        CallerProfile caller = callers.current();
        Institution institution = administered(institutionId);
        RegisteredAe ae = repository.findAe(aeTitle).filter(a -> a.getInstitutionId().equals(institutionId))
                .orElseThrow(() -> new DomainException(InstitutionError.UNKNOWN_AE, aeTitle));
        repository.delete(ae);
        aeAdmissions.remove(ae.getAeTitle());
        changes.fire(new AeRegistryChanged(institution.getCode(), ae.getAeTitle(), "REMOVED", ae.getHost(),
                caller.username(), Instant.now()));
    }

    /** Platform administrators may manage any institution's nodes, an institution administrator only their own. */
    private Institution administered(Long institutionId) {
        CallerProfile caller = callers.current();
        if (!caller.isPlatformAdmin() && !caller.administers(institutionId)) {
            throw new AccessDeniedException("DICOM nodes of institution " + institutionId);
        }
        return repository.find(institutionId)
                .orElseThrow(() -> new DomainException(InstitutionError.UNKNOWN_INSTITUTION, String.valueOf(institutionId)));
    }

    private static RegisteredAeView view(RegisteredAe ae) {
        return new RegisteredAeView(ae.getInstitutionId(), ae.getAeTitle(), ae.getHost(), ae.getPort(),
                ae.isMoveDestination(), ae.getTlsCertificateSubject(), ae.getTlsCertificateSha256());
    }
}
