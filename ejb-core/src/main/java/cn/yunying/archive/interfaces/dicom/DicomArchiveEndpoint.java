package cn.yunying.archive.interfaces.dicom;

import cn.yunying.archive.application.ArchiveIngest;
import cn.yunying.archive.application.IngestResult;
import cn.yunying.archive.application.IngestSource;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.AssociationDecision;
import cn.yunying.dicom.net.AssociationInfo;
import cn.yunying.dicom.net.DicomServiceProvider;
import cn.yunying.dicom.net.StoreRequest;
import cn.yunying.institution.application.InstitutionDirectory;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.Set;

/**
 * The archive on the plain DICOM port (11112, AE title YUNYING; both overridable, see docs/configuration.md).
 *
 * <p>Who may associate: the resource adapter has already checked that the called AE title is ours; a calling AE registered to an institution gets every
 * service; anybody else may only verify connectivity (C-ECHO), so that an integrator can test a link before the AE is
 * registered without being able to store or query anything.
 *
 * <p>No container transaction: an object streams in for as long as the network needs, and the ingest service commits
 * its index in a short transaction of its own once the file is safe on disk.
 */
@MessageDriven(name = "DicomArchiveEndpoint", activationConfig = {
        @ActivationConfigProperty(propertyName = "aeTitle", propertyValue = "YUNYING"),
        @ActivationConfigProperty(propertyName = "port", propertyValue = "11112"),
        @ActivationConfigProperty(propertyName = "tls", propertyValue = "false")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll // a DICOM peer has no portal identity: it is authorised by its registered AE title (and TLS), above
public class DicomArchiveEndpoint implements DicomServiceProvider {

    private static final System.Logger LOG = System.getLogger(DicomArchiveEndpoint.class.getName());
    private static final Set<String> UNREGISTERED_MAY_USE = Set.of(UID.VERIFICATION);

    @EJB
    InstitutionDirectory institutions;

    @EJB
    ArchiveIngest ingest;

    @Override
    public AssociationDecision onAssociationRequest(AssociationInfo info) {
        if (institutions.ownerOfAe(info.callingAe()).isPresent()) {
            return AssociationDecision.accept();
        }
        LOG.log(Level.INFO, "unregistered calling AE {0} from {1}: verification only", info.callingAe(),
                info.remoteAddress());
        return AssociationDecision.accept(UNREGISTERED_MAY_USE);
    }

    @Override
    public int onStore(StoreRequest request, InputStream dataSet) {
        IngestSource source = IngestSource.ae(request.association().callingAe(),
                String.valueOf(request.association().remoteAddress()));
        IngestResult result = ingest.ingestDataSet(source, request.transferSyntaxUid(), request.sopClassUid(),
                request.sopInstanceUid(), dataSet);
        return result.status();
    }
}
