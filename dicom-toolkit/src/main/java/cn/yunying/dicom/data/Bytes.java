package cn.yunying.dicom.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reading, writing and swapping binary values in either byte order.
 * (Each VarHandle call is cast on its own: a cast around a conditional of two
 * calls would make them return Object and box every value.)
 */
public final class Bytes {
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {
    }

    public static int getUShort(byte[] b, int off, boolean bigEndian) {
        return (bigEndian ? (short) SHORT_BE.get(b, off) : (short) SHORT_LE.get(b, off)) & 0xFFFF;
    }

    public static int getShort(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? (short) SHORT_BE.get(b, off) : (short) SHORT_LE.get(b, off);
    }

    public static int getInt(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? (int) INT_BE.get(b, off) : (int) INT_LE.get(b, off);
    }

    public static long getLong(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? (long) LONG_BE.get(b, off) : (long) LONG_LE.get(b, off);
    }

    public static void putShort(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            SHORT_BE.set(b, off, (short) v);
        } else {
            SHORT_LE.set(b, off, (short) v);
        }
    }

    public static void putInt(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            INT_BE.set(b, off, v);
        } else {
            INT_LE.set(b, off, v);
        }
    }

    public static void putLong(byte[] b, int off, long v, boolean bigEndian) {
        if (bigEndian) {
            LONG_BE.set(b, off, v);
        } else {
            LONG_LE.set(b, off, v);
        }
    }

    /** Reverses each {@code unit}-byte group in place; a trailing partial unit is left alone. */
    public static void swap(byte[] b, int off, int len, int unit) {
        if (unit <= 1) {
            return;
        }
        int end = off + len - len % unit;
        for (int i = off; i < end; i += unit) {
            for (int lo = i, hi = i + unit - 1; lo < hi; lo++, hi--) {
                byte t = b[lo];
                b[lo] = b[hi];
                b[hi] = t;
            }
        }
    }

    /** A byte-swapped copy (or the same array if no swap is needed). */
    public static byte[] swapped(byte[] b, int unit) {
        if (unit <= 1 || b.length < unit) {
            return b;
        }
        byte[] copy = b.clone();
        swap(copy, 0, copy.length, unit);
        return copy;
    }
}
