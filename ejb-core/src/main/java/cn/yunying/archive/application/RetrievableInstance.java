package cn.yunying.archive.application;

import java.io.Serializable;

/** A stored instance ready to be sent: where its file is (absolute path), what it is, and its checksums. */
public record RetrievableInstance(String studyUid, String seriesUid, String sopInstanceUid, String sopClassUid,
                                  String transferSyntaxUid, String path, long size, String md5, String sha256)
        implements Serializable {
}
