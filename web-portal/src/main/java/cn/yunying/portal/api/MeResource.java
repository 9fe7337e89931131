package cn.yunying.portal.api;

import cn.yunying.identity.application.CallerProfile;
import cn.yunying.identity.application.CallerProfiles;
import cn.yunying.identity.application.HisAccounts;
import cn.yunying.identity.application.ProfileView;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Who am I: the caller and their roles per institution id, as the services see them; the own profile, and binding
 * the HIS account id ({@code PUT /me/his-account} with {@code hisAccountId}, blank to remove).
 */
@Path("/me")
public class MeResource {

    @EJB
    CallerProfiles callers;

    @EJB
    HisAccounts his;

    @Context
    HttpServletRequest request;

    @GET
    @Path("/profile")
    @Produces(MediaType.APPLICATION_JSON)
    public ProfileView profile() {
        return his.myProfile();
    }

    @PUT
    @Path("/his-account")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public ProfileView bind(@FormParam("hisAccountId") String hisAccountId) {
        return his.bind(hisAccountId, request.getRemoteAddr());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CallerProfile me() {
        return callers.current();
    }
}
