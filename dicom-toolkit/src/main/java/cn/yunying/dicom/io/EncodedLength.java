package cn.yunying.dicom.io;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.BulkData;
import cn.yunying.dicom.data.Fragments;
import cn.yunying.dicom.data.Sequence;
import cn.yunying.dicom.data.VR;

/**
 * Computes encoded lengths, needed to write defined-length sequences and items
 * and the meta information group length. Mirrors the choices DicomOutputStream
 * makes (padding, UN for overlong short values, UN sequences in implicit VR).
 */
final class EncodedLength {

    /** Unpadded length of a plain value. */
    long valueLength(Attributes attrs, int i) {
        Object v = attrs.valueAt(i);
        if (v instanceof byte[] b) {
            return b.length;
        }
        if (v instanceof BulkData bulk) {
            return bulk.length();
        }
        return attrs.getBytes(attrs.tagAt(i)).length;
    }

    /** Header plus value of element {@code i}. */
    long element(Attributes attrs, int i, boolean explicitVR) {
        Object v = attrs.valueAt(i);
        VR vr = attrs.vrAt(i);
        if (v instanceof Sequence seq) {
            boolean asUN = vr == VR.UN;
            long content = sequenceContent(seq, explicitVR, asUN);
            long delimiter = seq.isUndefinedLength() || asUN ? 8 : 0;
            return headerLength(vr, explicitVR) + content + delimiter;
        }
        if (v instanceof Fragments f) {
            long total = headerLength(vr, explicitVR) + 8;
            for (int k = 0; k < f.size(); k++) {
                long len = f.lengthOf(k);
                total += 8 + len + (len & 1);
            }
            return total;
        }
        long len = valueLength(attrs, i);
        long padded = len + (len & 1);
        if (explicitVR && !vr.hasLongLength() && padded > 0xFFFF) {
            vr = VR.UN;
        }
        return headerLength(vr, explicitVR) + padded;
    }

    /** Items of a sequence, each with its header and (if undefined) delimiter. */
    long sequenceContent(Sequence seq, boolean explicitVR, boolean asUN) {
        boolean itemsExplicit = explicitVR && !asUN;
        long total = 0;
        for (Attributes item : seq) {
            total += 8 + dataSet(item, itemsExplicit) + (item.isUndefinedLength() ? 8 : 0);
        }
        return total;
    }

    long dataSet(Attributes attrs, boolean explicitVR) {
        long total = 0;
        for (int i = 0; i < attrs.size(); i++) {
            total += element(attrs, i, explicitVR);
        }
        return total;
    }

    private static long headerLength(VR vr, boolean explicitVR) {
        return !explicitVR || vr.hasLongLength() ? (explicitVR ? 12 : 8) : 8;
    }
}
