package cn.yunying.institution.application;

import java.io.Serializable;

/** A registered DICOM node as administrators see it; the certificate fields are null when none is pinned. */
public record RegisteredAeView(Long institutionId, String aeTitle, String host, Integer port, boolean moveDestination,
                               String tlsCertificateSubject, String tlsCertificateSha256) implements Serializable {
}
