package cn.yunying.portal.api;

import cn.yunying.archive.application.VipFlags;
import cn.yunying.identity.application.VipAccess;
import cn.yunying.identity.application.VipGrantView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * VIP restrictions: flag or unflag a study ({@code PUT /vip/studies/{uid}} with {@code vip=true|false}) or the
 * patient of a study ({@code PUT /vip/studies/{uid}/patient}); list, give and revoke VIP access grants of an
 * institution ({@code /vip/grants?institution=}, {@code POST} with {@code institution}, {@code username},
 * {@code DELETE /vip/grants/{institution}/{username}}). The rules are the services'.
 */
@Path("/vip")
@Produces(MediaType.APPLICATION_JSON)
public class VipResource {

    @EJB
    VipFlags flags;

    @EJB
    VipAccess access;

    @PUT
    @Path("/studies/{uid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response flagStudy(@PathParam("uid") String studyUid, @FormParam("vip") String vip) {
        flags.flagStudy(studyUid, bool(vip));
        return Response.noContent().build();
    }

    @PUT
    @Path("/studies/{uid}/patient")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response flagPatient(@PathParam("uid") String studyUid, @FormParam("vip") String vip) {
        flags.flagPatientOf(studyUid, bool(vip));
        return Response.noContent().build();
    }

    @GET
    @Path("/grants")
    public List<VipGrantView> grants(@QueryParam("institution") String institution) {
        return access.grants(id(institution));
    }

    @POST
    @Path("/grants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public VipGrantView grant(@FormParam("institution") String institution, @FormParam("username") String username) {
        return access.grant(id(institution), username);
    }

    @DELETE
    @Path("/grants/{institution}/{username}")
    public Response revoke(@PathParam("institution") String institution, @PathParam("username") String username) {
        access.revoke(id(institution), username);
        return Response.noContent().build();
    }

    private static boolean bool(String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new BadRequestException("vip must be true or false");
    }

    private static Long id(String value) {
        try {
            return Long.valueOf(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("institution must be an institution id");
        }
    }
}
