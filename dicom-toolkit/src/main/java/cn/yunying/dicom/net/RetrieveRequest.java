package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;

/**
 * An incoming C-MOVE or C-GET.
 *
 * @param sopClassUid     the information model (patient root / study root, MOVE or GET)
 * @param identifier      the keys of what to retrieve
 * @param moveDestination the destination AE title for C-MOVE, null for C-GET
 */
public record RetrieveRequest(AssociationInfo association, String sopClassUid, int priority, Attributes identifier,
                              String moveDestination) {
    public boolean isMove() {
        return moveDestination != null;
    }
}
