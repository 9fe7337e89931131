package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.TestFiles;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Our SCP and SCU against DCMTK 3.6 tools over loopback. */
@Timeout(180)
class DcmtkInteropTest {
    private Path work;

    @BeforeEach
    void workDir() throws IOException {
        work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "interop")), "run").toAbsolutePath();
    }

    static Path file(String name) {
        return TestFiles.testFile(name);
    }

    @Test
    void echoscuAgainstOurServer() throws Exception {
        Dcmtk.require("echoscu");
        try (TestServer s = new TestServer(new MemoryProvider())) {
            Dcmtk.Result r = Dcmtk.run(work, "echoscu", "-aet", "DCMTK", "-aec", "TESTSCP", "127.0.0.1", String.valueOf(s.port()));
            assertEquals(0, r.exit(), r.output());
            // and TLS-less TCP_NODELAY peers that go through a release afterwards leave nothing open
            UpperLayerWireTest.waitUntil(() -> s.server.openAssociations() == 0);
        }
    }

    @Test
    void storescuAgainstOurServer() throws Exception {
        Dcmtk.require("storescu");
        MemoryProvider p = new MemoryProvider();
        List<Path> files = List.of(file("CT_small.dcm"), file("MR_small_implicit.dcm"), file("rtplan.dcm"), file("waveform_ecg.dcm"));
        try (TestServer s = new TestServer(p)) {
            List<String> cmd = new ArrayList<>(List.of("storescu", "-aet", "DCMTK", "-aec", "TESTSCP", "127.0.0.1", String.valueOf(s.port())));
            files.forEach(f -> cmd.add(f.toString()));
            Dcmtk.Result r = Dcmtk.run(work, cmd.toArray(String[]::new));
            assertEquals(0, r.exit(), r.output());
        }
        for (Path f : files) {
            DicomFile d = DicomFiles.read(f);
            DataSets.assertSame(d.dataset(), p.stored.get(d.dataset().getString(Tag.SOP_INSTANCE_UID)), f.toString());
        }
    }

    /** Files our parser reads but DCMTK 3.6.7 refuses to read (so dcmsend cannot send them). */
    static final java.util.Set<String> DCMTK_CANNOT_READ = java.util.Set.of("SC_rgb_jpeg.dcm");

    /** Every pydicom test file in a compressed (encapsulated) transfer syntax, sent by dcmsend as it is. */
    @Test
    void dcmsendEveryCompressedFileToOurServer() throws Exception {
        Dcmtk.require("dcmsend");
        Map<Path, DicomFile> compressed = new HashMap<>();
        for (Path f : TestFiles.dicomFiles(TestFiles.testFiles())) {
            try {
                DicomFile d = DicomFiles.read(f);
                // storable: a registered compressed syntax and the SOP UIDs a C-STORE needs
                if (d.fileMetaInformation() != null && d.transferSyntax().encapsulated() && d.transferSyntax().isRegistered()
                        && d.dataset().getString(Tag.SOP_CLASS_UID) != null && d.dataset().getString(Tag.SOP_INSTANCE_UID) != null) {
                    compressed.put(f, d);
                }
            } catch (IOException e) {
                // broken on purpose: not a candidate
            }
        }
        assertTrue(compressed.size() >= 20, "compressed files found: " + compressed.size());
        List<Attributes> received = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> receivedTs = java.util.Collections.synchronizedList(new ArrayList<>());
        MemoryProvider p = new MemoryProvider() {
            @Override
            public int onStore(StoreRequest request, java.io.InputStream dataSet) throws IOException {
                received.add(new cn.yunying.dicom.io.DicomInputStream(dataSet).readDataSet(TransferSyntax.of(request.transferSyntaxUid())));
                receivedTs.add(request.transferSyntaxUid());
                return Status.SUCCESS;
            }
        };
        try (TestServer s = new TestServer(p)) {
            for (Map.Entry<Path, DicomFile> e : compressed.entrySet()) {
                int before = received.size();
                Dcmtk.Result r = Dcmtk.run(work, "dcmsend", "-aet", "DCMTK", "-aec", "TESTSCP", "--decompress-never",
                        "127.0.0.1", String.valueOf(s.port()), e.getKey().toString());
                if (DCMTK_CANNOT_READ.contains(e.getKey().getFileName().toString())) {
                    // pydicom's deliberately odd file: DCMTK's own parser gives up before sending anything
                    assertTrue(r.exit() != 0 && r.output().contains("cannot send SOP instance from file"), r.output());
                    assertEquals(before, received.size());
                    continue;
                }
                assertEquals(0, r.exit(), e.getKey() + ": " + r.output());
                assertEquals(before + 1, received.size(), e.getKey().toString());
                assertEquals(e.getValue().transferSyntax().uid(), receivedTs.get(before), "sent in its own transfer syntax: " + e.getKey());
                DataSets.assertSame(e.getValue().dataset(), received.get(before), e.getKey().toString());
            }
        }
    }

    @Test
    void ourStoreToStorescp() throws Exception {
        Dcmtk.require("storescp");
        int port = Dcmtk.freePort();
        Path out = Files.createDirectories(work.resolve("storescp"));
        Process scp = Dcmtk.start(work, "storescp", "+xa", "-aet", "STORESCP", "-od", out.toString(), String.valueOf(port));
        List<Path> files = List.of(file("CT_small.dcm"), file("MR_small_implicit.dcm"), file("JPEG2000.dcm"),
                file("SC_rgb_rle.dcm"), file("SC_rgb_jpeg_dcmtk.dcm"));
        try {
            Dcmtk.awaitPort(port, scp);
            AssociationRequestSpec spec = new AssociationRequestSpec("STORESCP");
            for (Path f : files) {
                DicomFile d = DicomFiles.readHeader(f);
                spec.addContext(d.fileMetaInformation().getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID), d.transferSyntax().uid());
            }
            try (Association as = DicomClient.connect("127.0.0.1", port, spec)) {
                for (Path f : files) {
                    assertEquals(Status.SUCCESS, as.store(f), f.toString());
                }
            }
        } finally {
            scp.destroy();
            scp.waitFor();
        }
        Map<String, Attributes> got = new HashMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : s.toList()) {
                Attributes ds = DicomFiles.read(f).dataset();
                got.put(ds.getString(Tag.SOP_INSTANCE_UID), ds);
            }
        }
        for (Path f : files) {
            Attributes sent = DicomFiles.read(f).dataset();
            DataSets.assertSame(sent, got.get(sent.getString(Tag.SOP_INSTANCE_UID)), f.toString());
        }
    }

    private MemoryProvider archive() throws IOException {
        MemoryProvider p = new MemoryProvider();
        for (String name : List.of("CT_small.dcm", "MR_small.dcm", "rtplan.dcm")) {
            Attributes ds = DicomFiles.read(file(name)).dataset();
            p.stored.put(ds.getString(Tag.SOP_INSTANCE_UID), ds);
        }
        return p;
    }

    @Test
    void findscuAgainstOurServer() throws Exception {
        Dcmtk.require("findscu");
        MemoryProvider p = archive();
        Attributes ct = DicomFiles.read(file("CT_small.dcm")).dataset();
        try (TestServer s = new TestServer(p)) {
            Dcmtk.Result r = Dcmtk.run(work, "findscu", "-S", "-aet", "DCMTK", "-aec", "TESTSCP", "-X", "-od", work.toString(),
                    "-k", "QueryRetrieveLevel=IMAGE", "-k", "PatientID=" + ct.getString(Tag.PATIENT_ID), "-k", "SOPInstanceUID",
                    "127.0.0.1", String.valueOf(s.port()));
            assertEquals(0, r.exit(), r.output());
        }
        List<Attributes> responses = new ArrayList<>();
        try (Stream<Path> s = Files.list(work)) {
            for (Path f : s.filter(f -> f.getFileName().toString().startsWith("rsp")).toList()) {
                responses.add(DicomFiles.read(f).dataset());
            }
        }
        long expected = p.stored.values().stream().filter(a -> ct.getString(Tag.PATIENT_ID).equals(a.getString(Tag.PATIENT_ID))).count();
        assertEquals(expected, responses.size());
        assertTrue(responses.stream().anyMatch(a -> ct.getString(Tag.SOP_INSTANCE_UID).equals(a.getString(Tag.SOP_INSTANCE_UID))));
    }

    @Test
    void getscuAgainstOurServer() throws Exception {
        Dcmtk.require("getscu");
        MemoryProvider p = archive();
        Attributes mr = DicomFiles.read(file("MR_small.dcm")).dataset();
        Path out = Files.createDirectories(work.resolve("get"));
        try (TestServer s = new TestServer(p)) {
            Dcmtk.Result r = Dcmtk.run(work, "getscu", "-S", "-aet", "DCMTK", "-aec", "TESTSCP", "-od", out.toString(),
                    "-k", "QueryRetrieveLevel=IMAGE", "-k", "SOPInstanceUID=" + mr.getString(Tag.SOP_INSTANCE_UID),
                    "127.0.0.1", String.valueOf(s.port()));
            assertEquals(0, r.exit(), r.output());
        }
        List<Path> got;
        try (Stream<Path> s = Files.list(out)) {
            got = s.toList();
        }
        assertEquals(1, got.size(), got.toString());
        DataSets.assertSame(mr, DicomFiles.read(got.get(0)).dataset(), "got");
    }

    @Test
    void movescuAgainstOurServer() throws Exception {
        Dcmtk.require("movescu");
        MemoryProvider p = archive();
        int movePort = Dcmtk.freePort();
        p.destinations.put("MOVESCU", new MoveDestination("127.0.0.1", movePort, "MOVESCU", false));
        Attributes ct = DicomFiles.read(file("CT_small.dcm")).dataset();
        Path out = Files.createDirectories(work.resolve("move"));
        try (TestServer s = new TestServer(p)) {
            Dcmtk.Result r = Dcmtk.run(work, "movescu", "-S", "-aet", "MOVESCU", "-aem", "MOVESCU", "-aec", "TESTSCP",
                    "--port", String.valueOf(movePort), "-od", out.toString(),
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + ct.getString(Tag.STUDY_INSTANCE_UID),
                    "127.0.0.1", String.valueOf(s.port()));
            assertEquals(0, r.exit(), r.output());
            assertFalse(r.output().contains("Failed"), r.output());
        }
        List<Path> got;
        try (Stream<Path> s = Files.list(out)) {
            got = s.toList();
        }
        assertEquals(1, got.size(), got.toString());
        DataSets.assertSame(ct, DicomFiles.read(got.get(0)).dataset(), "moved");
    }
}
