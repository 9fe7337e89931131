package cn.yunying.portal.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;

/**
 * The language of the portal for this browser: zh-CN or English. The first request decides from the browser's
 * Accept-Language (any Chinese variant means zh-CN); the switch in the page header changes it and remembers the choice
 * in a cookie, so that it survives logout and the next visit.
 */
@Named("language")
@SessionScoped
public class LanguageView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String COOKIE = "yunying-lang";
    private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = initialLocale((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
        }
        return locale;
    }

    public String getTag() {
        return getLocale().toLanguageTag();
    }

    public boolean isChinese() {
        return SupportedLanguages.CHINESE.equals(getLocale());
    }

    /** Switches language and reloads the page so that every text, including PrimeFaces widgets, changes. */
    public void switchTo(String languageTag) throws IOException {
        locale = SupportedLanguages.parse(languageTag);
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        faces.getViewRoot().setLocale(locale);
        Map<String, Object> cookie = Map.of("maxAge", ONE_YEAR_SECONDS, "path", "/", "httpOnly", true);
        external.addResponseCookie(COOKIE, locale.toLanguageTag(), cookie);
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String query = request.getQueryString();
        external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
        faces.responseComplete();
    }

    static Locale initialLocale(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return SupportedLanguages.parse(cookie.getValue());
                }
            }
        }
        return SupportedLanguages.fromAcceptLanguage(Collections.list(request.getLocales()));
    }

}
