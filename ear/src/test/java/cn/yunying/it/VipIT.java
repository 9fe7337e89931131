package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * VIP restrictions end to end: who may flag, who then sees the study (QIDO-RS, WADO-RS metadata, the clinic's own AE
 * by C-FIND), grants given and revoked by the institution administrator, and the audit records of all of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VipIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void aVipStudyIsSeenOnlyByGrantedUsersAndByTheClinicsOwnAe() throws Exception {
        String study = DicomObjects.uid();
        String patientId = "VIP-" + System.nanoTime();
        assertEquals(200, DicomObjects.stow("clinic1-tech", DicomObjects.object("ISO_IR 192", "贵^宾", patientId,
                study, DicomObjects.uid(), DicomObjects.uid(), "CT", "20250501", "vip")).statusCode());
        String clinic1 = YunyingEar.institutionId("CLINIC1");

        assertEquals(403, send("PUT", "/api/vip/studies/" + study, "clinic1-tech", "vip", "true").statusCode(),
                "a technician may not flag");
        assertEquals(404, send("PUT", "/api/vip/studies/" + study, "clinic2-rad", "vip", "true").statusCode(),
                "another clinic's radiologist does not even see the study");
        assertEquals(204, send("PUT", "/api/vip/studies/" + study, "clinic1-rad", "vip", "true").statusCode());

        assertFalse(sees("clinic1-rad", study), "flagging hides it from the radiologist without a grant");
        assertFalse(sees("admin", study), "platform administrators need a grant too");
        HttpResponse<String> denied = DicomObjects.get("/dicomweb/studies/" + study + "/metadata", "clinic1-rad");
        assertEquals(403, denied.statusCode());
        assertTrue(denied.body().contains("archive.vipRestricted"), denied.body());
        assertEquals(404, DicomObjects.get("/dicomweb/studies/" + study + "/metadata", "clinic2-rad").statusCode());
        assertEquals(403, send("PUT", "/api/vip/studies/" + study, "clinic1-rad", "vip", "false").statusCode(),
                "a radiologist cannot unflag what he cannot see");

        Dcmtk.Run find = Dcmtk.run("findscu", "-S", "-aet", "CLINIC1_CT", "-aec", "YUNYING", "-k",
                "QueryRetrieveLevel=STUDY", "-k", "PatientID=" + patientId, "-k", "StudyInstanceUID", "127.0.0.1",
                Dcmtk.archivePort());
        assertEquals(0, find.exitCode(), find.output());
        assertTrue(find.output().contains(study), "the clinic's own AE still finds it: " + find.output());

        // hub-admin, not clinic2-admin: PlatformIT locks clinic2-admin for its lockout test
        assertEquals(403, send("POST", "/api/vip/grants", "hub-admin", "institution", clinic1, "username",
                "clinic1-rad").statusCode(), "only clinic 1's administrators grant, not another institution's");
        assertEquals(403, send("POST", "/api/vip/grants", "clinic1-rad", "institution", clinic1, "username",
                "clinic1-rad").statusCode(), "nobody grants himself without being administrator");
        assertEquals(400, send("POST", "/api/vip/grants", "clinic1-admin", "institution", clinic1, "username",
                "clinic2-rad").statusCode(), "only members of the institution");
        assertEquals(200, send("POST", "/api/vip/grants", "clinic1-admin", "institution", clinic1, "username",
                "clinic1-rad").statusCode());
        try {
            assertTrue(send("GET", "/api/vip/grants?institution=" + clinic1, "clinic1-admin").body()
                    .contains("\"username\":\"clinic1-rad\""));
            assertEquals(403, send("GET", "/api/vip/grants?institution=" + clinic1, "clinic1-rad").statusCode());
            assertTrue(sees("clinic1-rad", study), "the grant shows the VIP study");
            assertEquals(200, DicomObjects.get("/dicomweb/studies/" + study + "/metadata", "clinic1-rad").statusCode());
            assertFalse(sees("clinic1-tech", study), "a grant is per user");
            assertFalse(sees("clinic1-admin", study), "administrators are not granted implicitly");
        } finally {
            assertEquals(204, send("DELETE", "/api/vip/grants/" + clinic1 + "/clinic1-rad", "clinic1-admin")
                    .statusCode());
        }
        assertFalse(sees("clinic1-rad", study), "revoked");
        assertEquals(404, send("DELETE", "/api/vip/grants/" + clinic1 + "/clinic1-rad", "clinic1-admin").statusCode());

        HttpResponse<String> adminWithoutGrant = send("PUT", "/api/vip/studies/" + study, "clinic1-admin", "vip",
                "false");
        assertEquals(403, adminWithoutGrant.statusCode(), "an administrator, too, needs a grant to touch a VIP study");
        assertTrue(adminWithoutGrant.body().contains("archive.vipRestricted"), adminWithoutGrant.body());
        String audit = send("GET", "/api/audit?action=VIP_FLAGGED&patientId=" + patientId, "auditor").body();
        assertTrue(audit.contains(study) && audit.contains("clinic1-rad"), audit);
        String grants = send("GET", "/api/audit?action=VIP_ACCESS_GRANTED&actor=clinic1-admin", "auditor").body();
        assertTrue(grants.contains("clinic1-rad"), grants);
        assertTrue(send("GET", "/api/audit?action=VIP_ACCESS_REVOKED&actor=clinic1-admin", "auditor").body()
                .contains("clinic1-rad"));
    }

    @Test
    void aVipPatientHidesAllOfItsStudiesUntilUnflagged() throws Exception {
        String patientId = "VIPP-" + System.nanoTime();
        String first = DicomObjects.uid();
        String second = DicomObjects.uid();
        assertEquals(200, DicomObjects.stow("clinic1-tech", DicomObjects.object("ISO_IR 192", "要^人", patientId,
                first, DicomObjects.uid(), DicomObjects.uid(), "CT", "20250502", "vip")).statusCode());
        assertEquals(200, DicomObjects.stow("clinic1-tech", DicomObjects.object("ISO_IR 192", "要^人", patientId,
                second, DicomObjects.uid(), DicomObjects.uid(), "MR", "20250503", "vip")).statusCode());
        assertEquals(204, send("PUT", "/api/vip/studies/" + first + "/patient", "clinic1-admin", "vip", "true")
                .statusCode());
        assertFalse(sees("clinic1-rad", second), "the patient's other study is hidden too");
        assertFalse(sees("clinic1-admin", first));
        String clinic1 = YunyingEar.institutionId("CLINIC1");
        assertEquals(200, send("POST", "/api/vip/grants", "clinic1-admin", "institution", clinic1, "username",
                "clinic1-admin").statusCode(), "an administrator may grant himself, audited");
        try {
            assertTrue(sees("clinic1-admin", second));
            assertEquals(204, send("PUT", "/api/vip/studies/" + first + "/patient", "clinic1-admin", "vip", "false")
                    .statusCode());
        } finally {
            send("DELETE", "/api/vip/grants/" + clinic1 + "/clinic1-admin", "clinic1-admin");
        }
        assertTrue(sees("clinic1-rad", first) && sees("clinic1-rad", second), "unflagged");
        assertTrue(send("GET", "/api/audit?action=VIP_UNFLAGGED&patientId=" + patientId, "auditor").body()
                .contains("PATIENT"));
    }

    private static boolean sees(String user, String study) throws Exception {
        HttpResponse<String> search = DicomObjects.get("/dicomweb/studies?StudyInstanceUID=" + study, user);
        assertTrue(search.statusCode() < 300, user + ": " + search.statusCode());
        return search.body().contains(study);
    }

    static HttpResponse<String> send(String method, String path, String user, String... form) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < form.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(form[i]).append('=')
                    .append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
        }
        String token = Base64.getEncoder().encodeToString((user + ":" + YunyingEar.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(YunyingEar.PORTAL + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + token);
        if (form.length > 0) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
