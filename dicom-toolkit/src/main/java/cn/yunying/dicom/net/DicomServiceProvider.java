package cn.yunying.dicom.net;

import java.io.IOException;
import java.io.InputStream;

/**
 * The application behind a {@link DicomServer}. Implement the services you offer; the defaults refuse
 * (C-ECHO is answered by the layer itself). Methods run on the association's connection thread, one
 * request at a time per association, concurrently across associations.
 */
public interface DicomServiceProvider {

    /**
     * Decides about an association request. The default accepts: checking AE titles and users is the
     * application's business, and a default that rejects would make every provider override this.
     */
    default AssociationDecision onAssociationRequest(AssociationInfo info) {
        return AssociationDecision.accept();
    }

    /**
     * Stores one object. {@code dataSet} delivers the data set (no meta information) in
     * {@code request.transferSyntaxUid()} while its fragments arrive; the layer discards whatever is not
     * read. If the association breaks, reading throws an IOException.
     *
     * @return the DIMSE status: 0x0000 success, 0xB000/0xB007/0xB006 warnings, 0xA700 out of resources,
     * 0xA900 data set does not match SOP class, 0xC000 cannot understand
     */
    default int onStore(StoreRequest request, InputStream dataSet) throws IOException {
        return Status.SOP_CLASS_NOT_SUPPORTED;
    }

    /** Runs a C-FIND. Throw {@link DimseException} to answer with a failure status. */
    default QueryResults onFind(FindRequest request) throws IOException {
        throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "C-FIND not supported");
    }

    /** Resolves a C-MOVE or C-GET into instances (and, for C-MOVE, the destination). */
    default RetrieveSource onRetrieve(RetrieveRequest request) throws IOException {
        throw new DimseException(Status.SOP_CLASS_NOT_SUPPORTED, "retrieve not supported");
    }

    /** Decides a storage commitment transaction; the layer reports the result with an N-EVENT-REPORT. */
    default CommitmentResult onStorageCommitment(CommitmentRequest request) throws IOException {
        throw new DimseException(Status.NO_SUCH_SOP_CLASS, "storage commitment not supported");
    }
}
