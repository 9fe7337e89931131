package cn.yunying.dicom.net.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates PDUs. A P-DATA-TF may not be longer than the maximum length we announced
 * ({@code maxPDataLength}); every other PDU may not exceed {@code maxControlLength}. Both limits are
 * checked on the header before the body is allocated, so a hostile length costs nothing.
 */
public final class PduReader {
    /** Default bound for A-ASSOCIATE-RQ/AC and the other small PDUs. */
    public static final int DEFAULT_MAX_CONTROL_LENGTH = 1 << 20;

    private final InputStream in;
    private final long maxPDataLength;
    private final int maxControlLength;
    /** Set by {@link #reuseDataBuffer()}: the body of every P-DATA-TF is read into this one array. */
    private byte[] dataBuffer;

    /**
     * @param maxPDataLength   the maximum P-DATA-TF length we announced (0 is not allowed here: we always
     *                         announce a bound)
     * @param maxControlLength the bound for the other PDUs
     */
    public PduReader(InputStream in, long maxPDataLength, int maxControlLength) {
        if (maxPDataLength <= 0 || maxPDataLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("max P-DATA length must be 1.." + (Integer.MAX_VALUE - 8));
        }
        this.in = in;
        this.maxPDataLength = maxPDataLength;
        this.maxControlLength = maxControlLength;
    }

    /**
     * Reads the next PDU; returns null if the stream ends cleanly before a PDU starts.
     *
     * @throws PduException on a malformed PDU (the caller must abort with its reason)
     * @throws EOFException if the stream ends inside a PDU
     */
    public Pdu read() throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        byte[] header = readFully(5);
        long length = (header[1] & 0xFFL) << 24 | (header[2] & 0xFF) << 16 | (header[3] & 0xFF) << 8 | header[4] & 0xFF;
        if (type < Pdu.TYPE_ASSOCIATE_RQ || type > Pdu.TYPE_ABORT) {
            throw new PduException(Pdu.Abort.REASON_UNRECOGNIZED_PDU, String.format("unknown PDU type 0x%02X", type));
        }
        long limit = type == Pdu.TYPE_P_DATA_TF ? maxPDataLength : maxControlLength;
        if (length > limit) {
            throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER,
                    "PDU type " + type + " of " + length + " bytes exceeds the limit of " + limit);
        }
        if (type == Pdu.TYPE_P_DATA_TF && dataBuffer != null) {
            if (dataBuffer.length < length) {
                dataBuffer = new byte[(int) length];
            }
            readFully(dataBuffer, (int) length);
            return pData(new Cursor(dataBuffer, 0, (int) length));
        }
        return decode(type, readFully((int) length));
    }

    /**
     * From now on the PDVs of a P-DATA-TF point into one array that the next {@link #read()} overwrites: the caller
     * promises to be done with them (or to have copied them) before it reads again. At 64 KiB PDUs this saves
     * allocating and zeroing a new array for every PDU, which was most of the receiver's own CPU time.
     *
     * @return this reader
     */
    public PduReader reuseDataBuffer() {
        if (dataBuffer == null) {
            dataBuffer = new byte[(int) Math.min(maxPDataLength, 64 * 1024)];
        }
        return this;
    }

    private byte[] readFully(int n) throws IOException {
        byte[] b = new byte[n];
        readFully(b, n);
        return b;
    }

    private void readFully(byte[] b, int n) throws IOException {
        int off = 0;
        while (off < n) {
            int r = in.read(b, off, n - off);
            if (r < 0) {
                throw new EOFException("connection closed inside a PDU (" + off + " of " + n + " bytes)");
            }
            off += r;
        }
    }

    /** Decodes the body of a PDU of the given type. */
    public static Pdu decode(int type, byte[] body) throws PduException {
        Cursor c = new Cursor(body, 0, body.length);
        switch (type) {
            case Pdu.TYPE_ASSOCIATE_RQ:
                return new Pdu.AssociateRq(associate(c, true));
            case Pdu.TYPE_ASSOCIATE_AC:
                return new Pdu.AssociateAc(associate(c, false));
            case Pdu.TYPE_ASSOCIATE_RJ: {
                exactLength(c, 4, "A-ASSOCIATE-RJ");
                c.u8();
                return new Pdu.AssociateRj(c.u8(), c.u8(), c.u8());
            }
            case Pdu.TYPE_P_DATA_TF:
                return pData(c);
            case Pdu.TYPE_RELEASE_RQ:
                exactLength(c, 4, "A-RELEASE-RQ");
                return new Pdu.ReleaseRq();
            case Pdu.TYPE_RELEASE_RP:
                exactLength(c, 4, "A-RELEASE-RP");
                return new Pdu.ReleaseRp();
            case Pdu.TYPE_ABORT: {
                exactLength(c, 4, "A-ABORT");
                c.u8();
                c.u8();
                return new Pdu.Abort(c.u8(), c.u8());
            }
            default:
                throw new PduException(Pdu.Abort.REASON_UNRECOGNIZED_PDU, String.format("unknown PDU type 0x%02X", type));
        }
    }

    private static void exactLength(Cursor c, int n, String what) throws PduException {
        if (c.remaining() != n) {
            throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER, what + " must be " + n + " bytes long, not " + c.remaining());
        }
    }

    private static Pdu pData(Cursor c) throws PduException {
        List<Pdv> pdvs = new ArrayList<>(2);
        if (c.remaining() == 0) {
            throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER, "P-DATA-TF without PDV items");
        }
        while (c.remaining() > 0) {
            long len = c.u32();
            if (len < 2 || len > c.remaining()) {
                throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER,
                        "PDV item length " + len + " does not fit the " + c.remaining() + " bytes left");
            }
            int id = c.u8();
            int mch = c.u8();
            if (id % 2 == 0 || (mch & 0xFC) != 0) {
                throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER,
                        "bad PDV header: context " + id + ", control 0x" + Integer.toHexString(mch));
            }
            int n = (int) len - 2;
            pdvs.add(new Pdv(id, (mch & 1) != 0, (mch & 2) != 0, c.bytes, c.pos, n));
            c.pos += n;
        }
        return new Pdu.PDataTf(pdvs);
    }

    private static AssociateData associate(Cursor c, boolean rq) throws PduException {
        String what = rq ? "A-ASSOCIATE-RQ" : "A-ASSOCIATE-AC";
        if (c.remaining() < 68) {
            throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER, what + " shorter than its fixed fields");
        }
        int version = c.u16();
        c.u16();
        String called = c.ascii(16).trim();
        String calling = c.ascii(16).trim();
        c.pos += 32;
        String appContext = null;
        UserInfo userInfo = null;
        List<PresentationContext> pcs = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        while (c.remaining() > 0) {
            int type = c.u8();
            Cursor item = c.item();
            if (type == 0x10) {
                if (appContext != null) {
                    throw new PduException(Pdu.Abort.REASON_UNEXPECTED_PARAMETER, "two application context items");
                }
                appContext = item.uid();
            } else if (type == (rq ? 0x20 : 0x21)) {
                PresentationContext pc = presentationContext(item, rq);
                if (!ids.add(pc.id())) {
                    throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER, "presentation context ID " + pc.id() + " used twice");
                }
                pcs.add(pc);
            } else if (type == 0x50) {
                if (userInfo != null) {
                    throw new PduException(Pdu.Abort.REASON_UNEXPECTED_PARAMETER, "two user information items");
                }
                userInfo = userInfo(item);
            } else if (type == 0x20 || type == 0x21) {
                throw new PduException(Pdu.Abort.REASON_UNEXPECTED_PARAMETER,
                        String.format("item type 0x%02X does not belong in an %s", type, what));
            } else {
                throw new PduException(Pdu.Abort.REASON_UNRECOGNIZED_PARAMETER, String.format("unknown item type 0x%02X", type));
            }
        }
        if (appContext == null || userInfo == null) {
            throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER, what + " lacks its application context or user information item");
        }
        return new AssociateData(version, called, calling, appContext, pcs, userInfo);
    }

    private static PresentationContext presentationContext(Cursor c, boolean rq) throws PduException {
        if (c.remaining() < 4) {
            throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER, "presentation context item too short");
        }
        int id = c.u8();
        c.u8();
        int result = c.u8();
        c.u8();
        if (id % 2 == 0) {
            throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER, "even presentation context ID " + id);
        }
        String abstractSyntax = null;
        List<String> ts = new ArrayList<>();
        while (c.remaining() > 0) {
            int type = c.u8();
            Cursor sub = c.item();
            if (type == 0x30 && rq && abstractSyntax == null) {
                abstractSyntax = sub.uid();
            } else if (type == 0x40) {
                ts.add(sub.uid());
            } else {
                throw new PduException(Pdu.Abort.REASON_UNEXPECTED_PARAMETER,
                        String.format("unexpected sub-item 0x%02X in presentation context %d", type, id));
            }
        }
        if (rq) {
            if (abstractSyntax == null || ts.isEmpty()) {
                throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER,
                        "presentation context " + id + " lacks its abstract syntax or transfer syntax");
            }
            return new PresentationContext(id, 0, abstractSyntax, ts);
        }
        if (result > PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED
                || result == PresentationContext.ACCEPTANCE && ts.size() != 1) {
            throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER,
                    "presentation context " + id + ": result " + result + " with " + ts.size() + " transfer syntaxes");
        }
        return new PresentationContext(id, result, null, result == PresentationContext.ACCEPTANCE ? ts : List.of());
    }

    private static UserInfo userInfo(Cursor c) throws PduException {
        long maxLength = -1;
        String implClass = null;
        String implVersion = null;
        int invoked = -1;
        int performed = -1;
        List<RoleSelection> roles = new ArrayList<>();
        Map<String, byte[]> ext = new LinkedHashMap<>();
        UserIdentity identity = null;
        byte[] identityResponse = null;
        while (c.remaining() > 0) {
            int type = c.u8();
            Cursor s = c.item();
            switch (type) {
                case 0x51 -> {
                    s.expect(4, "maximum length");
                    maxLength = s.u32();
                }
                case 0x52 -> implClass = s.uid();
                case 0x53 -> {
                    s.expect(4, "asynchronous operations window");
                    invoked = s.u16();
                    performed = s.u16();
                }
                case 0x54 -> {
                    String uid = s.sub().uid();
                    s.expect(2, "role selection");
                    roles.add(new RoleSelection(uid, s.u8() == 1, s.u8() == 1));
                }
                case 0x55 -> implVersion = s.ascii(s.remaining()).trim();
                case 0x56 -> {
                    String uid = s.sub().uid();
                    ext.put(uid, s.rest());
                }
                case 0x58 -> {
                    if (s.remaining() < 2) {
                        throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER, "user identity sub-item too short");
                    }
                    int idType = s.u8();
                    boolean positive = s.u8() == 1;
                    byte[] primary = s.sub().rest();
                    byte[] secondary = s.sub().rest();
                    s.expect(0, "user identity");
                    identity = new UserIdentity(idType, positive, primary, secondary);
                }
                case 0x59 -> {
                    identityResponse = s.sub().rest();
                    s.expect(0, "user identity response");
                }
                default -> {
                    // 0x57 common extended negotiation and future sub-items: PS3.7 D.3.3 says ignore what you don't know
                }
            }
        }
        if (maxLength < 0) {
            maxLength = 0; // absent: PS3.8 D.1 treats it as no limit
        }
        return new UserInfo(maxLength, implClass, implVersion, invoked, performed, roles, ext, identity, identityResponse);
    }

    /** Bounds-checked view of part of a PDU body. */
    private static final class Cursor {
        final byte[] bytes;
        int pos;
        final int end;

        Cursor(byte[] bytes, int pos, int end) {
            this.bytes = bytes;
            this.pos = pos;
            this.end = end;
        }

        int remaining() {
            return end - pos;
        }

        private void need(int n) throws PduException {
            if (remaining() < n) {
                throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER,
                        "field of " + n + " bytes runs past the end of its item (" + remaining() + " left)");
            }
        }

        void expect(int n, String what) throws PduException {
            if (remaining() != n) {
                throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER, what + " sub-item has a wrong length");
            }
        }

        int u8() throws PduException {
            need(1);
            return bytes[pos++] & 0xFF;
        }

        int u16() throws PduException {
            need(2);
            int v = (bytes[pos] & 0xFF) << 8 | bytes[pos + 1] & 0xFF;
            pos += 2;
            return v;
        }

        long u32() throws PduException {
            need(4);
            long v = (bytes[pos] & 0xFFL) << 24 | (bytes[pos + 1] & 0xFF) << 16 | (bytes[pos + 2] & 0xFF) << 8 | bytes[pos + 3] & 0xFF;
            pos += 4;
            return v;
        }

        String ascii(int n) throws PduException {
            need(n);
            String s = new String(bytes, pos, n, StandardCharsets.US_ASCII);
            pos += n;
            return s;
        }

        /** A UID field: trailing NUL padding and spaces removed. */
        String uid() throws PduException {
            String s = ascii(remaining());
            int e = s.length();
            while (e > 0 && (s.charAt(e - 1) == 0 || s.charAt(e - 1) == ' ')) {
                e--;
            }
            if (e == 0) {
                throw new PduException(Pdu.Abort.REASON_INVALID_PARAMETER, "empty UID");
            }
            return s.substring(0, e);
        }

        byte[] rest() {
            byte[] r = java.util.Arrays.copyOfRange(bytes, pos, end);
            pos = end;
            return r;
        }

        /** An item: 1 reserved byte, 2 length bytes, then the value (type already consumed). */
        Cursor item() throws PduException {
            u8();
            int len = u16();
            need(len);
            Cursor c = new Cursor(bytes, pos, pos + len);
            pos += len;
            return c;
        }

        /** A field preceded by a 2-byte length. */
        Cursor sub() throws PduException {
            int len = u16();
            need(len);
            Cursor c = new Cursor(bytes, pos, pos + len);
            pos += len;
            return c;
        }
    }
}
