package cn.yunying.dicom.net.pdu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Encodes PDUs (PS3.8 section 9.3). Stateless; one call writes one whole PDU. */
public final class PduWriter {
    private PduWriter() {
    }

    /** Writes one PDU to {@code out} (one write call, so it leaves as few TCP segments as possible). */
    public static void write(Pdu pdu, OutputStream out) throws IOException {
        out.write(encode(pdu));
    }

    public static byte[] encode(Pdu pdu) {
        Buf body = new Buf();
        int type;
        if (pdu instanceof Pdu.AssociateRq rq) {
            type = Pdu.TYPE_ASSOCIATE_RQ;
            associate(body, rq.data(), true);
        } else if (pdu instanceof Pdu.AssociateAc ac) {
            type = Pdu.TYPE_ASSOCIATE_AC;
            associate(body, ac.data(), false);
        } else if (pdu instanceof Pdu.AssociateRj rj) {
            type = Pdu.TYPE_ASSOCIATE_RJ;
            body.u8(0).u8(rj.result()).u8(rj.source()).u8(rj.reason());
        } else if (pdu instanceof Pdu.PDataTf p) {
            type = Pdu.TYPE_P_DATA_TF;
            for (Pdv v : p.pdvs()) {
                body.u32(v.length() + 2L).u8(v.contextId()).u8(v.controlHeader());
                body.write(v.data(), v.offset(), v.length());
            }
        } else if (pdu instanceof Pdu.ReleaseRq) {
            type = Pdu.TYPE_RELEASE_RQ;
            body.u32(0);
        } else if (pdu instanceof Pdu.ReleaseRp) {
            type = Pdu.TYPE_RELEASE_RP;
            body.u32(0);
        } else {
            Pdu.Abort a = (Pdu.Abort) pdu;
            type = Pdu.TYPE_ABORT;
            body.u8(0).u8(0).u8(a.source()).u8(a.reason());
        }
        Buf whole = new Buf();
        whole.u8(type).u8(0).u32(body.size());
        whole.write(body.bytes(), 0, body.size());
        return whole.toByteArray();
    }

    /** The 6-byte PDU header plus the 6-byte PDV header of a P-DATA-TF carrying one PDV. */
    public static byte[] pDataHeader(int contextId, boolean command, boolean last, int length) {
        Buf b = new Buf();
        b.u8(Pdu.TYPE_P_DATA_TF).u8(0).u32(length + 6L).u32(length + 2L).u8(contextId)
                .u8((command ? 1 : 0) | (last ? 2 : 0));
        return b.toByteArray();
    }

    private static void associate(Buf b, AssociateData d, boolean rq) {
        b.u16(d.protocolVersion()).u16(0).ae(d.calledAe()).ae(d.callingAe());
        b.write(new byte[32], 0, 32);
        b.item(0x10, ascii(d.applicationContext()));
        for (PresentationContext pc : d.presentationContexts()) {
            Buf p = new Buf();
            p.u8(pc.id()).u8(0).u8(rq ? 0 : pc.result()).u8(0);
            if (rq) {
                p.item(0x30, ascii(pc.abstractSyntax()));
            }
            for (String ts : pc.transferSyntaxes()) {
                p.item(0x40, ascii(ts));
            }
            b.item(rq ? 0x20 : 0x21, p.toByteArray());
        }
        b.item(0x50, userInfo(d.userInfo()));
    }

    private static byte[] userInfo(UserInfo u) {
        Buf b = new Buf();
        b.item(0x51, new Buf().u32(u.maxPduLength()).toByteArray());
        if (u.implementationClassUid() != null) {
            b.item(0x52, ascii(u.implementationClassUid()));
        }
        if (u.maxOpsInvoked() >= 0) {
            b.item(0x53, new Buf().u16(u.maxOpsInvoked()).u16(u.maxOpsPerformed()).toByteArray());
        }
        for (RoleSelection r : u.roleSelections()) {
            byte[] uid = ascii(r.sopClassUid());
            Buf s = new Buf().u16(uid.length);
            s.write(uid, 0, uid.length);
            b.item(0x54, s.u8(r.scu() ? 1 : 0).u8(r.scp() ? 1 : 0).toByteArray());
        }
        if (u.implementationVersion() != null) {
            b.item(0x55, ascii(u.implementationVersion()));
        }
        for (Map.Entry<String, byte[]> e : u.extendedNegotiation().entrySet()) {
            byte[] uid = ascii(e.getKey());
            Buf s = new Buf().u16(uid.length);
            s.write(uid, 0, uid.length);
            s.write(e.getValue(), 0, e.getValue().length);
            b.item(0x56, s.toByteArray());
        }
        UserIdentity id = u.userIdentity();
        if (id != null) {
            byte[] p = id.primary();
            byte[] s = id.secondary();
            Buf i = new Buf().u8(id.type()).u8(id.positiveResponseRequested() ? 1 : 0).u16(p.length);
            i.write(p, 0, p.length);
            i.u16(s.length).write(s, 0, s.length);
            b.item(0x58, i.toByteArray());
        }
        if (u.userIdentityResponse() != null) {
            byte[] r = u.userIdentityResponse();
            Buf i = new Buf().u16(r.length);
            i.write(r, 0, r.length);
            b.item(0x59, i.toByteArray());
        }
        return b.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Big-endian byte builder (all PDU fields are big endian, PS3.8 section 9.3.1). */
    private static final class Buf extends ByteArrayOutputStream {
        Buf u8(int v) {
            write(v);
            return this;
        }

        Buf u16(int v) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException("field too long for a 16-bit length: " + v);
            }
            write(v >>> 8);
            write(v);
            return this;
        }

        Buf u32(long v) {
            write((int) (v >>> 24));
            write((int) (v >>> 16));
            write((int) (v >>> 8));
            write((int) v);
            return this;
        }

        Buf ae(String title) {
            byte[] t = ascii(title);
            if (t.length > 16) {
                throw new IllegalArgumentException("AE title longer than 16 characters: " + title);
            }
            write(t, 0, t.length);
            for (int i = t.length; i < 16; i++) {
                write(' ');
            }
            return this;
        }

        Buf item(int type, byte[] value) {
            u8(type).u8(0).u16(value.length);
            write(value, 0, value.length);
            return this;
        }

        byte[] bytes() {
            return buf;
        }
    }
}
