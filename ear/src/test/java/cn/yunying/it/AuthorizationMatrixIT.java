package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The authorization matrix: every demo role, in its relation to the institution that owns the data (own institution,
 * another member, the hub, platform-wide), against the actions that matter, through the same REST and DICOMweb
 * endpoints the portal and API clients use. Any cell that allows what the policy (docs/security.md) does not allow
 * fails the build; so does a cell that denies what it should allow. Mutating actions are only tried where the policy
 * denies them, so that the matrix leaves the demo data as it found it (the one VIP study it flags is its own).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

    private static final List<String> USERS = List.of("admin", "hub-admin", "hub-rad", "clinic1-admin", "clinic1-rad",
            "clinic1-tech", "clinic2-admin", "clinic2-rad", "auditor");
    /** Who sees clinic 1's images: the platform administrator and clinic 1's own staff. */
    private static final Set<String> SEES_CLINIC1_STUDIES = Set.of("admin", "clinic1-admin", "clinic1-rad",
            "clinic1-tech");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void everyRoleGetsExactlyWhatThePolicyAllows() throws Exception {
        String study = DicomObjects.uid();
        assertEquals(200, DicomObjects.stow("clinic1-tech", DicomObjects.object("ISO_IR 192", "周^明", "AUTHZ-1",
                study, DicomObjects.uid(), DicomObjects.uid(), "CR", "20250401", "authz")).statusCode());
        String vipStudy = DicomObjects.uid();
        assertEquals(200, DicomObjects.stow("clinic1-tech", DicomObjects.object("ISO_IR 192", "贵^宾", "AUTHZ-VIP",
                vipStudy, DicomObjects.uid(), DicomObjects.uid(), "CT", "20250401", "authz vip")).statusCode());
        assertEquals(204, VipIT.send("PUT", "/api/vip/studies/" + vipStudy, "clinic1-rad", "vip", "true")
                .statusCode());
        String clinic3 = YunyingEar.institutionId("CLINIC3");
        String clinic1 = YunyingEar.institutionId("CLINIC1");
        String clinic2 = YunyingEar.institutionId("CLINIC2");

        List<String> violations = new ArrayList<>();
        for (String user : USERS) {
            boolean admin = user.equals("admin");
            boolean auditor = user.equals("auditor");
            check(violations, user, "read the audit trail", get("/api/audit", user), admin || auditor ? 200 : 403);
            check(violations, user, "see the certification queue", get("/api/certification/queue", user),
                    admin ? 200 : 403);
            check(violations, user, "open an applicant's documents",
                    get("/api/institutions/" + clinic3 + "/documents", user), admin ? 200 : 403);
            if (!admin) {
                check(violations, user, "decide a certification", YunyingEar.postForm(YunyingEar.PORTAL
                        + "/api/certification/" + clinic3, user, "action", "REJECT", "reason", "matrix"), 403);
            }
            check(violations, user, "probe clinic 1's registered AE", YunyingEar.postForm(YunyingEar.PORTAL
                    + "/api/institutions/aes/CLINIC1_CT/echo", user), admin || user.equals("clinic1-admin") ? 200 : 403);
            if (!user.equals("clinic1-admin") && !admin) {
                check(violations, user, "request an affiliation on clinic 1's behalf", YunyingEar.postForm(
                        YunyingEar.PORTAL + "/api/affiliations", user, "from", clinic1, "target", clinic2), 403);
            }

            boolean sees = SEES_CLINIC1_STUDIES.contains(user);
            HttpResponse<String> search = get("/dicomweb/studies?StudyInstanceUID=" + study, user);
            if (auditor) {
                check(violations, user, "search studies", search, 403);
            } else if (search.statusCode() >= 300 || search.body().contains(study) != sees) {
                violations.add(user + " / search clinic 1's study: status " + search.statusCode() + ", "
                        + (search.body().contains(study) ? "found" : "not found") + " (expected "
                        + (sees ? "found" : "not found") + ")");
            }
            check(violations, user, "read clinic 1's study metadata",
                    get("/dicomweb/studies/" + study + "/metadata", user), auditor ? 403 : sees ? 200 : 404);

            // VIP: nobody holds a VIP grant in the demo data, so nobody sees the flagged study, platform admin included
            if (!auditor) {
                HttpResponse<String> vipSearch = get("/dicomweb/studies?StudyInstanceUID=" + vipStudy, user);
                if (vipSearch.statusCode() >= 300 || vipSearch.body().contains(vipStudy)) {
                    violations.add(user + " / search clinic 1's VIP study: status " + vipSearch.statusCode() + ", "
                            + (vipSearch.body().contains(vipStudy) ? "found" : "not found") + " (expected not found)");
                }
            }
            check(violations, user, "read clinic 1's VIP study metadata",
                    get("/dicomweb/studies/" + vipStudy + "/metadata", user), auditor ? 403 : sees ? 403 : 404);
            boolean flags = user.equals("clinic1-admin") || user.equals("clinic1-rad");
            check(violations, user, "list clinic 1's VIP grants", get("/api/vip/grants?institution=" + clinic1, user),
                    user.equals("clinic1-admin") ? 200 : 403);
            if (!flags) {
                check(violations, user, "flag clinic 1's study VIP", VipIT.send("PUT", "/api/vip/studies/" + study,
                        user, "vip", "true"), sees ? 403 : 404);
                check(violations, user, "grant VIP access in clinic 1", VipIT.send("POST", "/api/vip/grants", user,
                        "institution", clinic1, "username", "clinic1-rad"), 403);
            }
        }
        assertTrue(violations.isEmpty(), "authorization matrix violations:\n" + String.join("\n", violations));
    }

    private static HttpResponse<String> get(String path, String user) throws Exception {
        return YunyingEar.get(YunyingEar.PORTAL + path, user, YunyingEar.DEMO_PASSWORD);
    }

    private static void check(List<String> violations, String user, String action, HttpResponse<String> response,
                              int expected) {
        if (response.statusCode() != expected) {
            violations.add(user + " / " + action + ": " + response.statusCode() + " (expected " + expected + ")");
        }
    }
}
