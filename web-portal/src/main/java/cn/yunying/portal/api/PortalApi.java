package cn.yunying.portal.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JSON API for scripts and dashboards, authenticated by HTTP Basic or the portal session. */
@ApplicationPath("/api")
public class PortalApi extends Application {
}
