package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.pdu.Pdu;
import cn.yunying.dicom.net.pdu.PresentationContext;
import cn.yunying.dicom.net.pdu.UserIdentity;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Acceptor-side negotiation and the limits/timeouts a server configuration sets. */
@Timeout(30)
class NegotiationTest {
    static final String JPEG_LS = UID.JPEG_LS_LOSSLESS;

    @Test
    void transferSyntaxChoiceFollowsThePreference() throws Exception {
        ServerConfig config = ServerConfig.builder("SCP").bindAddress("127.0.0.1")
                .transferSyntaxes(List.of(UID.IMPLICIT_VR_LITTLE_ENDIAN, JPEG_LS)).build();
        AssociationRequestSpec spec = new AssociationRequestSpec("SCP")
                .addContext(UID.VERIFICATION, UID.EXPLICIT_VR_LITTLE_ENDIAN, UID.IMPLICIT_VR_LITTLE_ENDIAN)
                .addContext(UID.CT_IMAGE_STORAGE, UID.EXPLICIT_VR_LITTLE_ENDIAN, JPEG_LS)
                .addContext(UID.MR_IMAGE_STORAGE, UID.JPEG_2000)
                .addContext(ServiceClasses.STUDY_ROOT_FIND, JPEG_LS, UID.EXPLICIT_VR_LITTLE_ENDIAN);
        try (TestServer s = new TestServer(config, new MemoryProvider()); Association as = DicomClient.connect("127.0.0.1", s.port(), spec)) {
            assertEquals(List.of(UID.IMPLICIT_VR_LITTLE_ENDIAN), as.acceptedTransferSyntaxes(UID.VERIFICATION));
            assertEquals(List.of(JPEG_LS), as.acceptedTransferSyntaxes(UID.CT_IMAGE_STORAGE));
            assertEquals(List.of(), as.acceptedTransferSyntaxes(UID.MR_IMAGE_STORAGE)); // no "*" in the preference
            assertEquals(PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED, as.acceptance().context(5).result());
            // a query identifier must be parseable, so JPEG-LS is not taken for C-FIND even though preferred
            assertEquals(List.of(UID.EXPLICIT_VR_LITTLE_ENDIAN), as.acceptedTransferSyntaxes(ServiceClasses.STUDY_ROOT_FIND));
            as.echo();
        }
    }

    @Test
    void abstractSyntaxFilterAndIdentityResponse() throws Exception {
        DicomServiceProvider p = new DicomServiceProvider() {
            @Override
            public AssociationDecision onAssociationRequest(AssociationInfo info) {
                return AssociationDecision.accept(Set.of(UID.VERIFICATION)).withUserIdentityResponse(new byte[] {42});
            }
        };
        AssociationRequestSpec spec = new AssociationRequestSpec("SCP").addContext(UID.VERIFICATION).addContext(UID.CT_IMAGE_STORAGE)
                .userIdentity(new UserIdentity(UserIdentity.JWT, true, "token".getBytes(), null));
        try (TestServer s = new TestServer(p); Association as = DicomClient.connect("127.0.0.1", s.port(), spec)) {
            assertEquals(PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, as.acceptance().context(3).result());
            assertArrayEquals(new byte[] {42}, as.acceptance().userInfo().userIdentityResponse());
            DimseException e = assertThrows(DimseException.class, () -> as.store(DimseServicesTest.ct("1.2.1", "P", "1.2")));
            assertEquals(Status.SOP_CLASS_NOT_SUPPORTED, e.status());
            as.echo();
        }
    }

    @Test
    void associationsBeyondTheLimitAreRejectedTransiently() throws Exception {
        ServerConfig config = ServerConfig.builder("SCP").bindAddress("127.0.0.1").maxAssociations(1).build();
        AssociationRequestSpec spec = new AssociationRequestSpec("SCP").addContext(UID.VERIFICATION);
        try (TestServer s = new TestServer(config, new MemoryProvider()); Association first = DicomClient.connect("127.0.0.1", s.port(), spec)) {
            AssociationRejectedException e = assertThrows(AssociationRejectedException.class,
                    () -> DicomClient.connect("127.0.0.1", s.port(), spec));
            assertEquals(Pdu.AssociateRj.TRANSIENT, e.result());
            assertEquals(Pdu.AssociateRj.SOURCE_PRESENTATION, e.source());
            assertEquals(Pdu.AssociateRj.PRESENTATION_LOCAL_LIMIT_EXCEEDED, e.reason());
            first.echo();
        }
    }

    @Test
    void dimseTimeoutAbortsTheAssociation() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DicomServiceProvider slow = new DicomServiceProvider() {
            @Override
            public int onStore(StoreRequest request, InputStream dataSet) throws java.io.IOException {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                dataSet.readAllBytes();
                return Status.SUCCESS;
            }
        };
        AssociationRequestSpec spec = new AssociationRequestSpec("SCP").addContext(UID.CT_IMAGE_STORAGE)
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300));
        try (TestServer s = new TestServer(slow)) {
            Association as = DicomClient.connect("127.0.0.1", s.port(), spec);
            long t0 = System.nanoTime();
            assertThrows(AssociationAbortedException.class, () -> as.store(DimseServicesTest.ct("1.2.2", "P", "1.2")));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(false, as.isOpen());
            release.countDown();
            assertEquals(true, ms < 5000, "gave up after " + ms + " ms");
            UpperLayerWireTest.waitUntil(() -> s.server.openAssociations() == 0);
        }
    }
}
