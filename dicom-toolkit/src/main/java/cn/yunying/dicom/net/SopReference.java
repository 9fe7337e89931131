package cn.yunying.dicom.net;

/** A referenced SOP instance (Referenced SOP Sequence item of storage commitment). */
public record SopReference(String sopClassUid, String sopInstanceUid) {
}
