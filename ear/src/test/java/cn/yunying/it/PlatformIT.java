package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.Association;
import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.DicomClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole EAR on the provisioned WildFly against PostgreSQL: migrations, demo data, health, the DICOM listener,
 * authentication and institution scoping in the service layer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void readinessChecksTheDatabaseAndTheStorageFolder() throws Exception {
        HttpResponse<String> ready = YunyingEar.get(YunyingEar.MANAGEMENT + "/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"name\":\"database\",\"status\":\"UP\""), ready.body());
        assertTrue(ready.body().contains("\"name\":\"storage\",\"status\":\"UP\""), ready.body());
        HttpResponse<String> live = YunyingEar.get(YunyingEar.MANAGEMENT + "/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().contains("\"name\":\"heap\",\"status\":\"UP\""), live.body());
    }

    @Test
    void theFlywayMigrationsRanAtDeployment() throws Exception {
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"),
                System.getProperty("it.db.user"), System.getProperty("it.db.password"));
             Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT version, success FROM schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            assertTrue(rs.next(), "no migration recorded");
            assertEquals("0001", rs.getString(1));
            assertTrue(rs.getBoolean(2));
        }
    }

    @Test
    void theArchiveAnswersAnEchoOnItsDicomPortWithItsAeTitle() throws Exception {
        AssociationRequestSpec spec = new AssociationRequestSpec("YUNYING").callingAe("CLINIC1_CT")
                .addContext(UID.VERIFICATION);
        try (Association association = DicomClient.connect("127.0.0.1", YunyingEar.DICOM_PORT, spec)) {
            association.echo();
            association.release();
        }
    }

    @Test
    void apiClientsAuthenticateWithHttpBasicAndGetNoSession() throws Exception {
        HttpResponse<String> me = YunyingEar.get(YunyingEar.PORTAL + "/api/me", "admin", YunyingEar.DEMO_PASSWORD);
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"username\":\"admin\""), me.body());
        assertTrue(me.body().contains("PLATFORM_ADMIN"), me.body());
        assertTrue(me.headers().allValues("set-cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                "a Basic-authenticated API call must not create a session");
    }

    @Test
    void wrongOrMissingCredentialsGet401WithABasicChallengeAndNoStackTrace() throws Exception {
        HttpResponse<String> wrong = YunyingEar.get(YunyingEar.PORTAL + "/api/me", "admin", "not-the-password");
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> none = YunyingEar.get(YunyingEar.PORTAL + "/api/institutions");
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("www-authenticate").orElse("").startsWith("Basic"));
        assertFalse(none.body().contains("Exception"), none.body());
    }

    @Test
    void theDicomwebBaseUrlIsProtectedByTheSameAuthentication() throws Exception {
        HttpResponse<String> anonymous = YunyingEar.get(YunyingEar.PORTAL + "/dicomweb/studies");
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("www-authenticate").orElse("").startsWith("Basic"));
        HttpResponse<String> authenticated = YunyingEar.get(YunyingEar.PORTAL + "/dicomweb/studies", "hub-rad",
                YunyingEar.DEMO_PASSWORD);
        assertTrue(authenticated.statusCode() != 401 && authenticated.statusCode() != 403,
                "a portal user passes authentication: " + authenticated.statusCode());
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> root = YunyingEar.get(YunyingEar.PORTAL + "/");
        assertEquals(302, root.statusCode());
        assertTrue(root.headers().firstValue("location").orElse("").endsWith("/login.xhtml"));
        HttpResponse<String> login = YunyingEar.get(YunyingEar.PORTAL + "/login.xhtml");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("loginForm"));
    }

    @Test
    void eachUserSeesOnlyTheInstitutionsTheServiceLayerAllows() throws Exception {
        String clinic1 = institutionsSeenBy("clinic1-rad");
        assertTrue(clinic1.contains("\"code\":\"CLINIC1\""), clinic1);
        assertFalse(clinic1.contains("\"code\":\"CLINIC2\""), clinic1);
        assertFalse(clinic1.contains("\"code\":\"HUB\""), clinic1);
        assertTrue(clinic1.contains("CLINIC1_CT") && clinic1.contains("DEMO_PACS"), clinic1);

        String clinic2 = institutionsSeenBy("clinic2-rad");
        assertTrue(clinic2.contains("\"code\":\"CLINIC2\"") && clinic2.contains("CLINIC2_MR"), clinic2);
        assertFalse(clinic2.contains("\"code\":\"CLINIC1\""), clinic2);

        for (String platformWide : new String[] {"admin", "auditor"}) {
            String all = institutionsSeenBy(platformWide);
            assertTrue(all.contains("\"code\":\"HUB\"") && all.contains("\"code\":\"CLINIC1\"")
                    && all.contains("\"code\":\"CLINIC2\""), platformWide + ": " + all);
            assertTrue(all.contains("中心医院"), "Chinese names survive the round trip: " + all);
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() throws Exception {
        String user = "clinic2-admin";
        for (int attempt = 0; attempt < 5; attempt++) {
            assertEquals(401, YunyingEar.get(YunyingEar.PORTAL + "/api/me", user, "wrong-" + attempt).statusCode());
        }
        assertEquals(401, YunyingEar.get(YunyingEar.PORTAL + "/api/me", user, YunyingEar.DEMO_PASSWORD).statusCode(),
                "the right password must not open a locked account");
    }

    private static String institutionsSeenBy(String user) throws Exception {
        HttpResponse<String> response = YunyingEar.get(YunyingEar.PORTAL + "/api/institutions", user,
                YunyingEar.DEMO_PASSWORD);
        assertEquals(200, response.statusCode(), user + ": " + response.body());
        return response.body();
    }
}
