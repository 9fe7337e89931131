package cn.yunying.portal.viewer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The OHIF viewer under {@code /viewer/} (its files are unpacked from the viewer module into this WAR) is a single-page
 * application with its own routes ({@code /viewer/viewer?StudyInstanceUIDs=...}, {@code /viewer/} for its study list):
 * a GET for a route (a path that is not one of its files and has no file extension) gets {@code index.html}, so deep
 * links and reloads work. The page and its configuration are never cached, so a new build or configuration is picked
 * up at once; the hashed bundles may be.
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
        return isRoutePath(method, path) && (path.equals("/viewer") || path.endsWith("/")
                || getServletContext().getResource(path) == null);
    }

    /**
     * A GET of a path that may be one of the application's routes: a directory, or a last segment without a file
     * extension ({@code /viewer/viewer}, {@code /viewer/segmentation}). A missing {@code .js} or {@code .wasm} file
     * stays a 404 instead of becoming the page.
     */
    static boolean isRoutePath(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
