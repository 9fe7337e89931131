package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An institution administrator registers a DICOM node through the REST API (the portal page calls the same service):
 * before, the modality cannot store; once registered it stores and its images belong to the institution; once removed
 * it is refused again. Another institution's administrator is refused, bad input is a 400/409, every change audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AeRegistryIT {

    private static final String API = YunyingEar.PORTAL + "/api/institutions/";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void aRegisteredNodeMayStoreUntilItIsRemoved() throws Exception {
        String clinic1 = YunyingEar.institutionId("CLINIC1");
        String title = "NEWCT" + (System.nanoTime() % 100_000);
        String study = DicomObjects.uid();
        String sop = DicomObjects.uid();
        Path file = Files.createTempFile("ae-registry", ".dcm");
        Files.write(file, TestImages.gradient("孙^登记", "AR-" + sop.hashCode(), study, DicomObjects.uid(), sop, "CT"));

        assertNotEquals(0, store(title, file).exitCode(), "an unregistered AE cannot store");
        assertNull(YunyingEar.indexedBy(sop));

        HttpResponse<String> registered = YunyingEar.sendJson("POST", API + clinic1 + "/aes", "clinic1-admin",
                "{\"aeTitle\":\"" + title + "\",\"host\":\"127.0.0.1\",\"port\":null,\"moveDestination\":false}");
        assertEquals(201, registered.statusCode(), registered.body());
        assertTrue(YunyingEar.sendJson("GET", API + clinic1 + "/aes", "clinic1-admin", null).body().contains(title));

        Dcmtk.Run stored = store(title, file);
        assertEquals(0, stored.exitCode(), stored.output());
        assertEquals("AE:" + title, YunyingEar.indexedBy(sop));

        assertEquals(204, YunyingEar.sendJson("DELETE", API + clinic1 + "/aes/" + title, "clinic1-admin", null)
                .statusCode());
        assertNotEquals(0, store(title, file).exitCode(), "a removed AE is refused at once (no stale cache)");

        String audit = YunyingEar.get(YunyingEar.PORTAL + "/api/audit?actor=clinic1-admin", "auditor",
                YunyingEar.DEMO_PASSWORD).body();
        assertTrue(audit.contains("AE_REGISTERED") && audit.contains("AE_REMOVED") && audit.contains("clinic1-admin"),
                audit);
    }

    @Test
    void onlyTheInstitutionsAdministratorsManageItsNodesAndBadInputIsRefused() throws Exception {
        String clinic1 = YunyingEar.institutionId("CLINIC1");
        String title = "OTHER" + (System.nanoTime() % 100_000);
        String body = "{\"aeTitle\":\"" + title + "\",\"host\":\"10.0.0.8\",\"port\":104,\"moveDestination\":true}";
        assertEquals(403, YunyingEar.sendJson("POST", API + clinic1 + "/aes", "clinic2-admin", body).statusCode());
        assertEquals(403, YunyingEar.sendJson("GET", API + clinic1 + "/aes", "clinic2-admin", null).statusCode());
        assertEquals(403, YunyingEar.sendJson("GET", API + clinic1 + "/aes", "clinic1-rad", null).statusCode());

        assertEquals(400, YunyingEar.sendJson("POST", API + clinic1 + "/aes", "clinic1-admin",
                "{\"aeTitle\":\"A_TITLE_LONGER_THAN_16\",\"host\":\"10.0.0.8\",\"moveDestination\":false}").statusCode());
        assertEquals(400, YunyingEar.sendJson("POST", API + clinic1 + "/aes", "clinic1-admin",
                "{\"aeTitle\":\"" + title + "\",\"host\":\"evil host; rm\",\"moveDestination\":false}").statusCode());
        assertEquals(400, YunyingEar.sendJson("POST", API + clinic1 + "/aes", "clinic1-admin",
                "{\"aeTitle\":\"" + title + "\",\"host\":\"10.0.0.8\",\"moveDestination\":true}").statusCode(),
                "a move destination needs a port");
        assertEquals(409, YunyingEar.sendJson("POST", API + clinic1 + "/aes", "clinic1-admin",
                "{\"aeTitle\":\"CLINIC2_MR\",\"host\":\"10.0.0.8\",\"moveDestination\":false}").statusCode(),
                "another institution's title is taken");

        assertEquals(201, YunyingEar.sendJson("POST", API + clinic1 + "/aes", "admin", body).statusCode(),
                "a platform administrator may register for any institution");
        assertEquals(404, YunyingEar.sendJson("DELETE", API + YunyingEar.institutionId("CLINIC2") + "/aes/" + title,
                "clinic2-admin", null).statusCode(), "the node is not CLINIC2's");
        assertEquals(204, YunyingEar.sendJson("DELETE", API + clinic1 + "/aes/" + title, "clinic1-admin", null)
                .statusCode());
    }

    private static Dcmtk.Run store(String callingAe, Path file) throws Exception {
        return Dcmtk.run("storescu", "-aet", callingAe, "-aec", "YUNYING", "127.0.0.1", Dcmtk.archivePort(),
                file.toString());
    }
}
