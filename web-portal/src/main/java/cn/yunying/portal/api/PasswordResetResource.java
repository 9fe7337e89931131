package cn.yunying.portal.api;

import cn.yunying.identity.application.PasswordResets;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Public "forgot password": {@code POST} with {@code identifier} (user name or e-mail) always answers 202 with the same
 * body, whether or not an account matched; {@code POST /completion} with {@code token} and {@code password} sets the
 * new password (204), or answers 410 for an unknown, used or expired link and 400 for a weak password.
 */
@Path("/public/password-resets")
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

    @EJB
    PasswordResets resets;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@FormParam("identifier") String identifier) {
        resets.request(identifier, request.getRemoteAddr());
        return Response.accepted(Map.of("status", "accepted")).build();
    }

    @POST
    @Path("/completion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@FormParam("token") String token, @FormParam("password") String password) {
        resets.reset(token, password == null ? null : password.toCharArray(), request.getRemoteAddr());
        return Response.noContent().build();
    }
}
