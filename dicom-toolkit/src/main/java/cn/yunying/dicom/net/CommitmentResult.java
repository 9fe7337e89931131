package cn.yunying.dicom.net;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a storage commitment transaction, as sent in the N-EVENT-REPORT.
 *
 * @param committed instances the SCP commits to keep
 * @param failed    instances it cannot commit, each with a Failure Reason (0x0110 processing failure,
 *                  0x0112 no such object instance, 0x0119 class/instance conflict, 0x0131 duplicate transaction UID...)
 */
public record CommitmentResult(String transactionUid, List<SopReference> committed, Map<SopReference, Integer> failed) {
    public static final int PROCESSING_FAILURE = 0x0110;
    public static final int NO_SUCH_OBJECT_INSTANCE = 0x0112;

    public CommitmentResult {
        committed = List.copyOf(committed);
        failed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    }
}
