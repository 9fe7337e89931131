package cn.yunying.dicom.dict;

/**
 * One row of the PS3.6 UID registry.
 *
 * @param uid     the UID
 * @param keyword keyword such as "ExplicitVRLittleEndian"
 * @param type    registry type, e.g. "SOP Class", "Transfer Syntax", "Well-known frame of reference"
 * @param retired true if retired
 * @param name    human readable name
 */
public record UidEntry(String uid, String keyword, String type, boolean retired, String name) {
    public boolean isTransferSyntax() {
        return "Transfer Syntax".equals(type);
    }

    public boolean isSopClass() {
        return type.endsWith("SOP Class");
    }
}
