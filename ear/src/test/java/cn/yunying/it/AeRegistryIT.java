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
        assertEquals(403, YunyingEar.sendJson("POST", API + clinic1 + "/aes", "hub-admin", body).statusCode());
        assertEquals(403, YunyingEar.sendJson("GET", API + clinic1 + "/aes", "hub-admin", null).statusCode());
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
        assertEquals(404, YunyingEar.sendJson("DELETE", API + YunyingEar.institutionId("HUB") + "/aes/" + title,
                "hub-admin", null).statusCode(), "the node is not the hub's");
        assertEquals(204, YunyingEar.sendJson("DELETE", API + clinic1 + "/aes/" + title, "clinic1-admin", null)
                .statusCode());
    }

    @Test
    void aNodePinnedToItsCertificateIsAcceptedOnlyOverTlsWithThatCertificate() throws Exception {
        String clinic1 = YunyingEar.institutionId("CLINIC1");
        String title = "TLSCT" + (System.nanoTime() % 100_000);
        Path dir = Files.createTempDirectory("ae-pinning");
        Path[] own = clientCertificate(dir, "own", title);
        Path[] other = clientCertificate(dir, "other", title);
        String pem = Files.readString(own[1]).replace("\n", "\\n");
        HttpResponse<String> registered = YunyingEar.sendJson("POST", API + clinic1 + "/aes", "clinic1-admin",
                "{\"aeTitle\":\"" + title + "\",\"host\":\"127.0.0.1\",\"moveDestination\":false,"
                        + "\"tlsCertificatePem\":\"" + pem + "\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        assertTrue(registered.body().contains("CN=" + title), registered.body());

        String sop = DicomObjects.uid();
        Path file = dir.resolve("ct.dcm");
        Files.write(file, TestImages.gradient("周^证书", "TP-" + sop.hashCode(), DicomObjects.uid(), DicomObjects.uid(),
                sop, "CT"));
        assertNotEquals(0, store(title, file).exitCode(), "plain TCP: the pinned AE title is refused");
        assertNotEquals(0, storeTls(title, other, file).exitCode(), "another certificate is refused");
        assertNull(YunyingEar.indexedBy(sop));
        Dcmtk.Run stored = storeTls(title, own, file);
        assertEquals(0, stored.exitCode(), stored.output());
        assertEquals("AE:" + title, YunyingEar.indexedBy(sop));

        assertEquals(400, YunyingEar.sendJson("POST", API + clinic1 + "/aes", "clinic1-admin",
                "{\"aeTitle\":\"" + title + "X\",\"host\":\"127.0.0.1\",\"moveDestination\":false,"
                        + "\"tlsCertificatePem\":\"-----BEGIN CERTIFICATE-----\\nnot base64\\n-----END CERTIFICATE-----\"}")
                .statusCode(), "a certificate that does not parse");
    }

    /** A self-signed client key and certificate in PEM made by openssl (Debian): {key, certificate}. */
    private static Path[] clientCertificate(Path dir, String name, String commonName) throws Exception {
        Path key = dir.resolve(name + ".key");
        Path certificate = dir.resolve(name + ".pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=" + commonName, "-keyout", key.toString(), "-out", certificate.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, output);
        return new Path[] {key, certificate};
    }

    private static Dcmtk.Run storeTls(String callingAe, Path[] keyAndCertificate, Path file) throws Exception {
        return Dcmtk.run("storescu", "+tls", keyAndCertificate[0].toString(), keyAndCertificate[1].toString(), "-ic",
                "-aet", callingAe, "-aec", "YUNYING", "127.0.0.1", Integer.toString(YunyingEar.DICOM_TLS_PORT),
                file.toString());
    }

    private static Dcmtk.Run store(String callingAe, Path file) throws Exception {
        return Dcmtk.run("storescu", "-aet", callingAe, "-aec", "YUNYING", "127.0.0.1", Dcmtk.archivePort(),
                file.toString());
    }
}
