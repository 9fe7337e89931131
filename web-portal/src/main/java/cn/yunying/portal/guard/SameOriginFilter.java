package cn.yunying.portal.guard;

import cn.yunying.portal.i18n.Messages;
import cn.yunying.portal.i18n.SupportedLanguages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The explicit CSRF check (docs/security.md): a state-changing request (POST, PUT, PATCH, DELETE) to any page or
 * resource must come from this site. Its {@code Origin} (or, without one, its {@code Referer}) must be the origin the
 * request was sent to, or the configured {@code yunying.portal.url}. A request with neither header is let through only
 * when it carries no session cookie: an API client authenticating with HTTP Basic, which a foreign page cannot make a
 * browser send with its own origin hidden. Refused requests get 403 before any page or service runs.
 */
@WebFilter("/*")
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private transient Optional<String> configuredOrigin;

    @Override
    public void init() {
        configuredOrigin = ConfigProvider.getConfig().getOptionalValue("yunying.portal.url", String.class)
                .map(SameOriginFilter::originOf);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!UNSAFE.contains(request.getMethod()) || allowed(request)) {
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response);
    }

    boolean allowed(HttpServletRequest request) {
        String claimed = request.getHeader("Origin");
        if (claimed == null || claimed.isBlank() || "null".equals(claimed)) {
            String referer = request.getHeader("Referer");
            claimed = referer == null || referer.isBlank() ? null : originOf(referer);
        } else {
            claimed = originOf(claimed);
        }
        if (claimed == null) {
            return !hasSessionCookie(request) && !"null".equals(request.getHeader("Origin"));
        }
        return claimed.equals(ownOrigin(request)) || configuredOrigin != null
                && configuredOrigin.filter(claimed::equals).isPresent();
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        return request.getRequestedSessionId() != null;
    }

    /** scheme://host[:port] of the request as the client addressed it (the Host header). */
    static String ownOrigin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return originOf(request.getScheme() + "://" + (host == null ? request.getServerName() : host));
    }

    /** The normalised origin of a URL (lower-case scheme and host, default ports dropped), or "" if unparsable. */
    static String originOf(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme)
                    && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = SupportedLanguages.fromAcceptLanguage(Collections.list(request.getLocales()));
        String text = ResourceBundle.getBundle(Messages.BUNDLE, locale).getString("error.crossOrigin");
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getServletPath();
        if (path.startsWith("/api") || path.startsWith("/dicomweb")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"crossOrigin\",\"message\":\"" + text + "\"}");
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>403</title></head>"
                    + "<body><p id=\"crossOrigin\">" + text + "</p></body></html>");
        }
    }
}
