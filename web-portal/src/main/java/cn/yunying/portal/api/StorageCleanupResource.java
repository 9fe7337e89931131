package cn.yunying.portal.api;

import cn.yunying.archive.application.CleanupReport;
import cn.yunying.archive.application.OrphanFileCleanup;
import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;

/**
 * Runs the archive's orphan-file cleanup now (platform administrators; the service checks). {@code minAgeSeconds}
 * overrides the configured minimum age, e.g. after a database outage has been repaired.
 */
@Path("/archive/storage-cleanup")
@Produces(MediaType.APPLICATION_JSON)
public class StorageCleanupResource {

    @EJB
    OrphanFileCleanup cleanup;

    @POST
    public CleanupReport run(@QueryParam("minAgeSeconds") Long minAgeSeconds) {
        return cleanup.cleanNow(minAgeSeconds == null ? null : Duration.ofSeconds(minAgeSeconds));
    }
}
