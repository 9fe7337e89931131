package cn.yunying.dicom.rar;

import cn.yunying.dicom.net.AssociationDecision;
import cn.yunying.dicom.net.AssociationInfo;
import cn.yunying.dicom.net.CommitmentRequest;
import cn.yunying.dicom.net.CommitmentResult;
import cn.yunying.dicom.net.DicomServiceProvider;
import cn.yunying.dicom.net.DimseException;
import cn.yunying.dicom.net.FindRequest;
import cn.yunying.dicom.net.QueryResults;
import cn.yunying.dicom.net.RetrieveRequest;
import cn.yunying.dicom.net.RetrieveSource;
import cn.yunying.dicom.net.Status;
import cn.yunying.dicom.net.StoreRequest;
import cn.yunying.dicom.net.pdu.Pdu;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.Set;

/**
 * The toolkit's view of a message endpoint: every DICOM request becomes one call on a fresh endpoint instance from
 * the container (an MDB from the pool, in its transaction and security context), released right after. The called AE
 * title and the calling-AE allow list of the activation spec, when set, are checked here before the endpoint is asked.
 *
 * <p>A provider's {@link QueryResults} are read after the call that returned them has ended, so endpoints return
 * results that need no container context (a page already fetched).
 */
final class EndpointDispatcher implements DicomServiceProvider {

    private static final System.Logger LOG = System.getLogger(EndpointDispatcher.class.getName());

    private final MessageEndpointFactory factory;
    private final String aeTitle;
    private final Set<String> acceptedCallingAets;

    EndpointDispatcher(MessageEndpointFactory factory, String aeTitle, Set<String> acceptedCallingAets) {
        this.factory = factory;
        this.aeTitle = aeTitle;
        this.acceptedCallingAets = Set.copyOf(acceptedCallingAets);
    }

    @Override
    public AssociationDecision onAssociationRequest(AssociationInfo info) {
        if (!aeTitle.equals(info.calledAe())) {
            LOG.log(Level.INFO, "DICOM association from {0} at {1} rejected: it called {2}, we are {3}",
                    info.callingAe(), info.remoteAddress(), info.calledAe(), aeTitle);
            return AssociationDecision.reject(Pdu.AssociateRj.PERMANENT, Pdu.AssociateRj.SOURCE_USER,
                    Pdu.AssociateRj.USER_CALLED_AE_NOT_RECOGNIZED);
        }
        if (!acceptedCallingAets.isEmpty() && !acceptedCallingAets.contains(info.callingAe())) {
            LOG.log(Level.INFO, "DICOM association from {0} at {1} rejected: calling AE not in the allow list",
                    info.callingAe(), info.remoteAddress());
            return AssociationDecision.reject(Pdu.AssociateRj.PERMANENT, Pdu.AssociateRj.SOURCE_USER,
                    Pdu.AssociateRj.USER_CALLING_AE_NOT_RECOGNIZED);
        }
        try {
            return call(provider -> provider.onAssociationRequest(info));
        } catch (IOException unavailable) {
            return AssociationDecision.reject(Pdu.AssociateRj.TRANSIENT, Pdu.AssociateRj.SOURCE_USER,
                    Pdu.AssociateRj.USER_NO_REASON);
        }
    }

    @Override
    public int onStore(StoreRequest request, InputStream dataSet) throws IOException {
        return call(provider -> provider.onStore(request, dataSet));
    }

    @Override
    public QueryResults onFind(FindRequest request) throws IOException {
        return call(provider -> provider.onFind(request));
    }

    @Override
    public RetrieveSource onRetrieve(RetrieveRequest request) throws IOException {
        return call(provider -> provider.onRetrieve(request));
    }

    @Override
    public CommitmentResult onStorageCommitment(CommitmentRequest request) throws IOException {
        return call(provider -> provider.onStorageCommitment(request));
    }

    private <T> T call(EndpointCall<T> work) throws IOException {
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            LOG.log(Level.WARNING, "no DICOM message endpoint available: {0}", e.getMessage());
            throw new DimseException(Status.OUT_OF_RESOURCES, "the archive is not ready");
        }
        try {
            return work.on((DicomServiceProvider) endpoint);
        } finally {
            endpoint.release();
        }
    }

    @FunctionalInterface
    private interface EndpointCall<T> {
        T on(DicomServiceProvider provider) throws IOException;
    }
}
