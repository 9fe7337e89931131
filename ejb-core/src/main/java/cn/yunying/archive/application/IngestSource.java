package cn.yunying.archive.application;

import java.io.Serializable;

/**
 * Who sends an object: a DICOM AE (the calling AE title; its institution comes from registered_ae) or a user (STOW-RS;
 * the institution comes from the caller's roles). {@code institutionId} may be null for an AE: the ingest service
 * resolves it.
 */
public record IngestSource(Kind kind, String name, Long institutionId, String address) implements Serializable {

    public enum Kind { DICOM_AE, USER }

    public static IngestSource ae(String callingAeTitle, String remoteAddress) {
        return new IngestSource(Kind.DICOM_AE, callingAeTitle, null, remoteAddress);
    }

    public IngestSource withInstitution(Long id) {
        return new IngestSource(kind, name, id, address);
    }

    /** As kept in the index and the conflict log: {@code AE:CT_1} or {@code USER:clinic1-tech}. */
    public String label() {
        return (kind == Kind.DICOM_AE ? "AE:" : "USER:") + name;
    }
}
