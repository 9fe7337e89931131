package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Doctor self-registration and password reset over the public REST API, with the mails caught by GreenMail on the
 * port the server's mail session uses: the code mail, the approval and rejection mails, the reset link.
 * Each test registers its own doctor (unique names), so the tests do not depend on each other.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationIT {

    private static final String PUBLIC = YunyingEar.PORTAL + "/api/public/registrations";
    private static final String DECISIONS = YunyingEar.PORTAL + "/api/registrations";
    private static final String RESETS = YunyingEar.PORTAL + "/api/public/password-resets";
    private static final String PASSWORD = "Yisheng-2026";
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
    void aDoctorRegistersConfirmsTheMailedCodeAndIsApprovedByTheClinicAdministrator() throws Exception {
        String clinic1 = YunyingEar.institutionId("CLINIC1");
        HttpResponse<String> choices = YunyingEar.get(PUBLIC + "/institutions");
        assertEquals(200, choices.statusCode(), "the choice of institutions needs no login");
        // other tests certify applicants, so the list is checked by status, not by a fixed set of codes
        int listed = choices.body().split("\"code\":", -1).length - 1;
        int certified = choices.body().split("\"status\":\"CERTIFIED\"", -1).length - 1;
        assertTrue(choices.body().contains("城东社区卫生服务中心") && listed > 0 && listed == certified,
                "certified members only: " + choices.body());

        Doctor doctor = Doctor.unique("rad");
        assertError(400, "registration.invalidPhone", submit(doctor.withPhone("12345678901"), clinic1));
        assertError(400, "registration.institutionNotCertified", submit(doctor, YunyingEar.newApplicant()));
        assertError(400, "identity.weakPassword", submitWithPassword(doctor, clinic1, "short"));

        HttpResponse<String> submitted = submit(doctor, clinic1);
        assertEquals(201, submitted.statusCode(), submitted.body());
        assertTrue(submitted.body().contains("\"status\":\"UNVERIFIED\"") && submitted.body().contains("王芳"),
                submitted.body());
        String id = YunyingEar.field(submitted.body(), "id");

        assertError(409, "registration.usernameTaken", submit(doctor.withPhoneAndEmail(Doctor.newPhone(), "x@b.cn"), clinic1));
        assertError(409, "registration.phoneTaken", submit(Doctor.unique("other").withPhone(doctor.phone), clinic1));
        assertError(409, "registration.emailTaken", submit(Doctor.unique("other").withEmail(doctor.email), clinic1));
        assertError(409, "registration.usernameTaken",
                submit(new Doctor("clinic1-rad", Doctor.newPhone(), "n@b.cn"), clinic1));

        String code = codeMailedTo(doctor.email);
        assertEquals(401, me(doctor.username, PASSWORD).statusCode(), "no account before approval");
        HttpResponse<String> wrong = verify(id, code.equals("000000") ? "111111" : "000000");
        assertError(400, "registration.wrongCode", wrong);
        assertTrue(wrong.body().contains("\"attemptsLeft\":4"), wrong.body());
        HttpResponse<String> verified = verify(id, code);
        assertEquals(200, verified.statusCode(), verified.body());
        assertTrue(verified.body().contains("AWAITING_APPROVAL"), verified.body());
        assertError(409, "registration.notPending", verify(id, code));

        assertTrue(YunyingEar.get(DECISIONS, "clinic1-admin", YunyingEar.DEMO_PASSWORD).body().contains(doctor.username));
        assertFalse(YunyingEar.get(DECISIONS, "clinic2-admin", YunyingEar.DEMO_PASSWORD).body()
                .contains(doctor.username), "another institution's administrator does not see it");
        assertEquals(403, YunyingEar.postForm(DECISIONS + "/" + id + "/approve", "clinic2-admin").statusCode());
        assertEquals(403, YunyingEar.postForm(DECISIONS + "/" + id + "/approve", "clinic1-rad").statusCode());

        HttpResponse<String> approved = YunyingEar.postForm(DECISIONS + "/" + id + "/approve", "clinic1-admin");
        assertEquals(200, approved.statusCode(), approved.body());
        assertTrue(approved.body().contains("\"status\":\"APPROVED\""), approved.body());
        assertError(409, "registration.stepNotAllowed",
                YunyingEar.postForm(DECISIONS + "/" + id + "/reject", "clinic1-admin", "reason", "too late"));

        HttpResponse<String> me = me(doctor.username, PASSWORD);
        assertEquals(200, me.statusCode(), "approval creates the active account: " + me.body());
        assertTrue(me.body().contains("RADIOLOGIST"), me.body());
        HttpResponse<String> profile = YunyingEar.get(YunyingEar.PORTAL + "/api/me/profile", doctor.username, PASSWORD);
        assertTrue(profile.body().contains("\"hisAccountId\":\"HIS-" + doctor.username + "\""),
                "the HIS account id is copied onto the account: " + profile.body());
        assertEquals(409, hisBind("clinic1-rad", YunyingEar.DEMO_PASSWORD, "HIS-" + doctor.username).statusCode(),
                "unique within the institution");
        HttpResponse<String> rebound = hisBind(doctor.username, PASSWORD, "HIS-NEW-" + doctor.username);
        assertEquals(200, rebound.statusCode(), rebound.body());
        assertTrue(rebound.body().contains("HIS-NEW-" + doctor.username), rebound.body());
        assertTrue(YunyingEar.get(YunyingEar.PORTAL + "/api/audit?action=HIS_ACCOUNT_BOUND&actor=" + doctor.username,
                "auditor", YunyingEar.DEMO_PASSWORD).body().contains("HIS-NEW-" + doctor.username));
        String approval = text(mailTo(doctor.email, "Registration approved"));
        assertTrue(approval.contains("已批准") && approval.contains(doctor.username), approval);

        String audit = YunyingEar.get(YunyingEar.PORTAL + "/api/audit?action=REGISTRATION_APPROVED", "auditor",
                YunyingEar.DEMO_PASSWORD).body();
        assertTrue(audit.contains("clinic1-admin") && audit.contains(doctor.username), audit);
        String submittedAudit = YunyingEar.get(YunyingEar.PORTAL + "/api/audit?action=REGISTRATION_VERIFIED",
                "auditor", YunyingEar.DEMO_PASSWORD).body();
        assertTrue(submittedAudit.contains(doctor.username), submittedAudit);
        assertFalse(submittedAudit.contains(code), "the code never reaches the audit trail");
    }

    @Test
    void fiveWrongCodesEndARequestAndARejectionIsMailedWithItsReason() throws Exception {
        String clinic2 = YunyingEar.institutionId("CLINIC2");
        Doctor guesser = Doctor.unique("gss");
        String guessed = YunyingEar.field(submit(guesser, clinic2).body(), "id");
        String code = codeMailedTo(guesser.email);
        String wrong = code.equals("999999") ? "999998" : "999999";
        for (int i = 1; i <= 4; i++) {
            assertError(400, "registration.wrongCode", verify(guessed, wrong));
        }
        assertError(429, "registration.tooManyAttempts", verify(guessed, wrong));
        assertError(429, "registration.tooManyAttempts", verify(guessed, code));

        Doctor refused = Doctor.unique("ref");
        String id = YunyingEar.field(submit(refused, clinic2).body(), "id");
        assertEquals(200, verify(id, codeMailedTo(refused.email)).statusCode());
        assertError(400, "registration.reasonRequired",
                YunyingEar.postForm(DECISIONS + "/" + id + "/reject", "clinic2-admin", "reason", " "));
        HttpResponse<String> rejected = YunyingEar.postForm(DECISIONS + "/" + id + "/reject", "clinic2-admin",
                "reason", "本院无此医生");
        assertEquals(200, rejected.statusCode(), rejected.body());
        String rejection = text(mailTo(refused.email, "Registration rejected"));
        assertTrue(rejection.contains("本院无此医生"), rejection);
        assertEquals(401, me(refused.username, PASSWORD).statusCode(), "no account after a rejection");
        String audit = YunyingEar.get(YunyingEar.PORTAL + "/api/audit?action=REGISTRATION_REJECTED", "auditor",
                YunyingEar.DEMO_PASSWORD).body();
        assertTrue(audit.contains(refused.username), audit);
    }

    @Test
    void aForgottenPasswordIsResetThroughASingleUseMailedLink() throws Exception {
        Doctor doctor = Doctor.unique("fgt");
        String clinic1 = YunyingEar.institutionId("CLINIC1");
        String id = YunyingEar.field(submit(doctor, clinic1).body(), "id");
        assertEquals(200, verify(id, codeMailedTo(doctor.email)).statusCode());
        assertEquals(200, YunyingEar.postForm(DECISIONS + "/" + id + "/approve", "clinic1-admin").statusCode());

        HttpResponse<String> unknown = publicPost(RESETS, "identifier", "nobody-" + doctor.username + "@nowhere.cn");
        HttpResponse<String> known = publicPost(RESETS, "identifier", doctor.email);
        assertEquals(202, unknown.statusCode());
        assertEquals(202, known.statusCode());
        assertEquals(unknown.body(), known.body(), "the answer does not tell whether the account exists");

        String body = text(mailTo(doctor.email, "Reset your password"));
        Matcher link = Pattern.compile("/reset\\.xhtml\\?token=([A-Za-z0-9_-]{43})").matcher(body);
        assertTrue(link.find(), body);
        String token = link.group(1);

        assertError(400, "identity.weakPassword", publicPost(RESETS + "/completion", "token", token, "password", "abc"));
        assertError(410, "identity.resetLinkInvalid",
                publicPost(RESETS + "/completion", "token", token.substring(1) + "x", "password", "Neue-2026x"));
        assertEquals(204, publicPost(RESETS + "/completion", "token", token, "password", "Xinmima-2027").statusCode());
        assertError(410, "identity.resetLinkInvalid",
                publicPost(RESETS + "/completion", "token", token, "password", "Another-2028"));
        assertEquals(401, me(doctor.username, PASSWORD).statusCode(), "the old password no longer works");
        assertEquals(200, me(doctor.username, "Xinmima-2027").statusCode());
        String audit = YunyingEar.get(YunyingEar.PORTAL + "/api/audit?action=PASSWORD_RESET_COMPLETED", "auditor",
                YunyingEar.DEMO_PASSWORD).body();
        assertTrue(audit.contains(doctor.username) && !audit.contains(token), audit);
    }

    /** A doctor's registration data; unique names so that each test owns its data. */
    record Doctor(String username, String phone, String email) {

        static Doctor unique(String prefix) {
            String name = prefix + "-" + Long.toString(System.nanoTime() % 10_000_000_000L, 36);
            return new Doctor(name, newPhone(), name + "@doctor.example.cn");
        }

        static String newPhone() {
            return "139" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000);
        }

        Doctor withPhone(String other) {
            return new Doctor(username, other, email);
        }

        Doctor withEmail(String other) {
            return new Doctor(username, phone, other);
        }

        Doctor withPhoneAndEmail(String otherPhone, String otherEmail) {
            return new Doctor(username, otherPhone, otherEmail);
        }
    }

    private static HttpResponse<String> submit(Doctor doctor, String institutionId) throws Exception {
        return submitWithPassword(doctor, institutionId, PASSWORD);
    }

    private static HttpResponse<String> submitWithPassword(Doctor doctor, String institutionId, String password)
            throws Exception {
        return publicPost(PUBLIC, "username", doctor.username, "displayName", "王芳", "email", doctor.email,
                "phone", doctor.phone, "password", password, "institutionId", institutionId,
                "department", "放射科", "hisAccountId", "HIS-" + doctor.username, "role", "RADIOLOGIST");
    }

    private static HttpResponse<String> hisBind(String user, String password, String his) throws Exception {
        String token = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(YunyingEar.PORTAL + "/api/me/his-account"))
                .header("Authorization", "Basic " + token).header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("hisAccountId=" + java.net.URLEncoder.encode(
                        his, java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> verify(String id, String code) throws Exception {
        return publicPost(PUBLIC + "/" + id + "/verification", "code", code);
    }

    private static HttpResponse<String> me(String user, String password) throws Exception {
        return YunyingEar.get(YunyingEar.PORTAL + "/api/me", user, password);
    }

    private static HttpResponse<String> publicPost(String url, String... nameValuePairs) throws Exception {
        return YunyingEar.postPublicForm(url, nameValuePairs);
    }

    private static void assertError(int status, String key, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"error\":\"" + key + "\""), response.body());
    }

    /** The decoded text of a plain-text mail. */
    private static String text(MimeMessage message) throws Exception {
        return (String) message.getContent();
    }

    private static String codeMailedTo(String address) throws Exception {
        return Mailbox.registrationCode(smtp, address);
    }

    /** Waits up to 20 s for a mail to that address whose subject contains the text. */
    static MimeMessage mailTo(String address, String subjectPart) throws Exception {
        return Mailbox.mailTo(smtp, address, subjectPart);
    }
}
