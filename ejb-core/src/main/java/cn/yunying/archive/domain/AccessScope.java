package cn.yunying.archive.domain;

import java.io.Serializable;
import java.util.Set;

/**
 * What a caller may see of the archive: the institutions whose studies are visible ({@code institutions}, null for
 * every institution) and, among those, the institutions whose VIP-flagged patients and studies are visible too
 * ({@code vipInstitutions}, null for every institution, empty for none).
 */
public record AccessScope(Set<Long> institutions, Set<Long> vipInstitutions) implements Serializable {

    public AccessScope {
        institutions = institutions == null ? null : Set.copyOf(institutions);
        vipInstitutions = vipInstitutions == null ? null : Set.copyOf(vipInstitutions);
    }

    /** A DICOM AE: the studies of its own institution, VIP ones included (docs/security.md). */
    public static AccessScope ownInstitution(Set<Long> institutions) {
        return new AccessScope(institutions, institutions);
    }

    /** The same institutions with VIP restrictions lifted: only to tell "restricted" from "not there". */
    public AccessScope ignoringVip() {
        return new AccessScope(institutions, null);
    }

    public boolean vipRestricted() {
        return vipInstitutions != null;
    }
}
