package cn.yunying.dicom.net.pdu;

/** SCP/SCU role selection sub-item (PS3.7 annex D.3.3.4): which roles a side takes for one SOP class. */
public record RoleSelection(String sopClassUid, boolean scu, boolean scp) {
}
