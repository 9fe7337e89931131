package cn.yunying.institution.application;

import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.DicomConnection;
import cn.yunying.dicom.net.DicomConnector;
import cn.yunying.identity.application.CallerProfile;
import cn.yunying.identity.application.CallerProfiles;
import cn.yunying.institution.domain.RegisteredAe;
import cn.yunying.institution.infrastructure.JpaInstitutionRepository;
import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Test connection" for a registered AE: the archive opens an association to it through the resource adapter's
 * pooled connector and sends a C-ECHO, so that an administrator sees at once whether a clinic's PACS or modality is
 * reachable as registered (host, port, AE title) before anything depends on it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AeConnectivity {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Resource(lookup = "java:/eis/yunying/DicomConnector")
    DicomConnector connector;

    @EJB
    CallerProfiles callers;

    @Inject
    JpaInstitutionRepository repository;

    /** Our AE title, as the listeners use it (system property or YUNYING_DICOM_AET, through MicroProfile Config). */
    @Inject
    @ConfigProperty(name = "yunying.dicom.aet", defaultValue = "YUNYING")
    String ourAeTitle;

    /** Platform administrators may check any AE; an institution administrator only the AEs of the institution. */
    public AeEchoResult echo(String aeTitle) {
        RegisteredAe ae = repository.findAe(aeTitle).orElseThrow(() -> new DomainException(
                InstitutionError.UNKNOWN_AE, "no registered AE " + aeTitle));
        CallerProfile caller = callers.current();
        if (!caller.isPlatformAdmin() && !caller.administers(ae.getInstitutionId())) {
            throw new AccessDeniedException("echo of " + aeTitle);
        }
        if (ae.getPort() == null) {
            return new AeEchoResult(ae.getAeTitle(), ae.getHost(), null, false, 0,
                    "no port is registered: the AE only calls the archive");
        }
        AssociationRequestSpec spec = new AssociationRequestSpec(ae.getAeTitle())
                .callingAe(ourAeTitle).addContext(UID.VERIFICATION)
                .timeouts(TIMEOUT, TIMEOUT, TIMEOUT);
        long started = System.nanoTime();
        try (DicomConnection connection = connector.connect(ae.getHost(), ae.getPort(), spec)) {
            connection.echo();
            return new AeEchoResult(ae.getAeTitle(), ae.getHost(), ae.getPort(), true, elapsed(started), null);
        } catch (IOException e) {
            return new AeEchoResult(ae.getAeTitle(), ae.getHost(), ae.getPort(), false, elapsed(started),
                    e.getMessage());
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
