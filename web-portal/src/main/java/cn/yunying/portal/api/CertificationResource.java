package cn.yunying.portal.api;

import cn.yunying.institution.application.CertificationService;
import cn.yunying.institution.application.CertificationStep;
import cn.yunying.institution.application.InstitutionView;
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
 * Certification of institutions: the review queue, decisions ({@code action} = START_REVIEW, CERTIFY, REJECT,
 * SUSPEND, REINSTATE or REVOKE, with a {@code reason} where the rules ask for one) and the history.
 */
@Path("/certification")
@Produces(MediaType.APPLICATION_JSON)
public class CertificationResource {

    @EJB
    CertificationService certification;

    @GET
    @Path("/queue")
    public List<InstitutionView> queue() {
        return certification.reviewQueue();
    }

    @POST
    @Path("/{institutionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public InstitutionView decide(@PathParam("institutionId") long institutionId, @FormParam("action") String action,
                                  @FormParam("reason") String reason) {
        return certification.decide(institutionId, action, reason);
    }

    @GET
    @Path("/{institutionId}/history")
    public List<CertificationStep> history(@PathParam("institutionId") long institutionId) {
        return certification.history(institutionId);
    }
}
