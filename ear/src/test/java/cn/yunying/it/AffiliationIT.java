package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Clinic 1 affiliates with the hub, with the hub's consent; a doctor's own request is declined; all audited. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AffiliationIT {

    private static final String API = YunyingEar.PORTAL + "/api/affiliations";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void affiliationNeedsTheTargetsConsentAndEitherSideCanEndIt() throws Exception {
        String hub = YunyingEar.institutionId("HUB");
        String clinic1 = YunyingEar.institutionId("CLINIC1");
        String clinic2 = YunyingEar.institutionId("CLINIC2");

        assertEquals(403, YunyingEar.postForm(API, "clinic1-rad", "from", clinic1, "target", hub).statusCode(),
                "only administrators request for their institution");
        assertEquals(403, YunyingEar.postForm(API, "clinic2-admin", "from", clinic1, "target", hub).statusCode(),
                "nobody requests for another institution");
        assertEquals(400, YunyingEar.postForm(API, "clinic1-admin", "from", clinic1, "target", clinic1).statusCode());

        HttpResponse<String> requested = YunyingEar.postForm(API, "clinic1-admin", "from", clinic1, "target", hub,
                "note", "远程诊断合作 remote reading");
        assertEquals(200, requested.statusCode(), requested.body());
        assertTrue(requested.body().contains("\"status\":\"REQUESTED\""), requested.body());
        String id = YunyingEar.field(requested.body(), "id");
        assertEquals(409, YunyingEar.postForm(API, "clinic1-admin", "from", clinic1, "target", hub).statusCode(),
                "one open request per pair");

        assertEquals(403, YunyingEar.postForm(API + "/" + id + "/accept", "clinic1-admin").statusCode(),
                "the requester cannot consent for the target");
        assertEquals(403, YunyingEar.postForm(API + "/" + id + "/accept", "clinic2-admin").statusCode());
        HttpResponse<String> accepted = YunyingEar.postForm(API + "/" + id + "/accept", "hub-admin");
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertTrue(accepted.body().contains("\"status\":\"ACTIVE\"") && accepted.body().contains("\"decidedBy\":\"hub-admin\""));

        String seenByClinic2 = YunyingEar.get(API, "clinic2-admin", YunyingEar.DEMO_PASSWORD).body();
        assertFalse(seenByClinic2.contains("\"id\":" + id + ","), "clinic 2 is not a party: " + seenByClinic2);
        assertTrue(YunyingEar.get(API, "clinic1-rad", YunyingEar.DEMO_PASSWORD).body().contains("\"id\":" + id + ","));

        HttpResponse<String> own = YunyingEar.postForm(API, "clinic1-rad", "from", clinic1, "target", clinic2,
                "forMyself", "true");
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(own.body().contains("\"doctorUsername\":\"clinic1-rad\""), own.body());
        String ownId = YunyingEar.field(own.body(), "id");
        HttpResponse<String> declined = YunyingEar.postForm(API + "/" + ownId + "/decline",
                "clinic2-admin", "reason", "暂不接受 not now");
        assertTrue(declined.body().contains("\"status\":\"DECLINED\"") && declined.body().contains("暂不接受"),
                declined.body());

        HttpResponse<String> ended = YunyingEar.postForm(API + "/" + id + "/end", "hub-admin", "reason", "合作结束");
        assertTrue(ended.body().contains("\"status\":\"ENDED\""), ended.body());
        assertEquals(409, YunyingEar.postForm(API + "/" + id + "/accept", "hub-admin").statusCode());
        assertEquals(400, YunyingEar.postForm(API + "/" + id + "/delete", "hub-admin").statusCode());

        String audit = YunyingEar.get(YunyingEar.PORTAL + "/api/audit?action=AFFILIATION_ACCEPTED", "auditor",
                YunyingEar.DEMO_PASSWORD).body();
        assertTrue(audit.contains("CLINIC1 -> HUB") && audit.contains("\"actor\":\"hub-admin\""), audit);
    }
}
