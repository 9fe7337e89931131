package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.net.Association;
import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.DicomClient;
import cn.yunying.dicom.net.DimseException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database goes away while a modality stores (without stopping the shared PostgreSQL server: the IT database's
 * CONNECT privilege is revoked and its sessions are terminated, then granted back). The peer must get a failure
 * status, the server must keep serving, and once the database is back the orphan-file cleanup must leave no file that
 * the index does not reference (including an orphan planted as a crash between rename and commit would leave it).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ArchiveResilienceIT {

    private static final String AE = "CLINIC1_CT";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void withTheDatabaseGoneAStoreFailsNothingIsLeftAndTheServerRecovers() throws Exception {
        String study = DicomObjects.uid();
        String before = DicomObjects.uid();
        assertEquals(0x0000, store(object(study, before)), "stored while the database is up");
        assertNotNull(YunyingEar.indexedBy(before));

        String during = DicomObjects.uid();
        int status;
        databaseAvailable(false);
        try {
            status = store(object(study, during));
        } finally {
            databaseAvailable(true);
        }
        assertEquals(0x0110, status, "processing failure: the index could not be written");
        assertNull(YunyingEar.indexedBy(during));

        // a crash between the rename and the index commit would leave this; and a stale temporary file
        Path root = Path.of(System.getProperty("it.storage"));
        Path orphan = root.resolve("ff/" + study + "/" + study + ".9/" + DicomObjects.uid() + ".0123456789abcdef.dcm");
        Files.createDirectories(orphan.getParent());
        String orphanUid = DicomObjects.uid();
        Files.write(orphan, DicomObjects.object("UTF-8", "王^五", "RES-1", study, study + ".9", orphanUid, "OT",
                "20240101", "orphan"));
        Path staleTemp = root.resolve(".incoming/" + DicomObjects.uid() + ".part");
        Files.createDirectories(staleTemp.getParent());
        Files.write(staleTemp, new byte[100]);
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minusSeconds(7200)));
        Files.setLastModifiedTime(staleTemp, FileTime.from(Instant.now().minusSeconds(7200)));

        HttpResponse<String> cleaned = post("/api/archive/storage-cleanup?minAgeSeconds=0", "admin");
        assertEquals(200, cleaned.statusCode(), cleaned.body());
        assertTrue(cleaned.body().contains(root.relativize(orphan).toString()), cleaned.body());
        assertFalse(Files.exists(orphan));
        assertFalse(Files.exists(staleTemp));
        assertEquals(Set.of(), unreferencedFiles(root), "every stored file is in the index");
        assertTrue(auditRecorded(), "the cleanup is in the audit trail");

        assertEquals(403, post("/api/archive/storage-cleanup", "clinic1-admin").statusCode(),
                "only a platform administrator may trigger it");
        assertEquals(0x0000, store(object(study, during)), "once the database is back the same object is stored");
        assertNotNull(YunyingEar.indexedBy(during));
    }

    private static int store(Attributes object) throws Exception {
        AssociationRequestSpec spec = new AssociationRequestSpec("YUNYING").callingAe(AE)
                .addContext(UID.SECONDARY_CAPTURE_IMAGE_STORAGE, UID.EXPLICIT_VR_LITTLE_ENDIAN);
        try (Association association = DicomClient.connect("127.0.0.1", YunyingEar.DICOM_PORT, spec)) {
            int status;
            try {
                status = association.store(object);
            } catch (DimseException failed) {
                status = failed.status();
            }
            association.release(); // the association survives a failed store
            return status;
        }
    }

    private static Attributes object(String study, String sop) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOP_CLASS_UID, VR.UI, UID.SECONDARY_CAPTURE_IMAGE_STORAGE);
        ds.setString(Tag.SOP_INSTANCE_UID, VR.UI, sop);
        ds.setString(Tag.STUDY_INSTANCE_UID, VR.UI, study);
        ds.setString(Tag.SERIES_INSTANCE_UID, VR.UI, study + ".1");
        ds.setString(Tag.PATIENT_ID, VR.LO, "RES-1");
        ds.setString(Tag.PATIENT_NAME, VR.PN, "王^五");
        ds.setString(Tag.MODALITY, VR.CS, "OT");
        ds.setBytes(Tag.PIXEL_DATA, VR.OW, new byte[2048]);
        return ds;
    }

    /** As the PostgreSQL superuser, on the maintenance database: the server itself stays up for everybody else. */
    private static void databaseAvailable(boolean available) throws Exception {
        String url = System.getProperty("it.db.url");
        String database = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection db = DriverManager.getConnection(admin, "postgres", ""); Statement s = db.createStatement()) {
            String quoted = "\"" + database.replace("\"", "\"\"") + "\"";
            String user = "\"" + System.getProperty("it.db.user").replace("\"", "\"\"") + "\"";
            if (available) {
                s.execute("GRANT CONNECT ON DATABASE " + quoted + " TO PUBLIC, " + user);
            } else {
                s.execute("REVOKE CONNECT ON DATABASE " + quoted + " FROM PUBLIC, " + user);
                try (ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = '" + database.replace("'", "''") + "' AND pid <> pg_backend_pid()")) {
                    rs.next();
                }
            }
        }
    }

    private static Set<String> unreferencedFiles(Path root) throws Exception {
        Set<String> files = new HashSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(p -> !p.startsWith(".incoming")).forEach(files::add);
        }
        try (Connection db = YunyingEar.database(); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT file_path FROM archive_instance")) {
            while (rs.next()) {
                files.remove(rs.getString(1));
            }
        }
        return files;
    }

    /** In the hash chain: the chainer links a committed record within a fraction of a second (5 s allowed here). */
    private static boolean auditRecorded() throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        do {
            try (Connection db = YunyingEar.database(); Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery(
                         "SELECT count(*) FROM audit_record WHERE action = 'ARCHIVE_STORAGE_CLEANUP'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return true;
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static HttpResponse<String> post(String path, String user) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + YunyingEar.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(YunyingEar.PORTAL + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
