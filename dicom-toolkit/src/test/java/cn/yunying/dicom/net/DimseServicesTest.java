package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.SyntheticCt;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.dicom.io.DicomInputStream;
import cn.yunying.dicom.io.ReadOptions;
import cn.yunying.dicom.io.TransferSyntax;
import cn.yunying.dicom.net.pdu.Pdu;
import cn.yunying.dicom.net.pdu.UserIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.io.OutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Our SCU against our SCP over loopback: every DIMSE service in both roles. */
@Timeout(60)
class DimseServicesTest {
    @TempDir
    Path tmp;

    static Attributes ct(String iuid, String patientId, String study) {
        Attributes ds = SyntheticCt.dataset(16, 16);
        ds.setString(Tag.SOP_INSTANCE_UID, VR.UI, iuid);
        ds.setString(Tag.PATIENT_ID, VR.LO, patientId);
        ds.setString(Tag.STUDY_INSTANCE_UID, VR.UI, study);
        return ds;
    }

    static AssociationRequestSpec spec() {
        return new AssociationRequestSpec("TESTSCP").callingAe("TESTSCU").addContext(UID.VERIFICATION)
                .addContext(UID.CT_IMAGE_STORAGE)
                .addContext(ServiceClasses.STUDY_ROOT_FIND).addContext(ServiceClasses.STUDY_ROOT_MOVE)
                .addContext(ServiceClasses.STUDY_ROOT_GET).addContext(ServiceClasses.STORAGE_COMMITMENT_PUSH);
    }

    @Test
    void echoAndNegotiatedDetails() throws Exception {
        MemoryProvider p = new MemoryProvider();
        try (TestServer s = new TestServer(p);
             Association as = DicomClient.connect("127.0.0.1", s.port(), spec().userIdentity(UserIdentity.username("alice")))) {
            as.echo();
            assertEquals("TESTSCU", p.lastAssociation.callingAe());
            assertEquals("TESTSCP", p.lastAssociation.calledAe());
            assertEquals("alice", p.lastAssociation.userIdentity().primaryText());
            assertEquals(List.of(UID.EXPLICIT_VR_LITTLE_ENDIAN), as.acceptedTransferSyntaxes(UID.VERIFICATION));
            assertEquals(UID.YUNYING_IMPLEMENTATION_CLASS, as.acceptance().userInfo().implementationClassUid());
            as.release();
            assertTrue(!as.isOpen());
        }
    }

    @Test
    void rejectionCarriesResultSourceReason() throws Exception {
        DicomServiceProvider refuse = new DicomServiceProvider() {
            @Override
            public AssociationDecision onAssociationRequest(AssociationInfo info) {
                return AssociationDecision.reject(1, 1, Pdu.AssociateRj.USER_CALLED_AE_NOT_RECOGNIZED);
            }
        };
        try (TestServer s = new TestServer(refuse)) {
            AssociationRejectedException e = assertThrows(AssociationRejectedException.class,
                    () -> DicomClient.connect("127.0.0.1", s.port(), spec()));
            assertEquals(1, e.result());
            assertEquals(1, e.source());
            assertEquals(7, e.reason());
        }
    }

    @Test
    void storeFromAttributesFileAndStream() throws Exception {
        MemoryProvider p = new MemoryProvider();
        Attributes a = ct("1.2.3.1", "P1", "1.2.3");
        Attributes b = ct("1.2.3.2", "P1", "1.2.3");
        Path file = syntheticCt("b.dcm", 16, 16);
        DicomFile onDisk = DicomFiles.read(file);
        try (TestServer s = new TestServer(p); Association as = DicomClient.connect("127.0.0.1", s.port(), spec())) {
            assertEquals(Status.SUCCESS, as.store(a));
            assertEquals(Status.SUCCESS, as.store(file));
            byte[] encoded = MemoryProvider.encode(b, UID.EXPLICIT_VR_LITTLE_ENDIAN);
            assertEquals(Status.SUCCESS, as.store(UID.CT_IMAGE_STORAGE, "1.2.3.2", UID.EXPLICIT_VR_LITTLE_ENDIAN,
                    new java.io.ByteArrayInputStream(encoded)));
        }
        assertEquals(a, p.stored.get("1.2.3.1"));
        assertEquals(b, p.stored.get("1.2.3.2"));
        String fileIuid = onDisk.dataset().getString(Tag.SOP_INSTANCE_UID);
        assertEquals(onDisk.dataset(), p.stored.get(fileIuid));
        assertEquals(UID.EXPLICIT_VR_LITTLE_ENDIAN, p.storedTs.get("1.2.3.2"));
    }

    /** A synthetic CT of {@code rows} x {@code columns} written as a Part 10 file. */
    private Path syntheticCt(String name, int rows, int columns) throws IOException {
        return Files.write(tmp.resolve(name), SyntheticCt.part10(rows, columns));
    }

    @Test
    void aFileSentFromItsChannelIsCutIntoPdusThePeerAccepts() throws Exception {
        // 128x128x16 bit: 32 KiB of pixel data through a peer announcing 4 KiB PDUs, so the direct path (file ->
        // direct buffer -> socket) writes many P-DATA-TF, the last one flagged last
        MemoryProvider p = new MemoryProvider();
        Path file = syntheticCt("direct.dcm", 128, 128);
        DicomFile onDisk = DicomFiles.read(file);
        ServerConfig smallPdus = ServerConfig.builder("TESTSCP").bindAddress("127.0.0.1").maxPduLength(4096).build();
        try (TestServer s = new TestServer(smallPdus, p); Association as = DicomClient.connect("127.0.0.1", s.port(), spec())) {
            assertEquals(Status.SUCCESS, as.store(file));
            assertEquals(Status.SUCCESS, as.store(file), "the association goes on after a direct send");
        }
        assertEquals(onDisk.dataset(), p.stored.get(onDisk.dataset().getString(Tag.SOP_INSTANCE_UID)));
    }

    @Test
    void aFileRegionLongerThanItsFileFailsInsteadOfSendingTooLittle() throws Exception {
        Path file = tmp.resolve("short.bin");
        Files.write(file, new byte[100]);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            DimseChannel.FileRegion region = new DimseChannel.FileRegion(ch, 10, 200);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            assertThrows(java.io.EOFException.class, () -> region.writeTo(out));
            assertEquals(90, out.size(), "what the file had, then the failure");
        }
    }

    @Test
    void storeConvertsBetweenExplicitAndImplicitWhenTheFileSyntaxIsNotAccepted() throws Exception {
        MemoryProvider p = new MemoryProvider();
        Path file = syntheticCt("ct.dcm", 16, 16);
        DicomFile onDisk = DicomFiles.read(file);
        assertEquals(UID.EXPLICIT_VR_LITTLE_ENDIAN, onDisk.transferSyntax().uid());
        AssociationRequestSpec implicitOnly = new AssociationRequestSpec("TESTSCP")
                .addContext(UID.CT_IMAGE_STORAGE, UID.IMPLICIT_VR_LITTLE_ENDIAN);
        try (TestServer s = new TestServer(p); Association as = DicomClient.connect("127.0.0.1", s.port(), implicitOnly)) {
            assertEquals(Status.SUCCESS, as.store(file));
        }
        String iuid = onDisk.dataset().getString(Tag.SOP_INSTANCE_UID);
        assertEquals(UID.IMPLICIT_VR_LITTLE_ENDIAN, p.storedTs.get(iuid));
        // implicit VR cannot carry the VRs of private elements: compare the rest
        Attributes sent = onDisk.dataset();
        Attributes got = p.stored.get(iuid);
        for (int tag : sent.tags()) {
            if ((tag >>> 16 & 1) == 1) {
                sent.remove(tag);
                assertNotNull(got.remove(tag), "private element arrived");
            }
        }
        assertEquals(sent, got);
    }

    @Test
    void storeFailureStatusBecomesDimseException() throws Exception {
        DicomServiceProvider full = new DicomServiceProvider() {
            @Override
            public int onStore(StoreRequest request, java.io.InputStream dataSet) {
                return Status.OUT_OF_RESOURCES; // does not read the stream: the layer must discard it
            }
        };
        try (TestServer s = new TestServer(full); Association as = DicomClient.connect("127.0.0.1", s.port(), spec())) {
            DimseException e = assertThrows(DimseException.class, () -> as.store(ct("1.2.9", "P", "1.2")));
            assertEquals(Status.OUT_OF_RESOURCES, e.status());
            as.echo(); // the association is still usable
        }
    }

    private MemoryProvider archive() {
        MemoryProvider p = new MemoryProvider();
        for (int i = 1; i <= 5; i++) {
            Attributes ds = ct("1.2.5." + i, i <= 3 ? "PA" : "PB", i <= 3 ? "1.2.5" : "1.2.6");
            p.stored.put("1.2.5." + i, ds);
        }
        return p;
    }

    @Test
    void findReturnsMatchesAndCanBeCancelled() throws Exception {
        MemoryProvider p = archive();
        Attributes keys = new Attributes();
        keys.setString(0x00080052, VR.CS, "IMAGE");
        keys.setString(Tag.PATIENT_ID, VR.LO, "PA");
        keys.setString(Tag.SOP_INSTANCE_UID, VR.UI, "");
        try (TestServer s = new TestServer(p); Association as = DicomClient.connect("127.0.0.1", s.port(), spec())) {
            List<String> found = new ArrayList<>();
            try (FindResults r = as.find(ServiceClasses.STUDY_ROOT_FIND, keys)) {
                for (Attributes m; (m = r.next()) != null; ) {
                    assertEquals("PA", m.getString(Tag.PATIENT_ID));
                    found.add(m.getString(Tag.SOP_INSTANCE_UID));
                }
                assertEquals(Status.SUCCESS, r.status());
            }
            found.sort(null);
            assertEquals(List.of("1.2.5.1", "1.2.5.2", "1.2.5.3"), found);

        }
    }

    @Test
    void cancelStopsAnEndlessFind() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger produced = new java.util.concurrent.atomic.AtomicInteger();
        DicomServiceProvider endless = new DicomServiceProvider() {
            @Override
            public QueryResults onFind(FindRequest request) {
                return new QueryResults() {
                    @Override
                    public Attributes next() throws java.io.IOException {
                        Attributes a = new Attributes();
                        a.setString(Tag.PATIENT_ID, VR.LO, "P" + produced.incrementAndGet());
                        try {
                            Thread.sleep(2); // a slow database
                        } catch (InterruptedException e) {
                            throw new java.io.InterruptedIOException();
                        }
                        return a;
                    }

                    @Override
                    public void close() {
                        closed.set(true);
                    }
                };
            }
        };
        try (TestServer s = new TestServer(endless); Association as = DicomClient.connect("127.0.0.1", s.port(), spec())) {
            FindResults r = as.find(ServiceClasses.STUDY_ROOT_FIND, new Attributes());
            assertNotNull(r.next());
            assertNotNull(r.next());
            r.cancel();
            while (r.next() != null) {
                // matches already in flight
            }
            assertEquals(Status.CANCEL, r.status());
            assertTrue(closed.get(), "the layer closes the results on cancel");
            as.echo();
        }
    }

    @Test
    void findOnAnUnsupportingProviderFails() throws Exception {
        try (TestServer s = new TestServer(new DicomServiceProvider() { });
             Association as = DicomClient.connect("127.0.0.1", s.port(), spec())) {
            FindResults r = as.find(ServiceClasses.STUDY_ROOT_FIND, new Attributes());
            DimseException e = assertThrows(DimseException.class, r::next);
            assertEquals(Status.SOP_CLASS_NOT_SUPPORTED, e.status());
        }
    }

    @Test
    void getReceivesSubOperationsOnTheSameAssociation() throws Exception {
        MemoryProvider p = archive();
        Attributes keys = new Attributes();
        keys.setString(0x00080052, VR.CS, "STUDY");
        keys.setString(Tag.STUDY_INSTANCE_UID, VR.UI, "1.2.5");
        Map<String, Attributes> received = new ConcurrentHashMap<>();
        try (TestServer s = new TestServer(p);
             Association as = DicomClient.connect("127.0.0.1", s.port(),
                     spec().role(UID.CT_IMAGE_STORAGE, false, true))) {
            RetrieveResult r = as.get(ServiceClasses.STUDY_ROOT_GET, keys, (req, data) -> {
                Attributes ds = new DicomInputStream(data, ReadOptions.loadAll()).readDataSet(TransferSyntax.of(req.transferSyntaxUid()));
                received.put(req.sopInstanceUid(), ds);
                return Status.SUCCESS;
            });
            assertEquals(Status.SUCCESS, r.status());
            assertEquals(3, r.completed());
            assertEquals(0, r.failed());
        }
        assertEquals(3, received.size());
        assertEquals(p.stored.get("1.2.5.2"), received.get("1.2.5.2"));
    }

    @Test
    void getWithoutStorageScpRoleFailsEverySubOperation() throws Exception {
        MemoryProvider p = archive();
        Attributes keys = new Attributes();
        keys.setString(Tag.STUDY_INSTANCE_UID, VR.UI, "1.2.6");
        try (TestServer s = new TestServer(p); Association as = DicomClient.connect("127.0.0.1", s.port(), spec())) {
            DimseException e = assertThrows(DimseException.class, () -> as.get(ServiceClasses.STUDY_ROOT_GET, keys, (q, d) -> 0));
            assertEquals(Status.OUT_OF_RESOURCES_SUB_OPERATIONS, e.status());
        }
    }

    private static Attributes studyKeys(String studyUid) {
        Attributes keys = new Attributes();
        keys.setString(0x00080052, VR.CS, "STUDY");
        keys.setString(Tag.STUDY_INSTANCE_UID, VR.UI, studyUid);
        return keys;
    }

    @Test
    void moveSendsToTheDestinationOverANewAssociation() throws Exception {
        MemoryProvider source = archive();
        MemoryProvider destination = new MemoryProvider();
        try (TestServer dest = new TestServer(destination); TestServer s = new TestServer(source)) {
            source.destinations.put("DEST", new MoveDestination("127.0.0.1", dest.port(), "DEST", false));
            Attributes keys = studyKeys("1.2.6");
            try (Association as = DicomClient.connect("127.0.0.1", s.port(), spec())) {
                RetrieveResult r = as.move(ServiceClasses.STUDY_ROOT_MOVE, "DEST", keys);
                assertEquals(Status.SUCCESS, r.status());
                assertEquals(2, r.completed());
                DimseException e = assertThrows(DimseException.class, () -> as.move(ServiceClasses.STUDY_ROOT_MOVE, "NOWHERE", keys));
                assertEquals(Status.MOVE_DESTINATION_UNKNOWN, e.status());
            }
            assertEquals(Map.of("1.2.5.4", source.stored.get("1.2.5.4"), "1.2.5.5", source.stored.get("1.2.5.5")),
                    Map.copyOf(destination.stored));
            assertEquals("TESTSCU", destination.lastStore.moveOriginatorAe());
            assertEquals("TESTSCP", destination.lastAssociation.callingAe());
        }
    }

    @Test
    void moveReportsTheInstancesTheDestinationRefusedInTheFailedSopInstanceUidList() throws Exception {
        MemoryProvider source = archive();
        MemoryProvider destination = new MemoryProvider() {
            @Override
            public int onStore(StoreRequest request, InputStream dataSet) throws IOException {
                if (request.sopInstanceUid().equals("1.2.5.5")) {
                    dataSet.transferTo(OutputStream.nullOutputStream());
                    return Status.OUT_OF_RESOURCES;
                }
                return super.onStore(request, dataSet);
            }
        };
        try (TestServer dest = new TestServer(destination); TestServer s = new TestServer(source)) {
            source.destinations.put("DEST", new MoveDestination("127.0.0.1", dest.port(), "DEST", false));
            Attributes keys = studyKeys("1.2.6");
            try (Association as = DicomClient.connect("127.0.0.1", s.port(), spec())) {
                RetrieveResult r = as.move(ServiceClasses.STUDY_ROOT_MOVE, "DEST", keys);
                assertEquals(Status.SUB_OPERATIONS_WARNING, r.status());
                assertEquals(1, r.completed());
                assertEquals(1, r.failed());
                assertEquals(List.of("1.2.5.5"), r.failedSopInstanceUids());
                as.echo(); // the identifier was read completely: the association is still in step
            }
            assertEquals(Set.of("1.2.5.4"), destination.stored.keySet());
        }
    }

    @Test
    void storageCommitmentReportsCommittedAndFailed() throws Exception {
        MemoryProvider p = archive();
        SopReference held = new SopReference(UID.CT_IMAGE_STORAGE, "1.2.5.1");
        SopReference missing = new SopReference(UID.CT_IMAGE_STORAGE, "9.9.9");
        try (TestServer s = new TestServer(p); Association as = DicomClient.connect("127.0.0.1", s.port(), spec())) {
            CommitmentResult r = as.requestCommitment("1.2.999.1", List.of(held, missing));
            assertEquals("1.2.999.1", r.transactionUid());
            assertEquals(List.of(held), r.committed());
            assertEquals(Map.of(missing, CommitmentResult.NO_SUCH_OBJECT_INSTANCE), r.failed());
            as.echo();
        }
    }

    @Test
    void fiftyConcurrentAssociations() throws Exception {
        MemoryProvider p = new MemoryProvider();
        ExecutorService clients = Executors.newFixedThreadPool(50);
        try (TestServer s = new TestServer(p)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                futures.add(clients.submit(() -> {
                    try (Association as = DicomClient.connect("127.0.0.1", s.port(), spec())) {
                        as.echo();
                        as.store(ct("1.2.50." + n, "P" + n, "1.2.50"));
                        as.echo();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
        assertEquals(50, p.stored.size());
        assertNull(p.stored.get("1.2.50.50"));
    }

    @Test
    void bindFailsAtOnceOnAPortInUseAndCloseAbortsOpenAssociations() throws Exception {
        try (TestServer s = new TestServer(new MemoryProvider())) {
            ServerConfig same = ServerConfig.builder("X").bindAddress("127.0.0.1").port(s.port()).build();
            assertThrows(java.net.BindException.class, () -> DicomServer.bind(same, new MemoryProvider(), Runnable::run));
            Association as = DicomClient.connect("127.0.0.1", s.port(), spec());
            as.echo();
            s.server.close();
            assertThrows(java.io.IOException.class, as::echo);
            assertThrows(java.io.IOException.class, () -> DicomClient.connect("127.0.0.1", s.port(), spec()));
            assertTrue(s.server.isClosed());
        }
    }
}
