package cn.yunying.portal.api;

import cn.yunying.archive.application.ArchiveConflicts;
import cn.yunying.archive.application.ConflictView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Conflicts the archive recorded while ingesting (conflicting demographics, duplicate instances), newest first. */
@Path("/archive/conflicts")
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveConflictsResource {

    @EJB
    ArchiveConflicts conflicts;

    @GET
    public List<ConflictView> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return conflicts.visible(limit);
    }
}
