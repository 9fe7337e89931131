package cn.yunying.dicom.dict;

import cn.yunying.dicom.data.VR;
import java.util.List;

/**
 * One row of the PS3.6 data dictionary.
 *
 * @param tag      the tag; for repeating groups the representative tag with the 'x' nibbles zero
 * @param mask     bits of the tag that are fixed ({@code 0xFFFFFFFF} for ordinary entries,
 *                 e.g. {@code 0xFF00FFFF} for (60xx,3000))
 * @param vrs      allowed VRs, first is used for implicit VR decoding (OW for "OB or OW")
 * @param vm       value multiplicity as written in PS3.6, e.g. "1-n"
 * @param retired  true if the attribute is retired
 * @param keyword  keyword, e.g. "PatientName"
 * @param name     human readable name
 */
public record ElementEntry(int tag, int mask, List<VR> vrs, String vm, boolean retired, String keyword, String name) {

    /** The VR implied when the stream does not say (implicit VR little endian). */
    public VR vr() {
        if (vrs.isEmpty()) {
            return VR.UN;
        }
        if (vrs.contains(VR.OW)) {
            return VR.OW; // PS3.5 A.1: implicit OB-or-OW data is OW
        }
        return vrs.get(0);
    }

    public boolean isRepeatingGroup() {
        return mask != 0xFFFFFFFF;
    }

    public boolean matches(int candidate) {
        return (candidate & mask) == tag;
    }
}
