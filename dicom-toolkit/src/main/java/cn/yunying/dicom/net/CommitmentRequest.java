package cn.yunying.dicom.net;

import java.util.List;

/** An incoming Storage Commitment Push Model N-ACTION: which instances the requestor wants committed. */
public record CommitmentRequest(AssociationInfo association, String transactionUid, List<SopReference> references) {
    public CommitmentRequest {
        references = List.copyOf(references);
    }
}
