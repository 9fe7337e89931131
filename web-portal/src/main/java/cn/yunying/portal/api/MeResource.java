package cn.yunying.portal.api;

import cn.yunying.identity.application.CallerProfile;
import cn.yunying.identity.application.CallerProfiles;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Who am I: the caller and their roles per institution id, as the services see them. */
@Path("/me")
public class MeResource {

    @EJB
    CallerProfiles callers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CallerProfile me() {
        return callers.current();
    }
}
