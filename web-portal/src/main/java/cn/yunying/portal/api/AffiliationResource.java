package cn.yunying.portal.api;

import cn.yunying.affiliation.application.AffiliationService;
import cn.yunying.affiliation.application.AffiliationView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.BadRequestException;
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
 * Affiliations: list those the caller may see; request one ({@code from}, {@code target} institution ids,
 * {@code forMyself=true} for a doctor's own affiliation, optional {@code note}); take a step on one
 * ({@code accept}, {@code decline}, {@code withdraw}, {@code end}, optional {@code reason}).
 */
@Path("/affiliations")
@Produces(MediaType.APPLICATION_JSON)
public class AffiliationResource {

    @EJB
    AffiliationService affiliations;

    @GET
    public List<AffiliationView> list() {
        return affiliations.visibleAffiliations();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public AffiliationView request(@FormParam("from") String from, @FormParam("target") String target,
                                   @FormParam("forMyself") boolean forMyself, @FormParam("note") String note) {
        return affiliations.request(id("from", from), id("target", target), forMyself, note);
    }

    @POST
    @Path("/{id}/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public AffiliationView act(@PathParam("id") long id, @PathParam("step") String step,
                               @FormParam("reason") String reason) {
        return affiliations.act(id, step, reason);
    }

    private static Long id(String name, String value) {
        try {
            return Long.valueOf(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be an institution id");
        }
    }
}
