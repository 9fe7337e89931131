package cn.yunying.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialTest {

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesUtf8CredentialsAndKeepsColonsInThePassword() {
        var credential = PortalAuthenticationMechanism.basicCredential(basic("hub-rad:密码:Demo-2026")).orElseThrow();
        assertEquals("hub-rad", credential.getCaller());
        assertEquals("密码:Demo-2026", credential.getPasswordAsString());
        assertTrue(PortalAuthenticationMechanism.basicCredential("basic " + basic("a:b").substring(6)).isPresent());
    }

    @Test
    void ignoresAnythingThatIsNotWellFormedBasic() {
        for (String header : new String[] {null, "", "Bearer abc", "Basic", "Basic !!!notbase64", basic("nocolon"),
                basic(":emptyuser")}) {
            assertTrue(PortalAuthenticationMechanism.basicCredential(header).isEmpty(), String.valueOf(header));
        }
    }
}
