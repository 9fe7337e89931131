package cn.yunying.institution.application;

import java.io.Serializable;

/** A registered DICOM node as administrators see it. */
public record RegisteredAeView(Long institutionId, String aeTitle, String host, Integer port, boolean moveDestination)
        implements Serializable {
}
