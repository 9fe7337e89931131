package cn.yunying.dicom.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 A.4): the basic offset table item followed by
 * one item per fragment, kept exactly as encoded and never decompressed. Each
 * entry is a {@code byte[]} or, when read with a bulk data threshold, a
 * {@link BulkData} reference.
 */
public final class Fragments implements Iterable<Object> {
    private final VR vr;
    private final List<Object> items = new ArrayList<>();

    public Fragments(VR vr) {
        this.vr = vr;
    }

    public VR vr() {
        return vr;
    }

    /** Adds a fragment: a byte[] or a BulkData. The first one is the basic offset table. */
    public Fragments add(Object fragment) {
        if (!(fragment instanceof byte[]) && !(fragment instanceof BulkData)) {
            throw new IllegalArgumentException("fragment must be byte[] or BulkData: " + fragment);
        }
        items.add(fragment);
        return this;
    }

    public int size() {
        return items.size();
    }

    public Object get(int index) {
        return items.get(index);
    }

    /** Length in bytes of fragment {@code index}. */
    public long lengthOf(int index) {
        Object f = items.get(index);
        return f instanceof byte[] b ? b.length : ((BulkData) f).length();
    }

    public List<Object> asList() {
        return Collections.unmodifiableList(items);
    }

    @Override
    public Iterator<Object> iterator() {
        return asList().iterator();
    }

    /**
     * The fragments as they appear in the stream (item headers, values, sequence
     * delimiter, little endian): how DICOM JSON and XML carry encapsulated pixel data
     * inline. Fails for fragments held as bulk data references.
     */
    public byte[] toItemStream() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] header = new byte[8];
        for (Object f : items) {
            if (!(f instanceof byte[] b)) {
                throw new IllegalStateException("fragment is a bulk data reference, not in memory");
            }
            Bytes.putShort(header, 0, 0xFFFE, false);
            Bytes.putShort(header, 2, 0xE000, false);
            Bytes.putInt(header, 4, b.length + (b.length & 1), false);
            out.write(header, 0, 8);
            out.writeBytes(b);
            if ((b.length & 1) != 0) {
                out.write(0);
            }
        }
        Bytes.putShort(header, 0, 0xFFFE, false);
        Bytes.putShort(header, 2, 0xE0DD, false);
        Bytes.putInt(header, 4, 0, false);
        out.write(header, 0, 8);
        return out.toByteArray();
    }

    /**
     * For fragments read as bulk data references: one reference covering the whole
     * encapsulated value as it lies in the source (basic offset table item, fragment
     * items, sequence delimiter) - the same bytes {@link #toItemStream()} would give.
     * Returns null if no fragment is a reference, and throws if the fragments are not
     * contiguous in one source (then no single range describes them).
     */
    public BulkData itemStreamReference() {
        BulkData first = null;
        BulkData last = null;
        long expectedOffset = -1;
        for (int i = 0; i < items.size(); i++) {
            Object f = items.get(i);
            if (f instanceof BulkData b) {
                if (first == null) {
                    first = b;
                } else if (b.offset() != expectedOffset || !java.util.Objects.equals(b.uri(), first.uri())) {
                    throw new IllegalStateException("fragments are not contiguous in one source");
                }
                expectedOffset = b.offset() + b.length() + (b.length() & 1) + 8;
                last = b;
            } else if (first != null) {
                throw new IllegalStateException("in-memory fragment after a bulk data fragment");
            }
        }
        if (first == null) {
            return null;
        }
        long inMemoryBefore = 0;
        for (Object f : items) {
            if (f instanceof BulkData) {
                break;
            }
            byte[] b = (byte[]) f;
            inMemoryBefore += 8 + b.length + (b.length & 1);
        }
        long start = first.offset() - 8 - inMemoryBefore;
        long end = last.offset() + last.length() + (last.length() & 1) + 8;
        return new BulkData(first.uri(), start, end - start, false);
    }

    /** True if the bytes start like an item stream made by {@link #toItemStream()}. */
    public static boolean looksLikeItemStream(byte[] b) {
        return b.length >= 8 && Bytes.getInt(b, 0, false) == 0xE000FFFE;
    }

    /** Parses an item stream back into fragments; throws IllegalArgumentException if malformed. */
    public static Fragments fromItemStream(VR vr, byte[] b) {
        Fragments f = new Fragments(vr);
        int p = 0;
        while (p + 8 <= b.length) {
            int tag = Bytes.getUShort(b, p, false) << 16 | Bytes.getUShort(b, p + 2, false);
            long len = Bytes.getInt(b, p + 4, false) & 0xFFFFFFFFL;
            p += 8;
            if (tag == Tag.SEQUENCE_DELIMITATION_ITEM) {
                return f;
            }
            if (tag != Tag.ITEM || len > b.length - p) {
                throw new IllegalArgumentException("malformed encapsulated item stream at byte " + (p - 8));
            }
            f.add(java.util.Arrays.copyOfRange(b, p, p + (int) len));
            p += (int) len;
        }
        throw new IllegalArgumentException("encapsulated item stream lacks its sequence delimiter");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fragments other) || other.items.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!Values.sameContent(items.get(i), other.items.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return items.size();
    }
}
