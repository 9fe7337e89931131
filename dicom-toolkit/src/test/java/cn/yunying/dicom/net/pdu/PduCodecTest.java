package cn.yunying.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PduCodecTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String ELE = "1.2.840.10008.1.2.1";
    static final String ILE = "1.2.840.10008.1.2";

    static AssociateData fullRequest() {
        UserInfo ui = new UserInfo(32768, "1.2.3.4.5", "TEST_1", 3, 2,
                List.of(new RoleSelection(CT, false, true), new RoleSelection("1.2.840.10008.5.1.4.1.1.4", true, true)),
                Map.of("1.2.840.10008.5.1.4.1.2.2.1", new byte[] {1, 0, 1}),
                new UserIdentity(UserIdentity.USERNAME_PASSCODE, true, "bob".getBytes(StandardCharsets.UTF_8),
                        "secret".getBytes(StandardCharsets.UTF_8)), null);
        return new AssociateData(1, "CALLED", "CALLING", AssociateData.DICOM_APPLICATION_CONTEXT,
                List.of(PresentationContext.proposal(1, CT, ELE, ILE), PresentationContext.proposal(3, "1.2.840.10008.1.1", ILE)), ui);
    }

    static Pdu roundTrip(Pdu pdu) throws IOException {
        byte[] b = PduWriter.encode(pdu);
        PduReader r = new PduReader(new ByteArrayInputStream(b), 1 << 20, 1 << 20);
        Pdu back = r.read();
        assertNull(r.read(), "exactly one PDU");
        return back;
    }

    @Test
    void associateRequestWithEverySubItem() throws IOException {
        AssociateData rq = fullRequest();
        AssociateData back = ((Pdu.AssociateRq) roundTrip(new Pdu.AssociateRq(rq))).data();
        assertEquals("CALLED", back.calledAe());
        assertEquals("CALLING", back.callingAe());
        assertEquals(rq.presentationContexts(), back.presentationContexts());
        UserInfo u = back.userInfo();
        assertEquals(32768, u.maxPduLength());
        assertEquals("1.2.3.4.5", u.implementationClassUid());
        assertEquals("TEST_1", u.implementationVersion());
        assertEquals(3, u.maxOpsInvoked());
        assertEquals(2, u.maxOpsPerformed());
        assertEquals(rq.userInfo().roleSelections(), u.roleSelections());
        assertArrayEquals(new byte[] {1, 0, 1}, u.extendedNegotiation().get("1.2.840.10008.5.1.4.1.2.2.1"));
        assertEquals(UserIdentity.USERNAME_PASSCODE, u.userIdentity().type());
        assertTrue(u.userIdentity().positiveResponseRequested());
        assertEquals("bob", u.userIdentity().primaryText());
        assertArrayEquals("secret".getBytes(StandardCharsets.UTF_8), u.userIdentity().secondary());
    }

    @Test
    void associateAcceptWithResultsAndIdentityResponse() throws IOException {
        UserInfo ui = UserInfo.basic(0, "1.2.3", null).withUserIdentityResponse(new byte[] {9, 8})
                .withRoleSelections(List.of(new RoleSelection(CT, false, true)));
        AssociateData ac = new AssociateData(1, "A", "B", AssociateData.DICOM_APPLICATION_CONTEXT,
                List.of(PresentationContext.accepted(1, ELE),
                        PresentationContext.rejected(3, PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED)), ui);
        AssociateData back = ((Pdu.AssociateAc) roundTrip(new Pdu.AssociateAc(ac))).data();
        assertEquals(ac.presentationContexts(), back.presentationContexts());
        assertEquals(0, back.userInfo().maxPduLength());
        assertNull(back.userInfo().implementationVersion());
        assertArrayEquals(new byte[] {9, 8}, back.userInfo().userIdentityResponse());
        assertEquals(ui.roleSelections(), back.userInfo().roleSelections());
    }

    @Test
    void smallPdus() throws IOException {
        assertEquals(new Pdu.AssociateRj(1, 1, 7), roundTrip(new Pdu.AssociateRj(1, 1, 7)));
        assertEquals(new Pdu.ReleaseRq(), roundTrip(new Pdu.ReleaseRq()));
        assertEquals(new Pdu.ReleaseRp(), roundTrip(new Pdu.ReleaseRp()));
        assertEquals(new Pdu.Abort(2, 6), roundTrip(new Pdu.Abort(2, 6)));
        byte[] ab = PduWriter.encode(new Pdu.Abort(0, 0));
        assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 0, 0}, ab);
    }

    @Test
    void aReaderReusingItsDataBufferReadsEveryPDataTfWholeAndGrowsForLargerOnes() throws IOException {
        byte[] small = {1, 2, 3};
        byte[] large = new byte[100_000];
        Arrays.fill(large, (byte) 9);
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        PduWriter.write(new Pdu.PDataTf(List.of(new Pdv(1, false, false, small))), stream);
        PduWriter.write(new Pdu.PDataTf(List.of(new Pdv(1, false, true, large))), stream);
        PduWriter.write(new Pdu.ReleaseRq(), stream);
        PduReader r = new PduReader(new ByteArrayInputStream(stream.toByteArray()), 1 << 20, 1 << 20).reuseDataBuffer();
        Pdv first = ((Pdu.PDataTf) r.read()).pdvs().get(0);
        assertArrayEquals(small, Arrays.copyOfRange(first.data(), first.offset(), first.offset() + first.length()));
        Pdv second = ((Pdu.PDataTf) r.read()).pdvs().get(0);
        assertTrue(second.last());
        assertArrayEquals(large, Arrays.copyOfRange(second.data(), second.offset(), second.offset() + second.length()));
        assertEquals(new Pdu.ReleaseRq(), r.read());
        assertNull(r.read());
    }

    @Test
    void pDataWithSeveralPdvs() throws IOException {
        Pdu.PDataTf p = new Pdu.PDataTf(List.of(new Pdv(1, true, true, new byte[] {1, 2, 3}), new Pdv(3, false, false, new byte[0]),
                new Pdv(5, false, true, new byte[] {4})));
        Pdu.PDataTf back = (Pdu.PDataTf) roundTrip(p);
        assertEquals(3, back.pdvs().size());
        Pdv a = back.pdvs().get(0);
        assertEquals(1, a.contextId());
        assertTrue(a.command() && a.last());
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOfRange(a.data(), a.offset(), a.offset() + a.length()));
        assertEquals(0x02, back.pdvs().get(2).controlHeader());
        // the header helper used by the fragmenting writer agrees with the full encoder
        byte[] one = PduWriter.encode(new Pdu.PDataTf(List.of(new Pdv(7, false, true, new byte[] {5, 6}))));
        assertArrayEquals(Arrays.copyOf(one, 12), PduWriter.pDataHeader(7, false, true, 2));
    }

    static int abortReason(byte[] pdu) {
        PduException e = assertThrows(PduException.class,
                () -> new PduReader(new ByteArrayInputStream(pdu), 16384, 65536).read());
        return e.abortReason();
    }

    @Test
    void unknownPduTypeIsUnrecognized() {
        assertEquals(Pdu.Abort.REASON_UNRECOGNIZED_PDU, abortReason(new byte[] {0x08, 0, 0, 0, 0, 4, 0, 0, 0, 0}));
        assertEquals(Pdu.Abort.REASON_UNRECOGNIZED_PDU, abortReason(new byte[] {0x00, 0, 0, 0, 0, 0}));
    }

    @Test
    void lengthsBeyondTheLimitAreRefusedBeforeAllocation() {
        // P-DATA claiming 4 GiB - 1: refused on the header, nothing allocated
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(new byte[] {4, 0, -1, -1, -1, -1}));
        // just above the announced 16384
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(new byte[] {4, 0, 0, 0, 0x40, 0x01}));
        // an A-ASSOCIATE-RQ over the control limit
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(new byte[] {1, 0, 0, 0x10, 0, 0}));
    }

    @Test
    void truncatedPduEndsInEof() {
        byte[] b = PduWriter.encode(new Pdu.AssociateRq(fullRequest()));
        assertThrows(EOFException.class,
                () -> new PduReader(new ByteArrayInputStream(Arrays.copyOf(b, b.length - 5)), 16384, 65536).read());
    }

    @Test
    void impossibleLengthsInsideAPdu() {
        byte[] b = PduWriter.encode(new Pdu.AssociateRq(fullRequest()));
        // the application context item (offset 74) claims more bytes than the PDU has
        byte[] bad = b.clone();
        bad[76] = (byte) 0xFF;
        bad[77] = (byte) 0xFF;
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(bad));
        // PDU body shorter than the fixed fields
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(new byte[] {1, 0, 0, 0, 0, 2, 0, 1}));
        // fixed-size PDUs with the wrong length
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(new byte[] {5, 0, 0, 0, 0, 2, 0, 0}));
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(new byte[] {7, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0}));
        // PDV item length 1 (must be at least 2) and PDV running past the PDU
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(new byte[] {4, 0, 0, 0, 0, 6, 0, 0, 0, 1, 1, 3}));
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(new byte[] {4, 0, 0, 0, 0, 6, 0, 0, 0, 9, 1, 3}));
        // empty P-DATA, even context ID, reserved control bits
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(new byte[] {4, 0, 0, 0, 0, 0}));
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(new byte[] {4, 0, 0, 0, 0, 6, 0, 0, 0, 2, 2, 3}));
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(new byte[] {4, 0, 0, 0, 0, 6, 0, 0, 0, 2, 1, 7}));
    }

    @Test
    void structuralErrorsInAssociateRequest() {
        AssociateData ok = fullRequest();
        // presentation context without transfer syntax
        AssociateData noTs = new AssociateData(1, "A", "B", AssociateData.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContext(1, 0, CT, List.of())), ok.userInfo());
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(PduWriter.encode(new Pdu.AssociateRq(noTs))));
        // duplicate context IDs
        AssociateData dup = new AssociateData(1, "A", "B", AssociateData.DICOM_APPLICATION_CONTEXT,
                List.of(PresentationContext.proposal(1, CT, ELE), PresentationContext.proposal(1, CT, ILE)), ok.userInfo());
        assertEquals(Pdu.Abort.REASON_INVALID_PARAMETER, abortReason(PduWriter.encode(new Pdu.AssociateRq(dup))));
        // an AC-style presentation context item (0x21) inside an RQ
        byte[] b = PduWriter.encode(new Pdu.AssociateRq(ok));
        int at = indexOf(b, (byte) 0x20, 74);
        b[at] = 0x21;
        assertEquals(Pdu.Abort.REASON_UNEXPECTED_PARAMETER, abortReason(b));
        // an unknown item type
        byte[] c = PduWriter.encode(new Pdu.AssociateRq(ok));
        c[indexOf(c, (byte) 0x20, 74)] = 0x33;
        assertEquals(Pdu.Abort.REASON_UNRECOGNIZED_PARAMETER, abortReason(c));
    }

    @Test
    void unknownUserInfoSubItemsAreSkipped() throws IOException {
        AssociateData ok = fullRequest();
        byte[] b = PduWriter.encode(new Pdu.AssociateRq(ok));
        int ui = indexOf(b, (byte) 0x50, 74);
        // turn the implementation version sub-item (0x55) into an unknown one (0x5F)
        int v = indexOf(b, (byte) 0x55, ui + 4);
        b[v] = 0x5F;
        AssociateData back = ((Pdu.AssociateRq) new PduReader(new ByteArrayInputStream(b), 16384, 65536).read()).data();
        assertNull(back.userInfo().implementationVersion());
        assertEquals("1.2.3.4.5", back.userInfo().implementationClassUid());
    }

    /** Index of the first item of type {@code type} walking the item chain from {@code from}. */
    private static int indexOf(byte[] b, byte type, int from) {
        int i = from;
        while (i + 4 <= b.length) {
            if (b[i] == type) {
                return i;
            }
            i += 4 + ((b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF);
        }
        throw new AssertionError("no item " + type);
    }
}
