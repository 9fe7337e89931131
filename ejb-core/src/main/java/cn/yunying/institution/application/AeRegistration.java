package cn.yunying.institution.application;

import java.io.Serializable;

/**
 * What an administrator registers for one DICOM node of an institution: its AE title, the host or IP address it calls
 * from and listens on, and, for a node the archive may send to (C-MOVE destination), its port.
 */
public record AeRegistration(String aeTitle, String host, Integer port, boolean moveDestination) implements Serializable {
}
