package cn.yunying.notification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PasswordResetNotifierTest {

    @Test
    void theLinkPointsAtTheResetPageWhateverTheBaseEndsWith() {
        assertEquals("https://pacs.example.cn/reset.xhtml?token=abc_-1",
                PasswordResetNotifier.link("https://pacs.example.cn/", "abc_-1"));
        assertEquals("http://localhost:8080/reset.xhtml?token=t", PasswordResetNotifier.link("http://localhost:8080", "t"));
    }
}
