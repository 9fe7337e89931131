package cn.yunying.archive.application;

import java.io.Serializable;

/**
 * Storage commitment for one SOP instance: {@code committed} when the archive holds it for the requester's institution
 * and the file's SHA-256 still equals the one recorded at ingest; otherwise {@code reason} says why not.
 */
public record CommitmentResult(String sopInstanceUid, String sopClassUid, boolean committed, String reason)
        implements Serializable {
}
