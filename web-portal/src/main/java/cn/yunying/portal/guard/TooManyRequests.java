package cn.yunying.portal.guard;

import cn.yunying.portal.i18n.Messages;
import cn.yunying.portal.i18n.SupportedLanguages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The one "too many attempts" answer: 429 with {@code Retry-After}, a JSON body for API paths and a small HTML page
 * otherwise, in the language the client asks for (Chinese or English).
 */
public final class TooManyRequests {

    private TooManyRequests() {
    }

    /** The message in the request's language, with the wait in seconds. */
    public static String message(HttpServletRequest request, long retryAfterSeconds) {
        Locale locale = SupportedLanguages.fromAcceptLanguage(Collections.list(request.getLocales()));
        return ResourceBundle.getBundle(Messages.BUNDLE, locale).getString("error.rateLimited")
                .replace("{0}", Long.toString(retryAfterSeconds));
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        String text = message(request, retryAfterSeconds);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getServletPath().startsWith("/api") || request.getServletPath().startsWith("/dicomweb")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"rateLimited\",\"retryAfter\":" + retryAfterSeconds
                    + ",\"message\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>429</title></head>"
                    + "<body><p id=\"rateLimited\">" + text + "</p></body></html>");
        }
    }
}
