package cn.yunying.portal.viewer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The OHIF viewer under {@code /viewer/} (its files come from the viewer module's resource jar) is a single-page
 * application with its own routes ({@code /viewer/viewer?StudyInstanceUIDs=...}, {@code /viewer/} for its study list):
 * a GET for a path that is not one of its files gets {@code index.html}, so deep links and reloads work. The page and
 * its configuration are never cached, so a new build or configuration is picked up at once; the hashed bundles may be.
 */
@WebFilter("/viewer/*")
public class ViewerRoutingFilter extends HttpFilter {

    static final String INDEX = "/viewer/index.html";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.equals(INDEX) || path.equals("/viewer/app-config.js")) {
            response.setHeader("Cache-Control", "no-cache");
        }
        if (isRoute(request.getMethod(), path)) {
            response.setHeader("Cache-Control", "no-cache");
            request.getRequestDispatcher(INDEX).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isRoute(String method, String path) throws IOException {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        return path.equals("/viewer") || path.endsWith("/") || getServletContext().getResource(path) == null;
    }
}
