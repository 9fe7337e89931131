package cn.yunying.portal.i18n;

import java.util.List;
import java.util.Locale;

/** The two languages of the portal and how a browser's preference maps onto them. */
public final class SupportedLanguages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private SupportedLanguages() {
    }

    /** Any tag starting with "zh" is Chinese; anything else, or nothing, is English. */
    public static Locale parse(String languageTag) {
        return languageTag != null && languageTag.toLowerCase().startsWith("zh") ? CHINESE : ENGLISH;
    }

    /** The first preferred locale that is Chinese or English decides; with neither, English. */
    public static Locale fromAcceptLanguage(List<Locale> preferred) {
        for (Locale candidate : preferred) {
            if ("zh".equals(candidate.getLanguage())) {
                return CHINESE;
            }
            if ("en".equals(candidate.getLanguage())) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }
}
