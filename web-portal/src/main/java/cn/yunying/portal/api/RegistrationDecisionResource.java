package cn.yunying.portal.api;

import cn.yunying.registration.application.RegistrationService;
import cn.yunying.registration.application.RegistrationView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * For institution administrators: the verified registrations waiting for them, and the decision
 * ({@code POST /{id}/approve}, {@code POST /{id}/reject} with {@code reason}).
 */
@Path("/registrations")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationDecisionResource {

    @EJB
    RegistrationService registrations;

    @GET
    public List<RegistrationView> awaiting() {
        return registrations.awaitingMyDecision();
    }

    @POST
    @Path("/{id}/approve")
    public RegistrationView approve(@PathParam("id") long id) {
        return registrations.approve(id);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public RegistrationView reject(@PathParam("id") long id, @FormParam("reason") String reason) {
        return registrations.reject(id, reason);
    }
}
