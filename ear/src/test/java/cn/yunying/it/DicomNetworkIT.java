package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.PersonName;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.net.Association;
import cn.yunying.dicom.net.AssociationRejectedException;
import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.DicomClient;
import cn.yunying.dicom.net.Status;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The archive on the network, as modalities and clinic PACS see it: DCMTK's echoscu and storescu (Debian) and our own
 * toolkit as SCUs, on the plain port and on DICOM TLS. What is acknowledged must be indexed; what is refused must
 * leave nothing behind.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DicomNetworkIT {

    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final String REGISTERED_AE = "CLINIC1_CT";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void dcmtkEchoesAsARegisteredAeButAnUnknownCallingAeAndAWrongCalledAeAreRejected() throws Exception {
        assertEquals(0, Dcmtk.run("echoscu", "-aet", REGISTERED_AE, "-aec", "YUNYING", "127.0.0.1", Dcmtk.archivePort()).exitCode(),
                "C-ECHO from a registered AE");
        Dcmtk.Run unknown = Dcmtk.run("echoscu", "-aet", "SOME_LAPTOP", "-aec", "YUNYING", "127.0.0.1", Dcmtk.archivePort());
        assertNotEquals(0, unknown.exitCode(), "an unknown calling AE is refused");
        assertTrue(unknown.output().contains("Calling AE Title Not Recognized"), unknown.output());
        Dcmtk.Run wrongCalled = Dcmtk.run("echoscu", "-aet", REGISTERED_AE, "-aec", "NOT_US", "127.0.0.1", Dcmtk.archivePort());
        assertNotEquals(0, wrongCalled.exitCode());
        assertTrue(wrongCalled.output().contains("Called AE Title Not Recognized"), wrongCalled.output());
    }

    @Test
    void dcmtkStoresCompressedAndUncompressedObjectsThatAreThenIndexed() throws Exception {
        List<String> files = List.of("CT_small.dcm", "MR_small_jpeg_ls_lossless.dcm", "JPEG2000.dcm", "SC_rgb_rle.dcm");
        List<String> args = new ArrayList<>(List.of("dcmsend", "-aet", REGISTERED_AE, "-aec", "YUNYING",
                "127.0.0.1", Dcmtk.archivePort()));
        files.forEach(f -> args.add(PYDICOM.resolve(f).toString()));
        Dcmtk.Run sent = Dcmtk.run(args.toArray(String[]::new));
        assertEquals(0, sent.exitCode(), sent.output());
        for (String file : files) {
            String uid = sopInstanceUid(PYDICOM.resolve(file));
            assertNotNull(YunyingEar.indexedBy(uid), file + " (" + uid + ") is indexed once acknowledged");
        }
    }

    @Test
    void anUnknownAeCannotStoreAndNothingIsKept() throws Exception {
        Path file = PYDICOM.resolve("MR_small.dcm");
        Dcmtk.Run refused = Dcmtk.run("storescu", "-aet", "SOME_LAPTOP", "-aec", "YUNYING", "127.0.0.1", Dcmtk.archivePort(),
                file.toString());
        assertNotEquals(0, refused.exitCode(), refused.output());
        String storedBy = YunyingEar.indexedBy(sopInstanceUid(file));
        assertTrue(storedBy == null || storedBy.startsWith("AE:CLINIC"),
                "the unknown AE stored nothing");
    }

    @Test
    void aChineseNameStoredByOurToolkitOverTlsIsIndexedAsSent() throws Exception {
        String uid = "2.25." + Math.abs(System.nanoTime());
        Attributes ct = new Attributes();
        ct.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "GB18030");
        ct.setString(Tag.SOP_CLASS_UID, VR.UI, UID.SECONDARY_CAPTURE_IMAGE_STORAGE);
        ct.setString(Tag.SOP_INSTANCE_UID, VR.UI, uid);
        ct.setString(Tag.STUDY_INSTANCE_UID, VR.UI, uid + ".1");
        ct.setString(Tag.SERIES_INSTANCE_UID, VR.UI, uid + ".2");
        ct.setPersonName(Tag.PATIENT_NAME, PersonName.parse("张^三丰"));
        ct.setString(Tag.PATIENT_ID, VR.LO, "TLS-" + uid.substring(uid.length() - 6));
        ct.setString(Tag.MODALITY, VR.CS, "OT");

        AssociationRequestSpec spec = new AssociationRequestSpec("YUNYING").callingAe(REGISTERED_AE)
                .addContext(UID.SECONDARY_CAPTURE_IMAGE_STORAGE, UID.EXPLICIT_VR_LITTLE_ENDIAN)
                .tls(trustingTheItServer());
        try (Association association = DicomClient.connect("127.0.0.1", YunyingEar.DICOM_TLS_PORT, spec)) {
            assertEquals(Status.SUCCESS, association.store(ct));
            association.release();
        }
        assertNotNull(YunyingEar.indexedBy(uid));
        try (Connection db = YunyingEar.database(); PreparedStatement q = db.prepareStatement(
                "SELECT p.patient_name FROM archive_instance i JOIN archive_series s ON i.series_pk = s.id "
                        + "JOIN archive_study st ON s.study_pk = st.id JOIN archive_patient p ON st.patient_pk = p.id "
                        + "WHERE i.sop_instance_uid = ?")) {
            q.setString(1, uid);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("张^三丰", rs.getString(1));
            }
        }
    }

    @Test
    void dcmtkStorescuStoresOverTls() throws Exception {
        Path file = PYDICOM.resolve("MR_small.dcm");
        Dcmtk.Run sent = Dcmtk.run("storescu", "+tla", "-ic", "-aet", REGISTERED_AE, "-aec", "YUNYING", "127.0.0.1",
                Integer.toString(YunyingEar.DICOM_TLS_PORT), file.toString());
        assertEquals(0, sent.exitCode(), sent.output());
        assertNotNull(YunyingEar.indexedBy(sopInstanceUid(file)));
        Dcmtk.Run plain = Dcmtk.run("echoscu", "-aet", REGISTERED_AE, "-aec", "YUNYING", "-to", "5", "127.0.0.1",
                Integer.toString(YunyingEar.DICOM_TLS_PORT));
        assertTrue(plain.exitCode() != 0, "plain TCP on the TLS port is no association: " + plain.output());
    }

    @Test
    void plainTcpOnTheTlsPortIsNotAnAssociation() {
        AssociationRequestSpec spec = new AssociationRequestSpec("YUNYING").callingAe(REGISTERED_AE)
                .addContext(UID.VERIFICATION);
        assertThrows(Exception.class, () -> DicomClient.connect("127.0.0.1", YunyingEar.DICOM_TLS_PORT, spec).echo());
    }

    @Test
    void ourToolkitIsRejectedWhenItCallsAnotherAe() {
        AssociationRequestSpec spec = new AssociationRequestSpec("ELSEWHERE").callingAe(REGISTERED_AE)
                .addContext(UID.VERIFICATION);
        assertThrows(AssociationRejectedException.class,
                () -> DicomClient.connect("127.0.0.1", YunyingEar.DICOM_PORT, spec));
    }


    /** Trusts exactly the integration-test server's self-signed certificate. */
    private static SSLContext trustingTheItServer() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(System.getProperty("it.tls.keystore"))) {
            store.load(in, "yunying-it".toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("it-server", store.getCertificate("yunying"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String sopInstanceUid(Path file) throws Exception {
        return cn.yunying.dicom.io.DicomFiles.readHeader(file).dataset().getString(Tag.SOP_INSTANCE_UID);
    }
}
