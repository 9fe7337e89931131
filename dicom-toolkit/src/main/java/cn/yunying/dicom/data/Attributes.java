package cn.yunying.dicom.data;

import cn.yunying.dicom.charset.SpecificCharacterSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Objects;

/**
 * A DICOM data set (or sequence item): attributes ordered by tag.
 *
 * <p>Storage is three parallel arrays (tags, VRs, values) kept sorted by unsigned
 * tag, so reading a stream (which arrives in order) appends in O(1) and lookups
 * bisect without boxing. Values read from a stream stay as the encoded bytes and
 * are decoded on access with the data set's byte order and Specific Character Set
 * (inherited from the parent for sequence items).
 *
 * <p>Not thread-safe: share a data set between threads only after it is complete,
 * or copy it ({@link #deepCopy()}).
 *
 * <p>Merge rules, for copying between data sets (values are deep-copied, text is
 * re-encoded when the character sets differ, binary values are swapped when byte
 * orders differ, private elements move to this data set's block of the same creator):
 * <ul>
 *   <li>{@link #addAll(Attributes)}: every attribute of the other data set replaces
 *       the one with the same tag here ("other wins");</li>
 *   <li>{@link #addMissing(Attributes)}: only attributes whose tag is absent here are
 *       copied ("this wins");</li>
 *   <li>{@link #merge(Attributes)}: like addAll, but an empty value in the other data
 *       set never overwrites a non-empty one here, and when both hold sequences with
 *       the same number of items the items are merged pairwise by these same rules.</li>
 * </ul>
 */
public final class Attributes {
    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;
    private boolean bigEndian;
    private Attributes parent;
    private boolean undefinedLength = true;
    private SpecificCharacterSet charset;

    public Attributes() {
        this(false, 16);
    }

    public Attributes(boolean bigEndian, int capacity) {
        int n = Math.max(capacity, 4);
        this.tags = new int[n];
        this.vrs = new VR[n];
        this.values = new Object[n];
        this.bigEndian = bigEndian;
    }

    // ---- structure -------------------------------------------------------------------------

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int tagAt(int index) {
        return tags[index];
    }

    public VR vrAt(int index) {
        return vrs[index];
    }

    public Object valueAt(int index) {
        return values[index];
    }

    /** Tags in ascending order (a copy). */
    public int[] tags() {
        return Arrays.copyOf(tags, size);
    }

    /** Index of the tag, or a negative insertion point like {@link Arrays#binarySearch}. */
    public int indexOf(int tag) {
        if (size > 0 && tags[size - 1] == tag) {
            return size - 1;
        }
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = Integer.compareUnsigned(tags[mid], tag);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** True if the attribute is present with a non-empty value. */
    public boolean containsValue(int tag) {
        int i = indexOf(tag);
        return i >= 0 && !isEmptyValue(values[i]);
    }

    public VR getVR(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? vrs[i] : null;
    }

    /** The stored value (byte[], String, Sequence, Fragments or BulkData), or null if absent. */
    public Object getValue(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? values[i] : null;
    }

    /** Byte order of binary values stored in this data set. */
    public boolean isBigEndian() {
        return bigEndian;
    }

    /** The data set containing the sequence this item belongs to, or null at top level. */
    public Attributes parent() {
        return parent;
    }

    void attachTo(Attributes newParent) {
        this.parent = newParent;
        if (newParent != null && newParent.bigEndian != bigEndian && size > 0) {
            convertByteOrder(newParent.bigEndian);
        }
        if (newParent != null) {
            this.bigEndian = newParent.bigEndian;
        }
        this.charset = null;
    }

    /** Whether this item was (or will be) encoded with undefined length. */
    public boolean isUndefinedLength() {
        return undefinedLength;
    }

    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    /** Nesting depth: 0 for a top-level data set. */
    public int depth() {
        int depth = 0;
        for (Attributes p = parent; p != null; p = p.parent) {
            depth++;
        }
        return depth;
    }

    /** The Specific Character Set in effect: this data set's (0008,0005), else the parent's. */
    public SpecificCharacterSet getSpecificCharacterSet() {
        SpecificCharacterSet cs = charset;
        if (cs == null) {
            int i = indexOf(Tag.SPECIFIC_CHARACTER_SET);
            if (i >= 0) {
                cs = SpecificCharacterSet.of(Values.strings(values[i], VR.CS, SpecificCharacterSet.DEFAULT, false));
            } else {
                cs = parent != null ? parent.getSpecificCharacterSet() : SpecificCharacterSet.DEFAULT;
            }
            charset = cs;
        }
        return cs;
    }

    // ---- modification ----------------------------------------------------------------------

    /**
     * Stores a value as is (byte[] in this data set's byte order and character set, String,
     * Sequence, Fragments, BulkData, or null for an empty value) and returns the previous value.
     */
    public Object setValue(int tag, VR vr, Object value) {
        Objects.requireNonNull(vr, "vr");
        Object stored = value == null ? Values.EMPTY_BYTES : value;
        if (stored instanceof Sequence s && s.parent() != this) {
            throw new IllegalArgumentException("sequence belongs to another data set; use newSequence");
        }
        if (!(stored instanceof byte[] || stored instanceof String || stored instanceof Sequence
                || stored instanceof Fragments || stored instanceof BulkData)) {
            throw new IllegalArgumentException("unsupported value type " + stored.getClass().getName());
        }
        if (tag == Tag.SPECIFIC_CHARACTER_SET) {
            invalidateCharset();
        }
        int i = size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0 ? -(size + 1) : indexOf(tag);
        if (i >= 0) {
            Object old = values[i];
            vrs[i] = vr;
            values[i] = stored;
            return old;
        }
        int at = -(i + 1);
        if (size == tags.length) {
            int n = size * 2;
            tags = Arrays.copyOf(tags, n);
            vrs = Arrays.copyOf(vrs, n);
            values = Arrays.copyOf(values, n);
        }
        if (at < size) {
            System.arraycopy(tags, at, tags, at + 1, size - at);
            System.arraycopy(vrs, at, vrs, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
        }
        tags[at] = tag;
        vrs[at] = vr;
        values[at] = stored;
        size++;
        return null;
    }

    private void invalidateCharset() {
        charset = null;
        for (int i = 0; i < size; i++) {
            if (values[i] instanceof Sequence s) {
                for (Attributes item : s) {
                    item.invalidateCharset();
                }
            }
        }
    }

    /** Removes an attribute; returns its value or null. */
    public Object remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
        if (tag == Tag.SPECIFIC_CHARACTER_SET) {
            invalidateCharset();
        }
        return old;
    }

    public void clear() {
        Arrays.fill(values, 0, size, null);
        size = 0;
        invalidateCharset();
    }

    /**
     * Text values, joined with backslash (multi-valued VRs) and encoded when written.
     * For binary VRs the strings are parsed as numbers (AT as hex tags); empty strings
     * are dropped there, since a binary value cannot be empty.
     */
    public Attributes setString(int tag, VR vr, String... text) {
        if (vr.kind() == VR.Kind.BINARY) {
            String[] present = Arrays.stream(text).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
            if (vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) {
                return setDouble(tag, vr, Arrays.stream(present).mapToDouble(Double::parseDouble).toArray());
            }
            long[] numbers = new long[present.length];
            for (int i = 0; i < numbers.length; i++) {
                String s = present[i];
                numbers[i] = vr == VR.AT ? Long.parseLong(s, 16)
                        : vr == VR.UV || vr == VR.UL ? Long.parseUnsignedLong(s.startsWith("+") ? s.substring(1) : s)
                        : Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
            }
            setValue(tag, vr, Values.encodeLongs(vr, bigEndian, numbers));
            return this;
        }
        setValue(tag, vr, Values.join(text));
        return this;
    }

    public Attributes setInt(int tag, VR vr, int... numbers) {
        setValue(tag, vr, Values.encodeLongs(vr, bigEndian, Arrays.stream(numbers).asLongStream().toArray()));
        return this;
    }

    public Attributes setLong(int tag, VR vr, long... numbers) {
        setValue(tag, vr, Values.encodeLongs(vr, bigEndian, numbers));
        return this;
    }

    public Attributes setDouble(int tag, VR vr, double... numbers) {
        setValue(tag, vr, Values.encodeDoubles(vr, bigEndian, numbers));
        return this;
    }

    public Attributes setFloat(int tag, VR vr, float... numbers) {
        double[] d = new double[numbers.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = numbers[i];
        }
        return setDouble(tag, vr, d);
    }

    /** Binary value in this data set's byte order (see {@link #isBigEndian()}); not copied. */
    public Attributes setBytes(int tag, VR vr, byte[] value) {
        setValue(tag, vr, value);
        return this;
    }

    public Attributes setDate(int tag, LocalDate date) {
        return setString(tag, VR.DA, DicomDates.formatDate(date));
    }

    public Attributes setTime(int tag, LocalTime time) {
        return setString(tag, VR.TM, DicomDates.formatTime(time));
    }

    /** DT value from a LocalDateTime, OffsetDateTime or ZonedDateTime. */
    public Attributes setDateTime(int tag, Temporal dateTime) {
        return setString(tag, VR.DT, DicomDates.formatDateTime(dateTime));
    }

    public Attributes setPersonName(int tag, PersonName name) {
        return setString(tag, VR.PN, name.toString());
    }

    /** Replaces the attribute with a new, empty sequence and returns it. */
    public Sequence newSequence(int tag, int capacity) {
        Sequence s = new Sequence(this, capacity);
        setValue(tag, VR.SQ, s);
        return s;
    }

    /** Same as {@link #newSequence(int, int)}, but for an element encoded as UN (PS3.5 6.2.2) read as a sequence. */
    public Sequence newSequence(int tag, VR vr, int capacity) {
        Sequence s = new Sequence(this, capacity);
        setValue(tag, vr, s);
        return s;
    }

    // ---- typed access ----------------------------------------------------------------------

    /** All values of a text (or numeric, formatted) attribute; empty array if absent or empty. */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        return i < 0 ? Values.EMPTY_STRINGS : Values.strings(values[i], vrs[i], charsetFor(vrs[i]), bigEndian);
    }

    /** First value, or null if absent or empty. */
    public String getString(int tag) {
        return getString(tag, 0, null);
    }

    public String getString(int tag, String defaultValue) {
        return getString(tag, 0, defaultValue);
    }

    /** Value number {@code index} (0-based), or the default if there is none or it is empty. */
    public String getString(int tag, int index, String defaultValue) {
        String[] all = getStrings(tag);
        return index < all.length && !all[index].isEmpty() ? all[index] : defaultValue;
    }

    /** The whole value decoded as one string, backslashes included (padding removed). */
    public String getText(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Object v = values[i];
        if (v instanceof String s) {
            return Values.trim(s, vrs[i]);
        }
        if (v instanceof byte[] b && vrs[i].isText()) {
            return Values.trim(charsetFor(vrs[i]).decode(b, vrs[i]), vrs[i]);
        }
        return Values.join(getStrings(tag));
    }

    /**
     * First value as int (IS/DS text or any binary integer VR).
     *
     * @throws NumberFormatException if a text value is not a number
     */
    public int getInt(int tag, int defaultValue) {
        long[] v = getLongs(tag);
        return v.length > 0 ? (int) v[0] : defaultValue;
    }

    public int[] getInts(int tag) {
        return Arrays.stream(getLongs(tag)).mapToInt(l -> (int) l).toArray();
    }

    /** Integer values; UL, UV and AT are returned unsigned. */
    public long[] getLongs(int tag) {
        int i = indexOf(tag);
        return i < 0 ? new long[0] : Values.longs(values[i], vrs[i], charsetFor(vrs[i]), bigEndian);
    }

    public double getDouble(int tag, double defaultValue) {
        double[] v = getDoubles(tag);
        return v.length > 0 ? v[0] : defaultValue;
    }

    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        return i < 0 ? new double[0] : Values.doubles(values[i], vrs[i], charsetFor(vrs[i]), bigEndian);
    }

    public float getFloat(int tag, float defaultValue) {
        return (float) getDouble(tag, defaultValue);
    }

    /** The encoded bytes of a value in this data set's byte order, or null if not held in memory. */
    public byte[] getBytes(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Object v = values[i];
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s) {
            return charsetFor(vrs[i]).encode(s, vrs[i]);
        }
        return null;
    }

    public LocalDate getDate(int tag) {
        String s = getString(tag);
        return s == null ? null : DicomDates.parseDate(s);
    }

    public LocalTime getTime(int tag) {
        String s = getString(tag);
        return s == null ? null : DicomDates.parseTime(s);
    }

    /** DT as LocalDateTime, or OffsetDateTime when the value carries a UTC offset. */
    public Temporal getDateTime(int tag) {
        String s = getString(tag);
        return s == null ? null : DicomDates.parseDateTime(s);
    }

    public PersonName getPersonName(int tag) {
        String s = getString(tag);
        return s == null ? null : PersonName.parse(s);
    }

    public Sequence getSequence(int tag) {
        return getValue(tag) instanceof Sequence s ? s : null;
    }

    public Fragments getFragments(int tag) {
        return getValue(tag) instanceof Fragments f ? f : null;
    }

    public BulkData getBulkData(int tag) {
        return getValue(tag) instanceof BulkData b ? b : null;
    }

    private SpecificCharacterSet charsetFor(VR vr) {
        return vr.usesSpecificCharacterSet() ? getSpecificCharacterSet() : SpecificCharacterSet.DEFAULT;
    }

    // ---- private blocks --------------------------------------------------------------------

    /** The private creator that owns the block of a private data element, or null. */
    public String getPrivateCreator(int tag) {
        int creatorTag = Tag.creatorOf(tag);
        return creatorTag < 0 ? null : getString(creatorTag);
    }

    /**
     * The tag of a private attribute identified by creator, group and element offset
     * (0x00-0xFF within the block), or -1 if this data set has no block for the creator.
     */
    public int privateTag(String creator, int group, int offset) {
        for (int block = 0x10; block <= 0xFF; block++) {
            int creatorTag = Tag.of(group, block);
            int i = indexOf(creatorTag);
            if (i >= 0 && creator.equals(getString(creatorTag))) {
                return Tag.of(group, block << 8 | offset & 0xFF);
            }
        }
        return -1;
    }

    /** Like {@link #privateTag} but reserves a block for the creator if there is none yet. */
    public int reservePrivateTag(String creator, int group, int offset) {
        int tag = privateTag(creator, group, offset);
        if (tag >= 0) {
            return tag;
        }
        for (int block = 0x10; block <= 0xFF; block++) {
            int creatorTag = Tag.of(group, block);
            if (!contains(creatorTag)) {
                setString(creatorTag, VR.LO, creator);
                return Tag.of(group, block << 8 | offset & 0xFF);
            }
        }
        throw new IllegalStateException("no free private block in group " + Integer.toHexString(group));
    }

    // ---- merging ---------------------------------------------------------------------------

    /** Copies every attribute of {@code other}, replacing existing ones (other wins). */
    public Attributes addAll(Attributes other) {
        AttributesCopier.copy(other, this, AttributesCopier.Mode.REPLACE);
        return this;
    }

    /** Copies only attributes whose tag is absent here (this wins). */
    public Attributes addMissing(Attributes other) {
        AttributesCopier.copy(other, this, AttributesCopier.Mode.MISSING);
        return this;
    }

    /** Other wins, except empty values; equal-sized sequences are merged item by item. */
    public Attributes merge(Attributes other) {
        AttributesCopier.copy(other, this, AttributesCopier.Mode.MERGE);
        return this;
    }

    /** A deep copy with the same byte order, detached from any parent. */
    public Attributes deepCopy() {
        Attributes copy = new Attributes(bigEndian, size);
        copy.undefinedLength = undefinedLength;
        copy.parent = null;
        AttributesCopier.copyInto(this, copy);
        return copy;
    }

    /** Converts stored binary values to the given byte order (recursively). */
    public void convertByteOrder(boolean toBigEndian) {
        if (toBigEndian == bigEndian) {
            return;
        }
        for (int i = 0; i < size; i++) {
            Object v = values[i];
            if (v instanceof byte[] b && vrs[i].kind() == VR.Kind.BINARY) {
                values[i] = Bytes.swapped(b, vrs[i].unitSize());
            } else if (v instanceof Sequence s) {
                for (Attributes item : s) {
                    item.convertByteOrder(toBigEndian);
                }
            }
        }
        bigEndian = toBigEndian;
    }

    static boolean isEmptyValue(Object v) {
        return v instanceof byte[] b && b.length == 0 || v instanceof String s && s.isEmpty()
                || v instanceof Sequence q && q.isEmpty();
    }

    // ---- identity --------------------------------------------------------------------------

    /**
     * Equal if both hold the same tags with the same VRs and equal values: text is
     * compared decoded and without padding, binary values in a common byte order,
     * sequences item by item.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes other && AttributesCopier.sameContent(this, other);
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * h + tags[i];
            h = 31 * h + vrs[i].ordinal();
        }
        return h;
    }

    /** A readable dump, as {@link AttributesDump} formats it. */
    @Override
    public String toString() {
        return AttributesDump.dump(this, 200, 64);
    }
}
