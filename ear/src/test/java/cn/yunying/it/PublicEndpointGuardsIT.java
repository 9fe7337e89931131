package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The guards in front of the public endpoints: rate limits per client address and per account, phone or e-mail
 * (429, Retry-After, a message in the client's language), and the cross-origin check on state-changing requests.
 * Each test is its own client address (RawHttp), so the limits it uses up do not affect the other tests. That a
 * window opens again is shown by SlidingWindowLimiterTest (the windows here are an hour long).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicEndpointGuardsIT {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return YunyingEar.fromBuild();
    }

    @Test
    void passwordResetRequestsArLimitedPerAddressWithRetryAfterInBothLanguages() throws Exception {
        InetAddress client = RawHttp.freshLoopback();
        for (int i = 0; i < 30; i++) {
            RawHttp.Response accepted = RawHttp.send(client, "POST", "/api/public/password-resets", FORM,
                    "identifier=" + enc("nobody-" + i + "-" + System.nanoTime()));
            assertEquals(202, accepted.status(), "attempt " + (i + 1) + ": " + accepted.body());
        }
        RawHttp.Response refused = RawHttp.send(client, "POST", "/api/public/password-resets",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept-Language", "zh-CN"),
                "identifier=one-more");
        assertEquals(429, refused.status(), refused.body());
        long retryAfter = Long.parseLong(refused.headers().get("retry-after"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertTrue(refused.body().contains("尝试次数过多") && refused.body().contains("\"error\":\"rateLimited\""),
                refused.body());
        RawHttp.Response english = RawHttp.send(client, "POST", "/api/public/password-resets",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept-Language", "en"), "identifier=x");
        assertTrue(english.status() == 429 && english.body().contains("Too many attempts"), english.body());
        assertEquals(202, YunyingEar.postPublicForm(YunyingEar.PORTAL + "/api/public/password-resets",
                "identifier", "someone-else").statusCode(), "another address is not affected");
    }

    @Test
    void registrationIsLimitedPerEmailAndPerPhone() throws Exception {
        InetAddress client = RawHttp.freshLoopback();
        String nonce = Long.toString(System.nanoTime() % 10_000_000_000L, 36);
        String email = "limit-" + nonce + "@doctor.example.cn";
        int refusedAt = -1;
        for (int i = 1; i <= 6 && refusedAt < 0; i++) {
            RawHttp.Response r = RawHttp.send(client, "POST", "/api/public/registrations", FORM,
                    "username=lim" + i + "-" + nonce + "&displayName=" + enc("限流") + "&email=" + enc(email)
                            + "&phone=136" + String.format("%08d", (System.nanoTime() / 1000 + i) % 100_000_000)
                            + "&password=Limit-2026-x&institutionId=" + YunyingEar.institutionId("CLINIC1")
                            + "&department=" + enc("放射科") + "&role=CLINICIAN");
            if (r.status() == 429) {
                refusedAt = i;
                assertTrue(r.headers().containsKey("retry-after"), r.headers().toString());
            }
        }
        assertEquals(6, refusedAt, "five requests per e-mail address, the sixth is refused");
    }

    @Test
    void failedBasicLoginsArLimitedPerAccountButGoodOnesAreNotCounted() throws Exception {
        InetAddress client = RawHttp.freshLoopback();
        String account = "ghost-" + System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertEquals(401, RawHttp.send(client, "GET", "/api/me", basic(account, "wrong-" + i), null).status());
        }
        RawHttp.Response blocked = RawHttp.send(client, "GET", "/api/me", basic(account, "wrong"), null);
        assertEquals(429, blocked.status());
        assertTrue(blocked.headers().containsKey("retry-after"));
        for (int i = 0; i < 25; i++) {
            assertEquals(200, RawHttp.send(client, "GET", "/api/me", basic("clinic1-rad", YunyingEar.DEMO_PASSWORD),
                    null).status(), "successful API calls never count");
        }
    }

    @Test
    void aCrossOriginPostIsRefusedAndStoresNothing() throws Exception {
        InetAddress client = RawHttp.freshLoopback();
        String nonce = Long.toHexString(System.nanoTime());
        String body = "username=csrf-" + nonce + "&displayName=x&email=csrf-" + nonce + "%40doctor.example.cn"
                + "&phone=135" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000) + "&password=Csrf-2026-x&institutionId=" + YunyingEar.institutionId("CLINIC1")
                + "&department=x&role=CLINICIAN";
        RawHttp.Response evil = RawHttp.send(client, "POST", "/api/public/registrations",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", "http://evil.example",
                        "Accept-Language", "en"), body);
        assertEquals(403, evil.status(), evil.body());
        assertTrue(evil.body().contains("did not come from a page of this site"), evil.body());
        RawHttp.Response viaReferer = RawHttp.send(client, "POST", "/api/public/registrations",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Referer", "http://evil.example/form.html",
                        "Accept-Language", "zh-CN"), body);
        assertEquals(403, viaReferer.status());
        assertTrue(viaReferer.body().contains("并非来自本站页面"), viaReferer.body());
        RawHttp.Response page = RawHttp.send(client, "POST", "/register.xhtml",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", "null",
                        "Cookie", "JSESSIONID=whatever"), "registerForm=registerForm");
        assertEquals(403, page.status(), "a Faces form post from an opaque origin");
        try (java.sql.Connection db = YunyingEar.database(); java.sql.PreparedStatement q = db.prepareStatement(
                "SELECT COUNT(*) FROM registration WHERE username = ?")) {
            q.setString(1, "csrf-" + nonce);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "nothing stored");
            }
        }
        String own = YunyingEar.PORTAL;
        RawHttp.Response sameOrigin = RawHttp.send(client, "POST", "/api/public/registrations",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", own), body);
        assertEquals(201, sameOrigin.status(), "the same request from our own origin: " + sameOrigin.body());
        HttpResponse<String> apiClient = YunyingEar.postForm(YunyingEar.PORTAL + "/api/affiliations", "clinic1-admin",
                "from", "x");
        assertFalse(apiClient.statusCode() == 403 && apiClient.body().contains("crossOrigin"),
                "an API client without Origin and session is not a cross-origin request");
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
