package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.yunying.dicom.TestFiles;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our SCU against Orthanc 1.10 (Debian's /usr/sbin/Orthanc, which uses DCMTK's network library): C-ECHO,
 * C-STORE of pydicom files, study-level C-FIND by Patient ID, and C-MOVE of a study from Orthanc into a
 * DicomServer of ours. Orthanc runs with a configuration of its own under target/orthanc/ and is
 * killed through its Process handle afterwards. Without Orthanc the tests fail (never skip).
 */
@Timeout(180)
class OrthancInteropTest {
    static final Path ORTHANC = Path.of(System.getProperty("yunying.orthanc", "/usr/sbin/Orthanc"));
    static final String ORTHANC_AE = "ORTHANC";
    static final String OUR_SCU = "YUNYINGSCU";
    static final String OUR_SCP = "YUNYINGSCP";
    static final List<String> FILES = List.of("CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "waveform_ecg.dcm");

    private static Process orthanc;
    private static Path work;
    private static int dicomPort;
    private static TestServer receiver;
    private static MemoryProvider received;

    @BeforeAll
    static void startOrthanc() throws Exception {
        if (!Files.isExecutable(ORTHANC)) {
            fail("Orthanc not found at " + ORTHANC + " (bin/verify installs it: apt-get install orthanc)");
        }
        work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "orthanc")), "run").toAbsolutePath();
        received = new MemoryProvider();
        receiver = new TestServer(ServerConfig.builder(OUR_SCP).bindAddress("127.0.0.1").build(), received);
        dicomPort = Dcmtk.freePort();
        int httpPort = Dcmtk.freePort();
        String config = """
                {
                  "Name": "yunying-interop",
                  "StorageDirectory": "%s",
                  "IndexDirectory": "%s",
                  "DicomAet": "%s",
                  "DicomPort": %d,
                  "HttpPort": %d,
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false,
                  "DicomAlwaysAllowEcho": true,
                  "DicomAlwaysAllowStore": true,
                  "DicomAlwaysAllowFind": true,
                  "DicomAlwaysAllowMove": true,
                  "DicomCheckCalledAet": false,
                  "DicomModalities": {
                    "scu": ["%s", "127.0.0.1", %d],
                    "scp": ["%s", "127.0.0.1", %d]
                  },
                  "Plugins": []
                }
                """.formatted(work.resolve("storage"), work.resolve("index"), ORTHANC_AE, dicomPort, httpPort,
                OUR_SCU, receiver.port(), OUR_SCP, receiver.port());
        Path configFile = work.resolve("orthanc.json");
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(ORTHANC.toString(), configFile.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("orthanc.log").toFile());
        pb.environment().put("TCP_NODELAY", "1");
        orthanc = pb.start();
        awaitEcho();
    }

    /** Waits (at most 60 s) until Orthanc answers C-ECHO; fails at once if it exits. */
    private static void awaitEcho() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!orthanc.isAlive()) {
                fail("Orthanc exited with " + orthanc.exitValue() + ": " + log());
            }
            try (Association as = DicomClient.connect("127.0.0.1", dicomPort, spec().addContext(UID.VERIFICATION))) {
                as.echo();
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        fail("Orthanc did not answer C-ECHO within 60 s (" + last + "): " + log());
    }

    private static String log() throws IOException {
        Path f = work.resolve("orthanc.log");
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "(no log)";
    }

    @AfterAll
    static void stopOrthanc() throws Exception {
        if (orthanc != null) {
            orthanc.destroy();
            if (!orthanc.waitFor(20, TimeUnit.SECONDS)) {
                orthanc.destroyForcibly();
                orthanc.waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private static AssociationRequestSpec spec() {
        return new AssociationRequestSpec(ORTHANC_AE).callingAe(OUR_SCU)
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    /** Stores {@link #FILES} (each in its own transfer syntax) and returns their data sets. */
    private static List<Attributes> storeAll() throws IOException {
        List<Attributes> sent = new java.util.ArrayList<>();
        AssociationRequestSpec spec = spec();
        Set<String> classes = new HashSet<>();
        for (String name : FILES) {
            Attributes ds = DicomFiles.read(TestFiles.testFile(name)).dataset();
            sent.add(ds);
            if (classes.add(ds.getString(Tag.SOP_CLASS_UID))) {
                spec.addContext(ds.getString(Tag.SOP_CLASS_UID));
            }
        }
        try (Association as = DicomClient.connect("127.0.0.1", dicomPort, spec)) {
            for (String name : FILES) {
                assertEquals(Status.SUCCESS, as.store(TestFiles.testFile(name)), name);
            }
        }
        return sent;
    }

    @Test
    void echo() throws Exception {
        try (Association as = DicomClient.connect("127.0.0.1", dicomPort, spec().addContext(UID.VERIFICATION))) {
            as.echo();
        }
    }

    @Test
    void storeThenFindStudiesByPatientId() throws Exception {
        List<Attributes> sent = storeAll();
        for (Attributes ds : sent) {
            String patientId = ds.getString(Tag.PATIENT_ID);
            Set<String> expected = new TreeSet<>();
            for (Attributes other : sent) {
                if (patientId.equals(other.getString(Tag.PATIENT_ID))) {
                    expected.add(other.getString(Tag.STUDY_INSTANCE_UID));
                }
            }
            Attributes keys = new Attributes();
            keys.setString(0x00080052, VR.CS, "STUDY");
            keys.setString(Tag.PATIENT_ID, VR.LO, patientId);
            keys.setString(Tag.STUDY_INSTANCE_UID, VR.UI, "");
            keys.setString(0x00201208, VR.IS, ""); // Number of Study Related Instances
            Set<String> found = new TreeSet<>();
            try (Association as = DicomClient.connect("127.0.0.1", dicomPort, spec().addContext(ServiceClasses.STUDY_ROOT_FIND));
                 FindResults r = as.find(ServiceClasses.STUDY_ROOT_FIND, keys)) {
                for (Attributes m; (m = r.next()) != null; ) {
                    assertEquals(patientId, m.getString(Tag.PATIENT_ID), "match of " + patientId + ": " + m);
                    found.add(m.getString(Tag.STUDY_INSTANCE_UID));
                }
            }
            assertEquals(expected, found, "studies of patient " + patientId);
        }
    }

    @Test
    void moveStudyFromOrthancIntoOurServer() throws Exception {
        List<Attributes> sent = storeAll();
        Attributes ct = sent.get(0);
        String study = ct.getString(Tag.STUDY_INSTANCE_UID);
        List<Attributes> inStudy = sent.stream().filter(a -> study.equals(a.getString(Tag.STUDY_INSTANCE_UID))).toList();
        Attributes keys = new Attributes();
        keys.setString(0x00080052, VR.CS, "STUDY");
        keys.setString(Tag.STUDY_INSTANCE_UID, VR.UI, study);
        RetrieveResult result;
        try (Association as = DicomClient.connect("127.0.0.1", dicomPort, spec().addContext(ServiceClasses.STUDY_ROOT_MOVE))) {
            result = as.move(ServiceClasses.STUDY_ROOT_MOVE, OUR_SCP, keys);
        }
        assertEquals(Status.SUCCESS, result.status(), result.toString());
        assertEquals(inStudy.size(), result.completed(), result.toString());
        assertEquals(0, result.failed(), result.toString());
        for (Attributes expected : inStudy) {
            String iuid = expected.getString(Tag.SOP_INSTANCE_UID);
            DataSets.assertSame(expected, received.stored.get(iuid), "moved " + iuid);
            assertEquals(ORTHANC_AE, received.lastAssociation.callingAe());
        }
        assertTrue(received.stored.keySet().containsAll(inStudy.stream().map(a -> a.getString(Tag.SOP_INSTANCE_UID)).toList()));
    }
}
