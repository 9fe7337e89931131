package cn.yunying.portal.guard;

import cn.yunying.shared.RateLimitedException;
import cn.yunying.shared.RateLimits;
import cn.yunying.shared.RateLimits.Limit;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Per client address limits on the public endpoints that send mail or create records: registration (REST and page),
 * password reset requests, applications for certification. The per-account, per-phone and per-e-mail limits are the
 * services' (they see the parsed request); the login limits are the authentication mechanism's. Page POSTs are all
 * counted (postbacks of those pages included), which the generous per-address defaults allow for.
 */
@WebFilter(urlPatterns = {"/api/public/*", "/register.xhtml", "/forgot.xhtml", "/apply.xhtml"})
public class PublicRateLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Limit> LIMITED = Map.of(
            "/api/public/registrations", Limit.REGISTRATION_PER_ADDRESS,
            "/register.xhtml", Limit.REGISTRATION_PER_ADDRESS,
            "/api/public/password-resets", Limit.PASSWORD_RESET_PER_ADDRESS,
            "/forgot.xhtml", Limit.PASSWORD_RESET_PER_ADDRESS,
            "/api/public/applications", Limit.APPLICATION_PER_ADDRESS,
            "/apply.xhtml", Limit.APPLICATION_PER_ADDRESS);

    @Inject
    RateLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Limit limit = "POST".equals(request.getMethod()) ? LIMITED.get(path(request)) : null;
        if (limit != null) {
            try {
                limits.check(limit, request.getRemoteAddr());
            } catch (RateLimitedException e) {
                TooManyRequests.send(request, response, e.retryAfterSeconds());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
