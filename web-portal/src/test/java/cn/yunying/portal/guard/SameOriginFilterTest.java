package cn.yunying.portal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Origins are compared normalised: case, default ports and paths do not make two origins differ. */
class SameOriginFilterTest {

    @Test
    void originsAreNormalised() {
        assertEquals("http://127.0.0.1:8180", SameOriginFilter.originOf("http://127.0.0.1:8180/app/studies.xhtml?x=1"));
        assertEquals("https://pacs.example.cn", SameOriginFilter.originOf("HTTPS://PACS.Example.cn:443/"));
        assertEquals("http://pacs.example.cn", SameOriginFilter.originOf("http://pacs.example.cn:80"));
        assertEquals("http://evil.example:8180", SameOriginFilter.originOf("http://evil.example:8180"));
        assertEquals("", SameOriginFilter.originOf("not a url"));
        assertEquals("", SameOriginFilter.originOf("null"));
    }
}
