package cn.yunying.archive.interfaces.dicom;

import cn.yunying.archive.application.ArchiveIngest;
import cn.yunying.archive.application.ArchiveQuery;
import cn.yunying.archive.application.ArchiveRetrieve;
import cn.yunying.archive.application.IngestResult;
import cn.yunying.archive.application.IngestSource;
import cn.yunying.archive.application.QueryOptions;
import cn.yunying.archive.application.RetrievableInstance;
import cn.yunying.archive.domain.QueryLevel;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.AssociationDecision;
import cn.yunying.dicom.net.AssociationInfo;
import cn.yunying.dicom.net.CommitmentRequest;
import cn.yunying.dicom.net.CommitmentResult;
import cn.yunying.dicom.net.DicomServiceProvider;
import cn.yunying.dicom.net.FindRequest;
import cn.yunying.dicom.net.MoveDestination;
import cn.yunying.dicom.net.QueryResults;
import cn.yunying.dicom.net.RetrieveInstance;
import cn.yunying.dicom.net.RetrieveRequest;
import cn.yunying.dicom.net.RetrieveSource;
import cn.yunying.dicom.net.SopReference;
import cn.yunying.dicom.net.Status;
import cn.yunying.dicom.net.StoreRequest;
import cn.yunying.dicom.net.pdu.Pdu;
import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.institution.application.MoveDestinationView;
import cn.yunying.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The archive on the plain DICOM port (11112, AE title YUNYING; both overridable, see docs/configuration.md):
 * storage, Patient/Study Root C-FIND, C-MOVE and C-GET, and Storage Commitment, each scoped to the institution the
 * calling AE is registered to. A C-MOVE goes only to a registered move destination of that same institution, so that
 * nobody can push another institution's images anywhere.
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
    /** Storage commitment failure reason 0119: the instance is held, but under another SOP class. */
    private static final int CLASS_INSTANCE_CONFLICT = 0x0119;

    @EJB
    InstitutionDirectory institutions;

    @EJB
    ArchiveIngest ingest;

    @EJB
    ArchiveQuery query;

    @EJB
    ArchiveRetrieve retrieve;

    @Override
    public AssociationDecision onAssociationRequest(AssociationInfo info) {
        if (institutions.ownerOfAe(info.callingAe()).isPresent()) {
            if (!institutions.admitsCertificate(info.callingAe(), info.tlsPeerCertificate())) {
                // the institution bound this AE title to a certificate: anyone else using the title is refused
                LOG.log(Level.WARNING, "calling AE {0} from {1} without its pinned TLS certificate: rejected",
                        info.callingAe(), info.remoteAddress());
                return AssociationDecision.reject(Pdu.AssociateRj.PERMANENT, Pdu.AssociateRj.SOURCE_USER,
                        Pdu.AssociateRj.USER_CALLING_AE_NOT_RECOGNIZED);
            }
            return AssociationDecision.accept();
        }
        // issue 6: an AE no institution registered is refused outright, even for C-ECHO, so that a misconfigured or
        // unknown device sees at once why ("calling AE title not recognized") instead of failing later
        LOG.log(Level.INFO, "unregistered calling AE {0} from {1}: rejected", info.callingAe(), info.remoteAddress());
        return AssociationDecision.reject(Pdu.AssociateRj.PERMANENT, Pdu.AssociateRj.SOURCE_USER,
                Pdu.AssociateRj.USER_CALLING_AE_NOT_RECOGNIZED);
    }

    @Override
    public int onStore(StoreRequest request, InputStream dataSet) {
        IngestSource source = IngestSource.ae(request.association().callingAe(),
                String.valueOf(request.association().remoteAddress()));
        IngestResult result = ingest.ingestDataSet(source, request.transferSyntaxUid(), request.sopClassUid(),
                request.sopInstanceUid(), dataSet);
        return result.status();
    }

    @Override
    public QueryResults onFind(FindRequest request) throws IOException {
        QueryRetrieveModels.requireModel(request.sopClassUid(), "1");
        QueryLevel level = QueryRetrieveModels.level(request.sopClassUid(), request.identifier());
        Set<Integer> keys = new HashSet<>();
        for (int tag : request.identifier().tags()) {
            keys.add(tag);
        }
        QueryOptions options = new QueryOptions(0, QueryOptions.MAX_LIMIT, false, keys, Set.of(), false);
        List<Attributes> matches = query.findForAe(request.association().callingAe(),
                String.valueOf(request.association().remoteAddress()), level, request.identifier(), options);
        return QueryResults.of(matches.stream().map(m -> QueryRetrieveModels.asResponse(m, level)).toList());
    }

    @Override
    public RetrieveSource onRetrieve(RetrieveRequest request) throws IOException {
        QueryRetrieveModels.requireModel(request.sopClassUid(), request.isMove() ? "2" : "3");
        String caller = request.association().callingAe();
        MoveDestination destination = null;
        if (request.isMove()) {
            Optional<MoveDestinationView> known = institutions.moveDestination(request.moveDestination());
            Optional<Long> callerInstitution = institutions.ownerOfAe(caller);
            if (known.isEmpty() || callerInstitution.isEmpty()
                    || !known.get().institutionId().equals(callerInstitution.get())) {
                LOG.log(Level.INFO, "C-MOVE from {0} to {1} refused: not a move destination of its institution",
                        caller, request.moveDestination());
                return RetrieveSource.refused(Status.MOVE_DESTINATION_UNKNOWN);
            }
            destination = new MoveDestination(known.get().host(), known.get().port(), known.get().aeTitle(), false);
        }
        QueryLevel level = QueryRetrieveModels.level(request.sopClassUid(), request.identifier());
        List<RetrieveInstance> instances = new ArrayList<>();
        for (String[] target : QueryRetrieveModels.targets(level, request.identifier())) {
            for (RetrievableInstance stored : locate(caller, request, target)) {
                instances.add(RetrieveInstance.ofFile(Path.of(stored.path())));
            }
        }
        return destination == null ? RetrieveSource.of(instances) : RetrieveSource.of(instances, destination);
    }

    private List<RetrievableInstance> locate(String caller, RetrieveRequest request, String[] target) {
        try {
            return retrieve.locateForAe(caller, String.valueOf(request.association().remoteAddress()), target[0],
                    target[1], target[2]);
        } catch (DomainException nothingVisible) {
            return List.of();
        }
    }

    @Override
    public CommitmentResult onStorageCommitment(CommitmentRequest request) {
        List<String> uids = request.references().stream().map(SopReference::sopInstanceUid).toList();
        List<SopReference> committed = new ArrayList<>();
        Map<SopReference, Integer> failed = new LinkedHashMap<>();
        List<cn.yunying.archive.application.CommitmentResult> checks =
                retrieve.verify(request.association().callingAe(), uids);
        for (int i = 0; i < checks.size(); i++) {
            SopReference asked = request.references().get(i);
            cn.yunying.archive.application.CommitmentResult check = checks.get(i);
            if (!check.committed()) {
                failed.put(asked, check.sopClassUid() == null ? CommitmentResult.NO_SUCH_OBJECT_INSTANCE
                        : CommitmentResult.PROCESSING_FAILURE);
            } else if (!check.sopClassUid().equals(asked.sopClassUid())) {
                failed.put(asked, CLASS_INSTANCE_CONFLICT);
            } else {
                committed.add(asked);
            }
        }
        return new CommitmentResult(request.transactionUid(), committed, failed);
    }
}
