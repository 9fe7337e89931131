package cn.yunying.institution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RegisteredAeTest {

    @Test
    void aeTitlesFollowPs35AndLoseTheirPadding() {
        assertEquals("CLINIC1_CT", RegisteredAe.checkAeTitle(" CLINIC1_CT "));
        assertEquals("ANY-SCP 1", RegisteredAe.checkAeTitle("ANY-SCP 1"));
        for (String bad : new String[] {null, "", "   ", "SEVENTEEN_CHARS__", "BACK\\SLASH", "TAB\tAE", "中文"}) {
            assertThrows(IllegalArgumentException.class, () -> RegisteredAe.checkAeTitle(bad), String.valueOf(bad));
        }
    }

    @Test
    void aMoveDestinationNeedsAPort() {
        assertThrows(IllegalArgumentException.class, () -> new RegisteredAe(1L, "DEMO_PACS", "127.0.0.1", null, true));
        assertThrows(IllegalArgumentException.class, () -> new RegisteredAe(1L, "DEMO_PACS", "127.0.0.1", 70000, true));
        assertEquals(11113, new RegisteredAe(1L, "DEMO_PACS", "127.0.0.1", 11113, true).getPort());
    }
}
