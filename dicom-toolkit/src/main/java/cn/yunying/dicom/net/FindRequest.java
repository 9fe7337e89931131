package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;

/**
 * An incoming C-FIND.
 *
 * @param sopClassUid the information model (patient root, study root, modality worklist...)
 * @param identifier  the query keys
 */
public record FindRequest(AssociationInfo association, String sopClassUid, int priority, Attributes identifier) {
}
