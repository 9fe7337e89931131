package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.dicom.net.Association;
import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.CommitmentResult;
import cn.yunying.dicom.net.DicomClient;
import cn.yunying.dicom.net.FindResults;
import cn.yunying.dicom.net.SopReference;
import cn.yunying.dicom.net.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Query, retrieve and storage commitment against the running archive, by DCMTK's findscu, movescu and getscu and by
 * our toolkit: a clinic finds and retrieves its own study (with a Chinese patient name), never another clinic's, and
 * C-MOVE goes only to its own registered destination (DEMO_PACS, here a DCMTK storescp).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DicomQueryRetrieveIT {

    private static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    private static final String CLINIC1 = "CLINIC1_CT";
    private static final String CLINIC2 = "CLINIC2_MR";
    private static final int DEMO_PACS_PORT = 11113;

    private static String study;
    private static String instance;
    private static String patientId;
    private static Path work;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @BeforeAll
    static void clinicOneStoresAStudy() throws Exception {
        study = DicomObjects.uid();
        instance = DicomObjects.uid();
        patientId = "QR-" + study.substring(study.length() - 8);
        work = Files.createTempDirectory("yunying-qr");
        Path file = work.resolve("object.dcm");
        Files.write(file, DicomObjects.object("GB18030", "王^小明", patientId, study, DicomObjects.uid(), instance,
                "CT", "20250301", "query retrieve"));
        try (Association association = connect(CLINIC1, UID.SECONDARY_CAPTURE_IMAGE_STORAGE)) {
            assertEquals(Status.SUCCESS, association.store(file));
            association.release();
        }
    }

    @Test
    void dcmtkFindscuFindsTheStudyOfItsInstitutionOnly() throws Exception {
        Dcmtk.Run own = Dcmtk.run("findscu", "-S", "-aet", CLINIC1, "-aec", "YUNYING", "-k", "QueryRetrieveLevel=STUDY",
                "-k", "PatientID=" + patientId, "-k", "StudyInstanceUID", "-k", "PatientName", "127.0.0.1", Dcmtk.archivePort());
        assertEquals(0, own.exitCode(), own.output());
        assertTrue(own.output().contains(study), own.output());
        Dcmtk.Run other = Dcmtk.run("findscu", "-S", "-aet", CLINIC2, "-aec", "YUNYING", "-k", "QueryRetrieveLevel=STUDY",
                "-k", "PatientID=" + patientId, "-k", "StudyInstanceUID", "127.0.0.1", Dcmtk.archivePort());
        assertEquals(0, other.exitCode(), other.output());
        assertTrue(!other.output().contains(study), "clinic 2 does not see clinic 1's study: " + other.output());
    }

    @Test
    void ourFindReturnsTheChineseNameAndWildcardsMatch() throws Exception {
        Attributes keys = new Attributes();
        keys.setString(0x00080052, VR.CS, "STUDY");
        keys.setString(Tag.PATIENT_NAME, VR.PN, "王*");
        keys.setString(Tag.PATIENT_ID, VR.LO, patientId);
        keys.setString(Tag.STUDY_INSTANCE_UID, VR.UI, "");
        keys.setString(Tag.STUDY_DATE, VR.DA, "20250101-20251231");
        List<Attributes> matches = new ArrayList<>();
        try (Association association = connect(CLINIC1, STUDY_ROOT_FIND); FindResults results =
                association.find(STUDY_ROOT_FIND, keys)) {
            for (Attributes match = results.next(); match != null; match = results.next()) {
                matches.add(match);
            }
            assertEquals(Status.SUCCESS, results.status());
        }
        assertEquals(1, matches.size(), matches.toString());
        assertEquals(study, matches.get(0).getString(Tag.STUDY_INSTANCE_UID));
        assertEquals("王^小明", matches.get(0).getString(Tag.PATIENT_NAME));
    }

    @Test
    void movescuSendsTheStudyToTheClinicsOwnPacsAndNowhereElse() throws Exception {
        Path received = Files.createDirectories(work.resolve("demo-pacs"));
        Process pacs = new ProcessBuilder("storescp", "+xa", "-aet", "DEMO_PACS", "-od", received.toString(),
                Integer.toString(DEMO_PACS_PORT)).redirectErrorStream(true).redirectOutput(work.resolve("storescp.log")
                .toFile()).start();
        try {
            Thread.sleep(500);
            Dcmtk.Run moved = Dcmtk.run("movescu", "-S", "-aet", CLINIC1, "-aec", "YUNYING", "-aem", "DEMO_PACS",
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study, "127.0.0.1", Dcmtk.archivePort());
            assertEquals(0, moved.exitCode(), moved.output());
            Path copy = receivedInstance(received);
            assertTrue(copy != null, "DEMO_PACS received " + instance);
            assertEquals(DicomFiles.readDataSet(work.resolve("object.dcm")), DicomFiles.readDataSet(copy),
                    "the data set arrives at the PACS exactly as the modality sent it");

            Dcmtk.Run elsewhere = Dcmtk.run("movescu", "-S", "-aet", CLINIC1, "-aec", "YUNYING", "-aem", "SOMEWHERE",
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study, "127.0.0.1", Dcmtk.archivePort());
            assertTrue(elsewhere.output().contains("MoveDestinationUnknown"),
                    elsewhere.output());
            Dcmtk.Run foreign = Dcmtk.run("movescu", "-S", "-aet", CLINIC2, "-aec", "YUNYING", "-aem", "DEMO_PACS",
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study, "127.0.0.1", Dcmtk.archivePort());
            assertTrue(foreign.output().contains("MoveDestinationUnknown"),
                    "clinic 2 may not move into clinic 1's PACS: " + foreign.output());
        } finally {
            pacs.destroy();
            pacs.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anAdministratorTestsTheConnectionToARegisteredPacsThroughThePooledConnector() throws Exception {
        String echo = YunyingEar.PORTAL + "/api/institutions/aes/DEMO_PACS/echo";
        String down = YunyingEar.postForm(echo, "clinic1-admin").body();
        assertTrue(down.contains("\"reachable\":false") && down.contains("\"problem\":"), down);

        Process pacs = new ProcessBuilder("storescp", "-aet", "DEMO_PACS", Integer.toString(DEMO_PACS_PORT))
                .redirectErrorStream(true).redirectOutput(work.resolve("echo-scp.log").toFile()).start();
        try {
            Thread.sleep(500);
            for (int i = 0; i < 2; i++) {
                String up = YunyingEar.postForm(echo, "clinic1-admin").body();
                assertTrue(up.contains("\"reachable\":true"), up);
            }
            assertEquals(403, YunyingEar.postForm(echo, "clinic2-admin").statusCode(),
                    "another institution's administrator may not probe clinic 1's PACS");
            assertEquals(404, YunyingEar.postForm(YunyingEar.PORTAL + "/api/institutions/aes/NOBODY/echo", "admin")
                    .statusCode());
        } finally {
            pacs.destroy();
            pacs.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void getscuRetrievesTheInstanceOnItsOwnAssociation() throws Exception {
        Path into = Files.createDirectories(work.resolve("get"));
        Dcmtk.Run got = Dcmtk.run("getscu", "-S", "-aet", CLINIC1, "-aec", "YUNYING", "-od", into.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study, "127.0.0.1", Dcmtk.archivePort());
        assertEquals(0, got.exitCode(), got.output());
        assertTrue(receivedInstance(into) != null, "getscu wrote " + instance + " into " + into);
    }

    @Test
    void storageCommitmentConfirmsWhatIsHeldAndNamesWhatIsNot() throws Exception {
        SopReference held = new SopReference(UID.SECONDARY_CAPTURE_IMAGE_STORAGE, instance);
        SopReference missing = new SopReference(UID.SECONDARY_CAPTURE_IMAGE_STORAGE, DicomObjects.uid());
        CommitmentResult result;
        try (Association association = connect(CLINIC1, "1.2.840.10008.1.20.1")) {
            result = association.requestCommitment(List.of(held, missing));
            association.release();
        }
        assertEquals(List.of(held), result.committed());
        assertEquals(CommitmentResult.NO_SUCH_OBJECT_INSTANCE, result.failed().get(missing));
    }

    /** The file in {@code folder} holding our instance, or null. */
    private static Path receivedInstance(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (instance.equals(DicomFiles.readHeader(file).dataset().getString(Tag.SOP_INSTANCE_UID))) {
                    return file;
                }
            }
        }
        return null;
    }

    private static Association connect(String callingAe, String abstractSyntax) throws Exception {
        return DicomClient.connect("127.0.0.1", YunyingEar.DICOM_PORT, new AssociationRequestSpec("YUNYING")
                .callingAe(callingAe).addContext(abstractSyntax, UID.EXPLICIT_VR_LITTLE_ENDIAN,
                        UID.IMPLICIT_VR_LITTLE_ENDIAN));
    }

}
