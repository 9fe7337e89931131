package cn.yunying.institution.application;

import java.io.Serializable;

/**
 * What an association needs to know about a registered calling AE, cached per AE title so that accepting an
 * association costs no database round trip (and keeps working while the database is briefly away): the owning
 * institution, and the SHA-256 of the TLS client certificate it is pinned to (null: none).
 */
record AeAdmission(Long institutionId, String pinnedCertificateSha256) implements Serializable {
}
