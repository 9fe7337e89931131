package cn.yunying.dicom.data;

import cn.yunying.dicom.charset.SpecificCharacterSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Conversions between stored values and Java types. Stored values are one of:
 * {@code byte[]} (bytes as encoded, in the owning data set's byte order and
 * character set), {@code String} (text set through the API, encoded when
 * written), {@link Sequence}, {@link Fragments} or {@link BulkData}.
 */
public final class Values {
    static final byte[] EMPTY_BYTES = new byte[0];
    static final String[] EMPTY_STRINGS = new String[0];

    private Values() {
    }

    /** Decodes a text value into its individual values with padding removed. */
    public static String[] strings(Object value, VR vr, SpecificCharacterSet cs, boolean bigEndian) {
        if (value instanceof byte[] b) {
            if (b.length == 0) {
                return EMPTY_STRINGS;
            }
            if (vr.kind() == VR.Kind.BINARY) {
                return binaryStrings(b, vr, bigEndian);
            }
            return split(cs.decode(b, 0, b.length, vr), vr);
        }
        if (value instanceof String s) {
            return s.isEmpty() ? EMPTY_STRINGS : split(s, vr);
        }
        return EMPTY_STRINGS;
    }

    static String[] split(String text, VR vr) {
        if (vr.isSingleValuedText() || vr.kind() == VR.Kind.BINARY) {
            String t = trim(text, vr);
            return t.isEmpty() ? EMPTY_STRINGS : new String[] {t};
        }
        List<String> out = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\\') {
                out.add(trim(text.substring(start, i), vr));
                start = i + 1;
            }
        }
        if (out.size() == 1 && out.get(0).isEmpty()) {
            return EMPTY_STRINGS;
        }
        return out.toArray(EMPTY_STRINGS);
    }

    /** Removes padding: trailing only for texts where leading spaces are significant, both ends otherwise. */
    public static String trim(String s, VR vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (!(vr == VR.LT || vr == VR.ST || vr == VR.UT || vr == VR.UR)) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return s.substring(start, end);
    }

    static String[] binaryStrings(byte[] b, VR vr, boolean bigEndian) {
        int unit = vr == VR.AT ? 4 : vr.unitSize();
        if (unit <= 1) {
            return new String[] {b.length + " bytes"};
        }
        int n = b.length / unit;
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            int off = i * unit;
            out[i] = switch (vr) {
                case US, OW -> Integer.toString(Bytes.getUShort(b, off, bigEndian));
                case SS -> Integer.toString(Bytes.getShort(b, off, bigEndian));
                case UL, OL -> Integer.toUnsignedString(Bytes.getInt(b, off, bigEndian));
                case SL -> Integer.toString(Bytes.getInt(b, off, bigEndian));
                case FL, OF -> Float.toString(Float.intBitsToFloat(Bytes.getInt(b, off, bigEndian)));
                case FD, OD -> Double.toString(Double.longBitsToDouble(Bytes.getLong(b, off, bigEndian)));
                case UV, OV -> Long.toUnsignedString(Bytes.getLong(b, off, bigEndian));
                case SV -> Long.toString(Bytes.getLong(b, off, bigEndian));
                case AT -> Tag.toHex(Bytes.getUShort(b, off, bigEndian) << 16 | Bytes.getUShort(b, off + 2, bigEndian));
                default -> "?";
            };
        }
        return out;
    }

    /** Integer values of a binary integer VR, or of IS/DS text. */
    static long[] longs(Object value, VR vr, SpecificCharacterSet cs, boolean bigEndian) {
        if (value instanceof byte[] b && vr.kind() == VR.Kind.BINARY) {
            int unit = vr == VR.AT ? 4 : vr.unitSize();
            if (unit == 0 || unit == 1) {
                throw new IllegalStateException("not an integer VR: " + vr);
            }
            long[] out = new long[b.length / unit];
            for (int i = 0; i < out.length; i++) {
                int off = i * unit;
                out[i] = switch (vr) {
                    case US, OW -> Bytes.getUShort(b, off, bigEndian);
                    case SS -> Bytes.getShort(b, off, bigEndian);
                    case UL, OL -> Bytes.getInt(b, off, bigEndian) & 0xFFFFFFFFL;
                    case SL -> Bytes.getInt(b, off, bigEndian);
                    case UV, SV, OV -> Bytes.getLong(b, off, bigEndian);
                    case AT -> (long) Bytes.getUShort(b, off, bigEndian) << 16 | Bytes.getUShort(b, off + 2, bigEndian);
                    case FL, OF -> (long) Float.intBitsToFloat(Bytes.getInt(b, off, bigEndian));
                    case FD, OD -> (long) Double.longBitsToDouble(Bytes.getLong(b, off, bigEndian));
                    default -> throw new IllegalStateException("not an integer VR: " + vr);
                };
            }
            return out;
        }
        String[] s = strings(value, vr, cs, bigEndian);
        long[] out = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            String v = s[i].startsWith("+") ? s[i].substring(1) : s[i];
            out[i] = v.indexOf('.') >= 0 || v.indexOf('e') >= 0 || v.indexOf('E') >= 0
                    ? (long) Double.parseDouble(v) : Long.parseLong(v);
        }
        return out;
    }

    /** Floating point values of FL/FD/OF/OD, any integer VR, or DS/IS text. */
    static double[] doubles(Object value, VR vr, SpecificCharacterSet cs, boolean bigEndian) {
        if (value instanceof byte[] b && vr.kind() == VR.Kind.BINARY) {
            if (vr == VR.FL || vr == VR.OF) {
                double[] out = new double[b.length / 4];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float.intBitsToFloat(Bytes.getInt(b, i * 4, bigEndian));
                }
                return out;
            }
            if (vr == VR.FD || vr == VR.OD) {
                double[] out = new double[b.length / 8];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Double.longBitsToDouble(Bytes.getLong(b, i * 8, bigEndian));
                }
                return out;
            }
            return Arrays.stream(longs(value, vr, cs, bigEndian)).asDoubleStream().toArray();
        }
        String[] s = strings(value, vr, cs, bigEndian);
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = Double.parseDouble(s[i]);
        }
        return out;
    }

    /** Encodes integers for a binary VR (or as decimal text for IS/DS). */
    static Object encodeLongs(VR vr, boolean bigEndian, long... v) {
        if (vr.kind() != VR.Kind.BINARY) {
            return join(Arrays.stream(v).mapToObj(Long::toString).toArray(String[]::new));
        }
        if (vr == VR.FL || vr == VR.OF || vr == VR.FD || vr == VR.OD) {
            return encodeDoubles(vr, bigEndian, Arrays.stream(v).asDoubleStream().toArray());
        }
        int unit = vr == VR.AT ? 4 : vr.unitSize();
        byte[] b = new byte[v.length * unit];
        for (int i = 0; i < v.length; i++) {
            switch (unit) {
                case 2 -> Bytes.putShort(b, i * 2, (int) v[i], bigEndian);
                case 4 -> {
                    if (vr == VR.AT) {
                        Bytes.putShort(b, i * 4, (int) (v[i] >>> 16), bigEndian);
                        Bytes.putShort(b, i * 4 + 2, (int) v[i], bigEndian);
                    } else {
                        Bytes.putInt(b, i * 4, (int) v[i], bigEndian);
                    }
                }
                case 8 -> Bytes.putLong(b, i * 8, v[i], bigEndian);
                default -> throw new IllegalArgumentException("cannot store integers as " + vr);
            }
        }
        return b;
    }

    static Object encodeDoubles(VR vr, boolean bigEndian, double... v) {
        if (vr == VR.FL || vr == VR.OF) {
            byte[] b = new byte[v.length * 4];
            for (int i = 0; i < v.length; i++) {
                Bytes.putInt(b, i * 4, Float.floatToIntBits((float) v[i]), bigEndian);
            }
            return b;
        }
        if (vr == VR.FD || vr == VR.OD) {
            byte[] b = new byte[v.length * 8];
            for (int i = 0; i < v.length; i++) {
                Bytes.putLong(b, i * 8, Double.doubleToLongBits(v[i]), bigEndian);
            }
            return b;
        }
        if (vr == VR.DS) {
            return join(Arrays.stream(v).mapToObj(Values::formatDecimalString).toArray(String[]::new));
        }
        return encodeLongs(vr, bigEndian, Arrays.stream(v).mapToLong(d -> (long) d).toArray());
    }

    /** Formats a double into at most 16 characters as DS requires. */
    public static String formatDecimalString(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        if (s.length() <= 16) {
            return s;
        }
        for (int digits = 15; digits > 0; digits--) {
            String t = String.format("%." + digits + "G", d).replace("E+", "E");
            if (t.contains(".") && !t.contains("E")) {
                t = t.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            if (t.length() <= 16) {
                return t;
            }
        }
        return s.substring(0, 16);
    }

    static String join(String... values) {
        return String.join("\\", values);
    }

    /** A binary value's bytes in little endian order (as DICOM JSON and XML carry them). */
    public static byte[] littleEndianBytes(Attributes attrs, int index) {
        byte[] b = attrs.getBytes(attrs.tagAt(index));
        if (b == null) {
            return null;
        }
        VR vr = attrs.vrAt(index);
        return attrs.isBigEndian() ? swapped(b, vr) : b;
    }

    private static byte[] swapped(byte[] b, VR vr) {
        return Bytes.swapped(b, vr.unitSize());
    }

    /** Content equality for stored values (arrays by content). */
    static boolean sameContent(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return a == null ? b == null : a.equals(b);
    }
}
