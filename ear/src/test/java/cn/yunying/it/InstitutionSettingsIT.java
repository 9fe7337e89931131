package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Departments and feature settings: given in the application, edited by the institution's administrator, and taking
 * effect on registration (the department must be one of the list; self-registration can be switched off).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InstitutionSettingsIT {

    private static final String PUBLIC = YunyingEar.PORTAL + "/api/public/registrations";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void anApplicantGivesDepartmentsAndFeaturesThatThePlatformAdministratorSees() throws Exception {
        String nonce = Long.toHexString(System.nanoTime());
        Map<String, String> form = YunyingEar.application("青山镇卫生院" + nonce, "qs-" + nonce, nonce);
        form.put("departments", "RAD=放射科\nER=急诊科\n");
        form.put("features", "CONSULTATION");
        HttpResponse<String> applied = YunyingEar.postMultipart(YunyingEar.PORTAL + "/api/public/applications", form,
                Map.of("licence.pdf", YunyingEar.PDF));
        assertEquals(200, applied.statusCode(), applied.body());
        String id = YunyingEar.field(applied.body(), "id");
        String settings = VipIT.send("GET", "/api/institutions/" + id + "/settings", "admin").body();
        assertTrue(settings.contains("急诊科") && settings.contains("\"CONSULTATION\":true")
                && settings.contains("\"SELF_REGISTRATION\":false"), settings);
        assertEquals(403, VipIT.send("GET", "/api/institutions/" + id + "/settings", "clinic1-admin").statusCode());

        form = YunyingEar.application("坏科室" + nonce, "bad-" + nonce, "b" + nonce);
        form.put("departments", "放射科 without a code");
        HttpResponse<String> refused = YunyingEar.postMultipart(YunyingEar.PORTAL + "/api/public/applications", form,
                Map.of("licence.pdf", YunyingEar.PDF));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("application.invalidDepartments"), refused.body());
    }

    @Test
    void theAdministratorEditsDepartmentsAndRegistrationFollowsThem() throws Exception {
        String clinic2 = YunyingEar.institutionId("CLINIC2");
        String path = "/api/institutions/" + clinic2 + "/settings";
        assertEquals(403, VipIT.send("PUT", path, "clinic1-admin", "departments", "X=x", "features", "").statusCode());
        assertEquals(403, VipIT.send("PUT", path, "clinic2-rad", "departments", "X=x", "features", "").statusCode());
        assertEquals(400, VipIT.send("PUT", path, "clinic2-admin", "departments", "RAD=放射科\nRAD=又一个",
                "features", "SELF_REGISTRATION").statusCode(), "duplicate code");
        assertEquals(400, VipIT.send("PUT", path, "clinic2-admin", "departments", "", "features",
                "SELF_REGISTRATION,TELEPORT").statusCode(), "unknown feature");
        try {
            assertEquals(204, VipIT.send("PUT", path, "clinic2-admin", "departments", "RAD=放射科\nUS=超声科",
                    "features", "SELF_REGISTRATION,CONSULTATION").statusCode());
            String departments = YunyingEar.get(PUBLIC + "/institutions/" + clinic2 + "/departments").body();
            assertTrue(departments.contains("超声科") && departments.contains("\"code\":\"US\""), departments);
            String nonce = Long.toString(System.nanoTime() % 100_000_000L);
            HttpResponse<String> wrong = register("dept-" + nonce, clinic2, "心内科");
            assertEquals(400, wrong.statusCode());
            assertTrue(wrong.body().contains("registration.unknownDepartment"), wrong.body());
            assertEquals(201, register("dept-" + nonce, clinic2, "超声科").statusCode());

            assertEquals(204, VipIT.send("PUT", path, "clinic2-admin", "departments", "RAD=放射科", "features", "")
                    .statusCode());
            assertFalse(YunyingEar.get(PUBLIC + "/institutions").body().contains("\"code\":\"CLINIC2\""),
                    "self-registration switched off: not offered");
            HttpResponse<String> closed = register("closed-" + nonce, clinic2, "放射科");
            assertEquals(400, closed.statusCode());
            assertTrue(closed.body().contains("registration.institutionClosed"), closed.body());
            assertTrue(VipIT.send("GET", "/api/audit?action=INSTITUTION_SETTINGS_CHANGED&actor=clinic2-admin",
                    "auditor").body().contains("CLINIC2"));
        } finally {
            assertEquals(204, VipIT.send("PUT", path, "clinic2-admin", "departments", "", "features",
                    "SELF_REGISTRATION").statusCode(), "demo data as found");
        }
    }

    private static HttpResponse<String> register(String username, String institutionId, String department)
            throws Exception {
        String phone = "137" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000);
        return YunyingEar.postPublicForm(PUBLIC, "username", username, "displayName", "李科", "email",
                username + "@doctor.example.cn", "phone", phone, "password", "Dept-2026-x", "institutionId",
                institutionId, "department", department, "role", "CLINICIAN");
    }
}
