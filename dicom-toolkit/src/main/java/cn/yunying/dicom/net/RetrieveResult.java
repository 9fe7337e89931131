package cn.yunying.dicom.net;

/** Outcome of a C-MOVE or C-GET as the SCU sees it: final status and sub-operation counts. */
public record RetrieveResult(int status, int completed, int failed, int warning) {
}
