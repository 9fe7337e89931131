package cn.yunying.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SupportedLanguagesTest {

    @Test
    void anyChineseBrowserGetsSimplifiedChinese() {
        for (String tag : List.of("zh", "zh-CN", "zh-TW", "zh-Hans-CN")) {
            assertEquals(SupportedLanguages.CHINESE,
                    SupportedLanguages.fromAcceptLanguage(List.of(Locale.forLanguageTag(tag))), tag);
        }
    }

    @Test
    void theFirstSupportedPreferenceWinsAndEnglishIsTheFallback() {
        assertEquals(SupportedLanguages.ENGLISH, SupportedLanguages.fromAcceptLanguage(
                List.of(Locale.forLanguageTag("en-GB"), Locale.forLanguageTag("zh-CN"))));
        assertEquals(SupportedLanguages.CHINESE, SupportedLanguages.fromAcceptLanguage(
                List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("zh"))));
        assertEquals(SupportedLanguages.ENGLISH, SupportedLanguages.fromAcceptLanguage(List.of(Locale.GERMAN)));
        assertEquals(SupportedLanguages.ENGLISH, SupportedLanguages.parse(null));
        assertEquals(SupportedLanguages.CHINESE, SupportedLanguages.parse("zh-CN"));
    }
}
