package cn.yunying.portal.api;

import cn.yunying.institution.application.AeConnectivity;
import cn.yunying.institution.application.AeEchoResult;
import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.institution.application.InstitutionView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The institutions the caller may see, and a connectivity check of their registered AEs. */
@Path("/institutions")
public class InstitutionsResource {

    @EJB
    InstitutionDirectory directory;

    @EJB
    AeConnectivity connectivity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<InstitutionView> list() {
        return directory.visibleInstitutions();
    }

    /** C-ECHO from the archive to a registered AE (200 with reachable true/false; 403, 404). */
    @POST
    @Path("/aes/{aeTitle}/echo")
    @Produces(MediaType.APPLICATION_JSON)
    public AeEchoResult echo(@PathParam("aeTitle") String aeTitle) {
        return connectivity.echo(aeTitle);
    }
}
