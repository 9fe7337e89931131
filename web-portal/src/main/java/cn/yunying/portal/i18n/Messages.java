package cn.yunying.portal.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Looks up a message in the user's language for Java code (pages use the {@code msg} bundle variable). */
@RequestScoped
public class Messages {

    public static final String BUNDLE = "cn.yunying.portal.i18n.messages";

    @Inject
    LanguageView language;

    public String get(String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, language.getLocale()).getString(key);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }
}
