package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A platform administrator works the review queue: the state machine, the reasons, the history and the audit. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificationIT {

    private static final String API = YunyingEar.PORTAL + "/api/certification";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void theDemoApplicationIsReviewedRejectedWithoutReasonRefusedThenCertifiedAndAudited() throws Exception {
        HttpResponse<String> queue = YunyingEar.get(API + "/queue", "admin", YunyingEar.DEMO_PASSWORD);
        assertEquals(200, queue.statusCode(), queue.body());
        Matcher clinic3 = Pattern.compile("\"code\":\"CLINIC3\",\"id\":(\\d+)").matcher(queue.body());
        assertTrue(clinic3.find(), "the demo application waits in the queue: " + queue.body());
        String id = clinic3.group(1);

        assertEquals(403, YunyingEar.get(API + "/queue", "clinic1-admin", YunyingEar.DEMO_PASSWORD).statusCode());
        assertEquals(403, post(id, "clinic1-admin", "CERTIFY", null).statusCode());

        HttpResponse<String> noReason = post(id, "admin", "REJECT", "");
        assertEquals(400, noReason.statusCode());
        assertTrue(noReason.body().contains("institution.reasonRequired"), noReason.body());
        assertEquals(400, post(id, "admin", "DROP TABLE institution", null).statusCode());

        assertEquals(200, post(id, "admin", "START_REVIEW", null).statusCode());
        HttpResponse<String> certified = post(id, "admin", "CERTIFY", null);
        assertEquals(200, certified.statusCode(), certified.body());
        assertTrue(certified.body().contains("\"status\":\"CERTIFIED\""), certified.body());
        HttpResponse<String> again = post(id, "admin", "CERTIFY", null);
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("institution.transitionNotAllowed"), again.body());

        HttpResponse<String> suspended = post(id, "admin", "SUSPEND", "执业许可证过期 licence expired");
        assertEquals(200, suspended.statusCode(), suspended.body());
        HttpResponse<String> history = YunyingEar.get(API + "/" + id + "/history", "admin", YunyingEar.DEMO_PASSWORD);
        assertTrue(history.body().indexOf("START_REVIEW") < history.body().indexOf("\"CERTIFY\"")
                && history.body().contains("执业许可证过期"), history.body());

        HttpResponse<String> audit = YunyingEar.get(YunyingEar.PORTAL + "/api/audit?action=CERTIFICATION_SUSPEND",
                "auditor", YunyingEar.DEMO_PASSWORD);
        assertTrue(audit.body().contains("CLINIC3") && audit.body().contains("CERTIFIED -> SUSPENDED"), audit.body());
        assertEquals(200, post(id, "admin", "REINSTATE", null).statusCode());
    }

    private static HttpResponse<String> post(String id, String user, String action, String reason) throws Exception {
        return YunyingEar.postForm(API + "/" + id, user, "action", action, "reason", reason);
    }
}
