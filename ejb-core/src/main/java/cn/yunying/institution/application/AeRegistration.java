package cn.yunying.institution.application;

import java.io.Serializable;

/**
 * What an administrator registers for one DICOM node of an institution: its AE title, the host or IP address it calls
 * from and listens on, for a node the archive may send to (C-MOVE destination) its port, and optionally the TLS client
 * certificate (PEM) it must present: then it is accepted only over TLS with exactly that certificate.
 */
public record AeRegistration(String aeTitle, String host, Integer port, boolean moveDestination,
                             String tlsCertificatePem) implements Serializable {
    // one constructor only: JSON-B builds records through their single canonical constructor
}
