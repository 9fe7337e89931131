package cn.yunying.dicom.io;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.BulkData;
import cn.yunying.dicom.data.Bytes;
import cn.yunying.dicom.data.Fragments;
import cn.yunying.dicom.data.Sequence;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.dict.ElementDictionary;
import cn.yunying.dicom.dict.PrivateDictionary;
import java.io.IOException;

/**
 * The element grammar of PS3.5 chapter 7: element headers in implicit or explicit
 * VR, sequences and items of defined or undefined length, encapsulated pixel data.
 *
 * <p>Undefined-length UN elements are sequences whose items are implicit VR little
 * endian (PS3.5 6.2.2); they keep VR UN so they are written back the same way.
 */
final class DataSetParser {
    private final DicomInputStream in;
    private boolean explicitVR;
    private boolean bigEndian;

    DataSetParser(DicomInputStream in, boolean explicitVR, boolean bigEndian) {
        this.in = in;
        this.explicitVR = explicitVR;
        this.bigEndian = bigEndian;
    }

    /** Reads group 0002 elements (always little endian) until another group starts. */
    void readMetaInformation(Attributes meta) throws IOException {
        long groupEnd = -1;
        while (true) {
            in.fill(8);
            if (in.available() < 8 || Bytes.getUShort(in.buffer(), in.bufferPosition(), false) != 0x0002) {
                break;
            }
            readElement(meta, 0, -1);
            if (meta.size() == 1 && meta.tagAt(0) == Tag.FILE_META_INFORMATION_GROUP_LENGTH
                    && meta.vrAt(0) == VR.UL && meta.valueAt(0) instanceof byte[] b && b.length == 4) {
                groupEnd = in.position() + (Bytes.getInt(b, 0, false) & 0xFFFFFFFFL);
            }
        }
        // A meta group shorter than its declared length means the file was cut inside it.
        if (groupEnd >= 0 && in.position() < groupEnd && in.available() == 0) {
            throw new DicomStreamException("file meta information ends " + (groupEnd - in.position())
                    + " bytes before its group length says", in.position(), Tag.FILE_META_INFORMATION_GROUP_LENGTH);
        }
    }

    /** Reads the top-level data set; returns false if it stopped before the stop tag. */
    boolean readTopLevel(Attributes dataset) throws IOException {
        ReadOptions options = in.options();
        int previous = 0;
        while (true) {
            in.fill(8);
            int avail = in.available();
            if (avail == 0) {
                return true;
            }
            long start = in.position();
            if (avail < 8) {
                throw new DicomStreamException(avail + " trailing bytes after the last element (truncated or garbage)",
                        start, -1);
            }
            int tag = peekTag();
            if (options.stopEnabled() && Integer.compareUnsigned(tag, options.stopBeforeTag()) >= 0) {
                return false;
            }
            if (Integer.compareUnsigned(tag, previous) < 0 && dataset.size() > 0) {
                throw new DicomStreamException("tag out of order after " + Tag.toString(previous)
                        + " (garbage after the data set?)", start, tag);
            }
            previous = tag;
            readElement(dataset, 0, -1);
        }
    }

    private int peekTag() {
        byte[] b = in.buffer();
        int p = in.bufferPosition();
        return Bytes.getUShort(b, p, bigEndian) << 16 | Bytes.getUShort(b, p + 2, bigEndian);
    }

    /** Reads an item's elements up to {@code end} (or to the item delimiter if end is -1). */
    private void readItem(Attributes item, long end, int depth) throws IOException {
        while (true) {
            long here = in.position();
            if (end >= 0) {
                if (here == end) {
                    return;
                }
                if (here > end) {
                    throw new DicomStreamException("element overruns the item end at " + end, here, -1);
                }
            }
            in.fill(8);
            if (in.available() < 8) {
                throw new DicomStreamException("stream ends inside an item", here, -1);
            }
            int tag = peekTag();
            if (tag == Tag.ITEM_DELIMITATION_ITEM) {
                in.advance(8);
                if (end >= 0) {
                    throw new DicomStreamException("item delimiter inside a defined-length item", here, tag);
                }
                return;
            }
            readElement(item, depth, end);
        }
    }

    private void readElement(Attributes target, int depth, long end) throws IOException {
        long start = in.position();
        in.fill(12);
        byte[] b = in.buffer();
        int p = in.bufferPosition();
        int tag = peekTag();
        if (tag == Tag.ITEM || tag == Tag.SEQUENCE_DELIMITATION_ITEM || tag == Tag.ITEM_DELIMITATION_ITEM) {
            throw new DicomStreamException("unexpected delimiter or item tag in a data set", start, tag);
        }
        VR vr;
        long length;
        if (explicitVR) {
            if (in.available() < 8) {
                throw new DicomStreamException("truncated element header", start, tag);
            }
            vr = VR.ofCode((b[p + 4] & 0xFF) << 8 | b[p + 5] & 0xFF);
            if (vr == null) {
                if (!looksLikeFutureVR(b, p)) {
                    throw new DicomStreamException("invalid VR '" + printable(b, p + 4) + "' in explicit VR data",
                            start, tag);
                }
                // PS3.5 7.1.2: VRs added in future editions use the 32-bit length form; read them as UN.
                vr = VR.UN;
            }
            if (vr.hasLongLength()) {
                if (in.available() < 12) {
                    throw new DicomStreamException("truncated element header", start, tag);
                }
                length = Bytes.getInt(b, p + 8, bigEndian) & 0xFFFFFFFFL;
                in.advance(12);
            } else {
                length = Bytes.getUShort(b, p + 6, bigEndian);
                in.advance(8);
            }
        } else {
            length = Bytes.getInt(b, p + 4, bigEndian) & 0xFFFFFFFFL;
            in.advance(8);
            vr = implicitVR(target, tag);
        }
        boolean undefined = length == 0xFFFFFFFFL;
        if (!undefined) {
            checkLength(length, start, tag, end);
        }
        if (vr == VR.SQ || undefined && (vr == VR.UN || !explicitVR && !isPixelData(tag))) {
            readSequence(target, tag, vr, undefined ? -1 : length, depth, start);
        } else if (undefined) {
            if (vr != VR.OB && vr != VR.OW) {
                throw new DicomStreamException("undefined length not allowed for VR " + vr, start, tag);
            }
            readFragments(target, tag, vr, depth, start);
        } else {
            target.setValue(tag, vr, readPlainValue(tag, vr, length));
        }
    }

    private Object readPlainValue(int tag, VR vr, long length) throws IOException {
        long threshold = in.options().bulkDataThreshold();
        if (threshold >= 0 && length > threshold && (vr.isBulk() || isPixelData(tag)) && !in.isInflating()) {
            BulkData ref = new BulkData(in.options().bulkDataUri(), in.position(), length, bigEndian);
            in.skipValue(length, tag);
            return ref;
        }
        return in.readValue(length, tag);
    }

    private void checkLength(long length, long start, int tag, long end) throws DicomStreamException {
        long known = in.knownLength();
        if (known >= 0 && in.position() + length > known) {
            throw new DicomStreamException("value length " + length + " beyond end of stream (" + known
                    + " bytes)", start, tag);
        }
        if (end >= 0 && in.position() + length > end) {
            throw new DicomStreamException("value length " + length + " beyond the end of the enclosing item", start, tag);
        }
    }

    private VR implicitVR(Attributes target, int tag) {
        if (Tag.isPrivate(tag) && !Tag.isPrivateCreator(tag) && Tag.element(tag) >= 0x1000) {
            String creator = target.getPrivateCreator(tag);
            return creator == null ? VR.UN : PrivateDictionary.vrOf(creator, tag);
        }
        return ElementDictionary.vrOf(tag);
    }

    private static boolean isPixelData(int tag) {
        return tag == Tag.PIXEL_DATA || tag == Tag.FLOAT_PIXEL_DATA || tag == Tag.DOUBLE_FLOAT_PIXEL_DATA;
    }

    private void readSequence(Attributes target, int tag, VR vr, long length, int depth, long start) throws IOException {
        if (depth + 1 > in.options().maxDepth()) {
            throw new DicomStreamException("sequences nested deeper than " + in.options().maxDepth(), start, tag);
        }
        // Only a "UN" actually on the wire stays UN; in implicit VR the VR is merely unknown.
        Sequence seq = target.newSequence(tag, vr == VR.UN && explicitVR ? VR.UN : VR.SQ, 2);
        seq.setUndefinedLength(length < 0);
        boolean savedExplicit = explicitVR;
        boolean savedBigEndian = bigEndian;
        if (vr == VR.UN) {
            explicitVR = false; // PS3.5 6.2.2: UN of undefined length is implicit VR little endian
            bigEndian = false;
        }
        try {
            long end = length < 0 ? -1 : in.position() + length;
            while (true) {
                long here = in.position();
                if (end >= 0 && here >= end) {
                    if (here > end) {
                        throw new DicomStreamException("items overrun the sequence length " + length, here, tag);
                    }
                    return;
                }
                in.fill(8);
                if (in.available() < 8) {
                    throw new DicomStreamException("stream ends inside a sequence", here, tag);
                }
                byte[] b = in.buffer();
                int p = in.bufferPosition();
                int itemTag = peekTag();
                long itemLength = Bytes.getInt(b, p + 4, bigEndian) & 0xFFFFFFFFL;
                in.advance(8);
                if (itemTag == Tag.SEQUENCE_DELIMITATION_ITEM) {
                    if (end >= 0) {
                        throw new DicomStreamException("sequence delimiter in a defined-length sequence", here, tag);
                    }
                    return;
                }
                if (itemTag != Tag.ITEM) {
                    throw new DicomStreamException("expected an item (FFFE,E000) in sequence, found "
                            + Tag.toString(itemTag), here, tag);
                }
                Attributes item = new Attributes(savedBigEndian, 8);
                seq.add(item);
                boolean undefinedItem = itemLength == 0xFFFFFFFFL;
                item.setUndefinedLength(undefinedItem);
                if (!undefinedItem) {
                    checkLength(itemLength, here, tag, end);
                }
                readItem(item, undefinedItem ? -1 : in.position() + itemLength, depth + 1);
            }
        } finally {
            explicitVR = savedExplicit;
            bigEndian = savedBigEndian;
        }
    }

    private void readFragments(Attributes target, int tag, VR vr, int depth, long start) throws IOException {
        Fragments fragments = new Fragments(vr);
        target.setValue(tag, vr, fragments);
        long threshold = in.options().bulkDataThreshold();
        while (true) {
            long here = in.position();
            in.fill(8);
            if (in.available() < 8) {
                throw new DicomStreamException("stream ends inside encapsulated pixel data", here, tag);
            }
            int itemTag = peekTag();
            long length = Bytes.getInt(in.buffer(), in.bufferPosition() + 4, bigEndian) & 0xFFFFFFFFL;
            in.advance(8);
            if (itemTag == Tag.SEQUENCE_DELIMITATION_ITEM) {
                return;
            }
            if (itemTag != Tag.ITEM) {
                throw new DicomStreamException("expected a fragment item (FFFE,E000), found " + Tag.toString(itemTag),
                        here, tag);
            }
            if (length == 0xFFFFFFFFL) {
                throw new DicomStreamException("fragment with undefined length", here, tag);
            }
            checkLength(length, here, tag, -1);
            boolean offsetTable = fragments.size() == 0;
            if (threshold >= 0 && !offsetTable && !in.isInflating()) {
                fragments.add(new BulkData(in.options().bulkDataUri(), in.position(), length, bigEndian));
                in.skipValue(length, tag);
            } else {
                fragments.add(in.readValue(length, tag));
            }
        }
    }

    /** Two upper-case letters followed by the two reserved zero bytes: a VR we do not know yet. */
    private boolean looksLikeFutureVR(byte[] b, int p) {
        return in.available() >= 12 && b[p + 4] >= 'A' && b[p + 4] <= 'Z' && b[p + 5] >= 'A' && b[p + 5] <= 'Z'
                && b[p + 6] == 0 && b[p + 7] == 0;
    }

    private static String printable(byte[] b, int p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            int c = b[p + i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return sb.toString();
    }
}
