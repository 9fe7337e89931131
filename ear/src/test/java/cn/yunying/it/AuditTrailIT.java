package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tamper-evident audit trail, end to end: recorded in the action's transaction, linked into the chain by the chainer
 * (also under concurrent writers), readable by auditors only.
 */
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
    void theSearchResultIsExportedAsCsvWithTheChainAndTheExportIsItselfAudited() throws Exception {
        String probe = "探针-" + Long.toHexString(System.nanoTime());
        assertEquals(401, YunyingEar.get(YunyingEar.PORTAL + "/api/me", probe, "wrong").statusCode());
        String query = "/export?actor=" + java.net.URLEncoder.encode(probe, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(403, YunyingEar.get(AUDIT + query, "clinic1-admin", YunyingEar.DEMO_PASSWORD).statusCode());
        HttpResponse<byte[]> export = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(AUDIT + query)).header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString(("auditor:" + YunyingEar.DEMO_PASSWORD)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, export.statusCode());
        assertTrue(export.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        byte[] csv = export.body();
        assertTrue(csv.length > 3 && csv[0] == (byte) 0xEF && csv[1] == (byte) 0xBB && csv[2] == (byte) 0xBF, "BOM");
        String[] lines = new String(csv, 3, csv.length - 3, java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
        assertEquals(2, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("chain_index,") && lines[0].endsWith(",previous_hash,record_hash"), lines[0]);
        assertTrue(lines[1].contains("," + probe + ",USER,LOGIN_FAILED,FAILURE,"), lines[1]);
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"),
                System.getProperty("it.db.user"), System.getProperty("it.db.password"));
             PreparedStatement q = db.prepareStatement(
                     "SELECT chain_index, record_hash FROM audit_record WHERE actor = ?")) {
            q.setString(1, probe);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(lines[1].startsWith(rs.getLong(1) + ",") && lines[1].endsWith("," + rs.getString(2)),
                        "sequence number and chain hash as stored: " + lines[1]);
            }
        }
        String exports = YunyingEar.get(AUDIT + "?action=AUDIT_EXPORT&actor=auditor", "auditor",
                YunyingEar.DEMO_PASSWORD).body();
        assertTrue(exports.contains("records=1 actor=" + probe), exports);
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

    @Test
    void concurrentAuditedRequestsAreAllChainedAndTheChainStaysIntact() throws Exception {
        long before = recordsChecked(verification());
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 24; i++) { // each is a LOGIN record, written by its own transaction
                statuses.add(clients.submit(() -> YunyingEar.get(YunyingEar.PORTAL + "/api/me", "hub-rad",
                        YunyingEar.DEMO_PASSWORD).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            clients.shutdown();
        }
        String after = verification();
        assertTrue(after.contains("\"intact\":true"), after);
        assertTrue(recordsChecked(after) >= before + 24, "every concurrent login is in the chain: " + before + " -> "
                + after);
    }

    private static long recordsChecked(String verification) {
        Matcher m = Pattern.compile("\"recordsChecked\":(\\d+)").matcher(verification);
        assertTrue(m.find(), verification);
        return Long.parseLong(m.group(1));
    }

    private static String verification() throws Exception {
        HttpResponse<String> response = YunyingEar.get(AUDIT + "/verification", "auditor", YunyingEar.DEMO_PASSWORD);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
