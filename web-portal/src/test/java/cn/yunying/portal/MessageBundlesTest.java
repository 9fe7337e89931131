package cn.yunying.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every visible text exists in both languages, and every key a page uses exists. */
class MessageBundlesTest {

    private static final Pattern KEY_IN_PAGE = Pattern.compile("msg\\['([a-zA-Z0-9.]+)'\\]");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/cn/yunying/portal/i18n/" + name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndChineseBundlesHaveTheSameKeys() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
    }

    @Test
    void chineseTextsAreChinese() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        assertEquals("登录", zh.getProperty("login.submit"));
        long withHan = zh.stringPropertyNames().stream()
                .filter(k -> zh.getProperty(k).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN)).count();
        assertTrue(withHan >= zh.size() - 2, "only " + withHan + " of " + zh.size() + " zh-CN texts contain Chinese");
    }

    @Test
    void everyKeyUsedInAPageExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher m = KEY_IN_PAGE.matcher(Files.readString(page));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(page.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }
}
