package cn.yunying.dicom.net;

import java.util.List;

/**
 * Outcome of a C-MOVE or C-GET as the SCU sees it: final status, sub-operation counts and the Failed SOP Instance UID
 * List (0008,0058) the SCP sent with a warning, failure or cancel status (empty if it sent none).
 */
public record RetrieveResult(int status, int completed, int failed, int warning, List<String> failedSopInstanceUids) {
    public RetrieveResult {
        failedSopInstanceUids = List.copyOf(failedSopInstanceUids);
    }

    public RetrieveResult(int status, int completed, int failed, int warning) {
        this(status, completed, failed, warning, List.of());
    }
}
