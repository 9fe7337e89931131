package cn.yunying.dicom.net;

/**
 * An incoming C-STORE (also the sub-operations a C-GET SCU receives).
 *
 * @param association             the association it arrived on
 * @param sopClassUid             affected SOP class
 * @param sopInstanceUid          affected SOP instance
 * @param transferSyntaxUid       the transfer syntax of the data set stream (that of the presentation context)
 * @param priority                0 medium, 1 high, 2 low
 * @param moveOriginatorAe        AE title of the C-MOVE originator if this is a C-MOVE sub-operation, else null
 * @param moveOriginatorMessageId its message ID, or -1
 */
public record StoreRequest(AssociationInfo association, String sopClassUid, String sopInstanceUid,
                           String transferSyntaxUid, int priority, String moveOriginatorAe, int moveOriginatorMessageId) {
}
