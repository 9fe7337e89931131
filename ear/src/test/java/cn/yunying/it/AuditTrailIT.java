package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tamper-evident audit trail, end to end: recorded in the action's transaction, readable by auditors only. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditTrailIT {

    private static final String AUDIT = YunyingEar.PORTAL + "/api/audit";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void everyLoginAttemptIsRecordedAndAuditorsCanFindIt() throws Exception {
        String probe = "probe-" + Long.toHexString(System.nanoTime());
        assertEquals(401, YunyingEar.get(YunyingEar.PORTAL + "/api/me", probe, "wrong").statusCode());
        assertEquals(200, YunyingEar.get(YunyingEar.PORTAL + "/api/me", "hub-rad", YunyingEar.DEMO_PASSWORD)
                .statusCode());

        HttpResponse<String> failed = YunyingEar.get(AUDIT + "?action=LOGIN_FAILED&actor=" + probe, "auditor",
                YunyingEar.DEMO_PASSWORD);
        assertEquals(200, failed.statusCode(), failed.body());
        assertTrue(failed.body().contains("\"actor\":\"" + probe + "\"") && failed.body().contains("unknown user")
                && failed.body().contains("\"outcome\":\"FAILURE\""), failed.body());

        HttpResponse<String> logins = YunyingEar.get(AUDIT + "?action=LOGIN&actor=hub-rad", "admin",
                YunyingEar.DEMO_PASSWORD);
        assertTrue(logins.body().contains("\"actor\":\"hub-rad\"") && logins.body().contains("\"sourceAddress\":\"127.0.0.1\""),
                logins.body());
    }

    @Test
    void onlyAuditorsAndPlatformAdministratorsMayReadTheTrail() throws Exception {
        for (String user : new String[] {"clinic1-rad", "hub-admin", "clinic1-tech"}) {
            HttpResponse<String> denied = YunyingEar.get(AUDIT, user, YunyingEar.DEMO_PASSWORD);
            assertEquals(403, denied.statusCode(), user);
            assertTrue(denied.body().contains("accessDenied"), denied.body());
        }
        HttpResponse<String> badDate = YunyingEar.get(AUDIT + "?from=yesterday", "auditor", YunyingEar.DEMO_PASSWORD);
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("ISO-8601"), badDate.body());
    }

    @Test
    void aRecordChangedInTheDatabaseIsDetectedAndLocated() throws Exception {
        assertEquals(401, YunyingEar.get(YunyingEar.PORTAL + "/api/me", "nobody-at-all", "x").statusCode());
        assertTrue(verification().contains("\"intact\":true"), verification());
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"),
                System.getProperty("it.db.user"), System.getProperty("it.db.password"))) {
            String original;
            try (PreparedStatement read = db.prepareStatement("SELECT detail FROM audit_record WHERE chain_index = 1");
                 ResultSet rs = read.executeQuery()) {
                assertTrue(rs.next(), "the first audit record exists");
                original = rs.getString(1);
            }
            setDetail(db, "tampered by a test");
            try {
                String broken = verification();
                assertTrue(broken.contains("\"intact\":false") && broken.contains("\"problem\":\"MODIFIED\"")
                        && broken.contains("\"firstBadIndex\":1"), broken);
            } finally {
                setDetail(db, original);
            }
        }
        assertTrue(verification().contains("\"intact\":true"), "restoring the row restores the chain");
    }

    private static void setDetail(Connection db, String detail) throws Exception {
        try (PreparedStatement update = db.prepareStatement("UPDATE audit_record SET detail = ? WHERE chain_index = 1")) {
            update.setString(1, detail);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static String verification() throws Exception {
        HttpResponse<String> response = YunyingEar.get(AUDIT + "/verification", "auditor", YunyingEar.DEMO_PASSWORD);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
