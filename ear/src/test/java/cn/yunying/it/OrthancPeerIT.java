package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Orthanc as a second peer of the archive (issue 5): its AE is registered to clinic 1 as a C-MOVE destination (and so
 * may also store and retrieve as clinic 1); a study goes from Yunying into Orthanc by DCMTK movescu and by Orthanc's
 * own C-MOVE, and a study that only Orthanc holds comes back by Orthanc's C-STORE. Each copy is compared with the
 * original: the data set bytes after the file meta information, which every receiver writes anew (PS3.10 7.1).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrthancPeerIT {

    private static final String CLINIC1_AE = "CLINIC1_CT";
    private static final String CLINIC2_AE = "CLINIC2_MR";

    private static OrthancPeer orthanc;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    /** Orthanc on its own ports, under a fresh AE title registered to clinic 1 with that host and port. */
    @BeforeAll
    static void startOrthancAndRegisterIt() throws Exception {
        String aeTitle = "ORTHANC" + (System.nanoTime() % 100_000_000L + 100_000_000L);
        orthanc = OrthancPeer.start(aeTitle.substring(0, 16));
        String clinic1 = YunyingEar.institutionId("CLINIC1");
        try (Connection db = YunyingEar.database(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO registered_ae (id, institution_id, ae_title, host, port, move_destination, version) "
                        + "VALUES (nextval('registered_ae_seq'), ?, ?, '127.0.0.1', ?, TRUE, 1)")) {
            insert.setLong(1, Long.parseLong(clinic1));
            insert.setString(2, orthanc.aeTitle);
            insert.setInt(3, orthanc.dicomPort);
            assertEquals(1, insert.executeUpdate());
        }
    }

    @AfterAll
    static void stopOrthanc() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Test
    void movescuMovesAStudyFromYunyingIntoOrthancUnchanged() throws Exception {
        String study = DicomObjects.uid();
        String patientId = "OR-" + Math.abs(study.hashCode());
        Map<String, byte[]> originals = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            String sop = DicomObjects.uid();
            originals.put(sop, TestImages.gradient("周^奥森", patientId, study, DicomObjects.uid(), sop, "CT"));
        }
        assertEquals(200, DicomObjects.stow("clinic1-tech", originals.values().toArray(new byte[0][])).statusCode());

        Dcmtk.Run moved = Dcmtk.run("movescu", "-S", "-aet", CLINIC1_AE, "-aec", "YUNYING", "-aem", orthanc.aeTitle,
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study, "127.0.0.1",
                Dcmtk.archivePort());
        assertEquals(0, moved.exitCode(), moved.output());
        expectInOrthanc(originals);
        String name = OrthancPeer.unescape(orthanc.get("/instances/"
                + orthanc.instanceId(originals.keySet().iterator().next()) + "/simplified-tags").body());
        assertTrue(name.contains("周^奥森"), "the Chinese name as Orthanc reads it: " + name);

        Dcmtk.Run foreign = Dcmtk.run("movescu", "-S", "-aet", CLINIC2_AE, "-aec", "YUNYING", "-aem",
                orthanc.aeTitle, "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study, "127.0.0.1",
                Dcmtk.archivePort());
        assertTrue(foreign.output().contains("MoveDestinationUnknown"),
                "clinic 2 may not move into clinic 1's Orthanc: " + foreign.output());
    }

    @Test
    void orthancRetrievesAStudyFromYunyingWithItsOwnCMove() throws Exception {
        String study = DicomObjects.uid();
        String sop = DicomObjects.uid();
        byte[] original = TestImages.gradient("吴^检索", "OM-" + Math.abs(study.hashCode()), study, DicomObjects.uid(),
                sop, "MR");
        assertEquals(200, DicomObjects.stow("clinic1-tech", original).statusCode());
        assertNull(orthanc.instanceId(sop), "not in Orthanc before the move");

        HttpResponse<String> move = orthanc.post("/modalities/yunying/move", """
                {"Level": "Study", "Resources": [{"StudyInstanceUID": "%s"}], "TargetAet": "%s"}
                """.formatted(study, orthanc.aeTitle));
        assertEquals(200, move.statusCode(), move.body() + "\n" + orthanc.log());
        expectInOrthanc(Map.of(sop, original));
    }

    @Test
    void aStudyOnlyOrthancHoldsComesBackByCStoreAndIsIndexedForClinic1() throws Exception {
        String study = DicomObjects.uid();
        String series = DicomObjects.uid();
        String sop = DicomObjects.uid();
        byte[] original = TestImages.gradient("郑^回传", "OB-" + Math.abs(study.hashCode()), study, series, sop, "DX");
        HttpResponse<String> uploaded = orthanc.post("/instances", original);
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        assertNull(YunyingEar.indexedBy(sop), "Yunying does not hold it yet");

        HttpResponse<String> sent = orthanc.post("/modalities/yunying/store", orthanc.instanceId(sop));
        assertEquals(200, sent.statusCode(), sent.body() + "\n" + orthanc.log());
        assertEquals("AE:" + orthanc.aeTitle, YunyingEar.indexedBy(sop));

        String path = "/dicomweb/studies/" + study + "/series/" + series + "/instances/" + sop;
        HttpResponse<byte[]> retrieved = DicomObjects.getBytes(path, "clinic1-rad");
        assertEquals(200, retrieved.statusCode());
        List<byte[]> parts = DicomObjects.parts(retrieved.body(),
                retrieved.headers().firstValue("Content-Type").orElse(""));
        assertEquals(1, parts.size());
        assertEquals(sha256(dataSet(original)), sha256(dataSet(parts.get(0))),
                "the data set Orthanc sent is stored and retrieved unchanged");
        String found = DicomObjects.get("/dicomweb/studies?StudyInstanceUID=" + study, "clinic1-rad").body();
        assertTrue(found.contains("郑^回传"), found);
        assertEquals(404, DicomObjects.getBytes(path, "clinic2-rad").statusCode(), "clinic 2 does not see it");
    }

    /** Each original is in Orthanc, its data set byte for byte. */
    private static void expectInOrthanc(Map<String, byte[]> originals) throws Exception {
        for (Map.Entry<String, byte[]> original : originals.entrySet()) {
            String id = orthanc.instanceId(original.getKey());
            assertNotNull(id, original.getKey() + " arrived in Orthanc\n" + orthanc.log());
            HttpResponse<byte[]> file = orthanc.getBytes("/instances/" + id + "/file");
            assertEquals(200, file.statusCode());
            assertEquals(sha256(dataSet(original.getValue())), sha256(dataSet(file.body())),
                    "data set of " + original.getKey() + " as sent to Yunying");
        }
    }

    /**
     * The bytes after the file meta information of a Part 10 file (preamble, "DICM", group 0002 in explicit VR little
     * endian).
     */
    static byte[] dataSet(byte[] part10) {
        assertEquals("DICM", new String(part10, 128, 4, StandardCharsets.US_ASCII));
        ByteBuffer buffer = ByteBuffer.wrap(part10).order(ByteOrder.LITTLE_ENDIAN);
        int at = 132;
        Set<String> longVrs = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
        while (at + 8 <= part10.length && buffer.getShort(at) == 0x0002) {
            String vr = new String(part10, at + 4, 2, StandardCharsets.US_ASCII);
            if (longVrs.contains(vr)) {
                at += 12 + buffer.getInt(at + 8);
            } else {
                at += 8 + Short.toUnsignedInt(buffer.getShort(at + 6));
            }
        }
        return java.util.Arrays.copyOfRange(part10, at, part10.length);
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
