package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A township clinic applies with its licence as PDF and JPEG; bad uploads are refused whole; the platform administrator
 * opens the documents and certifies; the applicant's account starts working; the contact gets both mails (GreenMail
 * is a real SMTP server on 127.0.0.1:3025, where arquillian.xml points the server's mail session).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApplicationIT {

    private static final String APPLY = YunyingEar.PORTAL + "/api/public/applications";
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
            (byte) 0xFF, (byte) 0xD9};
    private static GreenMail smtp;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @BeforeAll
    static void startSmtp() {
        smtp = Mailbox.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aClinicAppliesIsCertifiedAndItsAdministratorCanThenLogIn() throws Exception {
        String license = "PDY-" + Long.toHexString(System.nanoTime());
        String admin = "qh-" + Long.toHexString(System.nanoTime() % 100000);
        String email = admin + "@clinic.example.cn";

        HttpResponse<String> notPdf = apply(form(license, admin, email, "13812345678"),
                Map.of("licence.pdf", "just text, not a PDF".getBytes(StandardCharsets.UTF_8)));
        assertEquals(415, notPdf.statusCode(), notPdf.body());
        assertTrue(notPdf.body().contains("application.documentType"), notPdf.body());
        assertEquals(400, apply(form(license, admin, email, "12345"), Map.of("licence.pdf", YunyingEar.PDF)).statusCode(),
                "a malformed phone number is refused");
        assertEquals(400, apply(form(license, admin, email, "13812345678"), Map.of()).statusCode(),
                "an application needs a document");
        HttpResponse<String> badName = apply(form(license, "Not A Name!", email, "13812345678"),
                Map.of("licence.pdf", YunyingEar.PDF));
        assertEquals(400, badName.statusCode(), badName.body());
        assertTrue(badName.body().contains("identity.invalidUsername"), badName.body());

        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put("执业许可证.pdf", YunyingEar.PDF);
        documents.put("photo.jpg", JPEG);
        HttpResponse<String> applied = apply(form(license, admin, email, "13812345678"), documents);
        assertEquals(200, applied.statusCode(), applied.body());
        assertTrue(applied.body().contains("\"status\":\"APPLIED\"") && applied.body().contains("青湖乡卫生院"),
                applied.body());
        String id = YunyingEar.field(applied.body(), "id");
        assertEquals(409, apply(form(license, admin + "x", email, "13812345678"), Map.of("a.pdf", YunyingEar.PDF)).statusCode(),
                "a licence number applies once");

        assertEquals(401, YunyingEar.get(YunyingEar.PORTAL + "/api/me", admin, "Qinghu-2026").statusCode(),
                "the applicant cannot log in before certification");
        assertTrue(smtp.waitForIncomingEmail(15_000, 1), "the application is acknowledged by mail");

        String list = YunyingEar.get(YunyingEar.PORTAL + "/api/institutions/" + id + "/documents", "admin",
                YunyingEar.DEMO_PASSWORD).body();
        assertTrue(list.contains("执业许可证.pdf") && list.contains(sha256(YunyingEar.PDF)) && list.contains(sha256(JPEG)), list);
        assertEquals(403, YunyingEar.get(YunyingEar.PORTAL + "/api/institutions/" + id + "/documents", "clinic1-admin",
                YunyingEar.DEMO_PASSWORD).statusCode());
        HttpResponse<byte[]> pdf = download(YunyingEar.PORTAL + "/api/institutions/" + id + "/documents/"
                + YunyingEar.field(list, "id"));
        assertEquals("application/pdf", pdf.headers().firstValue("content-type").orElse(""));
        assertArrayEquals(YunyingEar.PDF, pdf.body());

        HttpResponse<String> certified = YunyingEar.postForm(YunyingEar.PORTAL + "/api/certification/" + id, "admin",
                "action", "CERTIFY");
        assertEquals(200, certified.statusCode(), certified.body());
        HttpResponse<String> me = YunyingEar.get(YunyingEar.PORTAL + "/api/me", admin, "Qinghu-2026");
        assertEquals(200, me.statusCode(), "certification activates the applicant: " + me.body());
        assertTrue(me.body().contains("INSTITUTION_ADMIN"), me.body());

        assertTrue(smtp.waitForIncomingEmail(15_000, 2), "the decision is mailed");
        MimeMessage decision = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
        assertEquals(email, decision.getAllRecipients()[0].toString());
        assertTrue(decision.getSubject().contains("已认证") && decision.getSubject().contains("CERTIFIED"),
                decision.getSubject());
        assertTrue(GreenMailUtil.getBody(decision).length() > 0);
    }

    private static Map<String, String> form(String license, String admin, String email, String phone) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("nameZh", "青湖乡卫生院");
        form.put("nameEn", "Qinghu Township Health Center");
        form.put("level", "TOWNSHIP_CLINIC");
        form.put("licenseNumber", license);
        form.put("contactName", "陈静");
        form.put("contactPhone", phone);
        form.put("contactEmail", email);
        form.put("adminUsername", admin);
        form.put("adminPassword", "Qinghu-2026");
        return form;
    }

    private static HttpResponse<String> apply(Map<String, String> fields, Map<String, byte[]> documents)
            throws Exception {
        return YunyingEar.postMultipart(APPLY, fields, documents);
    }

    private static HttpResponse<byte[]> download(String url) throws Exception {
        String token = java.util.Base64.getEncoder().encodeToString(("admin:" + YunyingEar.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
