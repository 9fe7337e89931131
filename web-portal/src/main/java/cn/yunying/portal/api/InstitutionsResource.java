package cn.yunying.portal.api;

import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.institution.application.InstitutionView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The institutions the caller may see. */
@Path("/institutions")
public class InstitutionsResource {

    @EJB
    InstitutionDirectory directory;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<InstitutionView> list() {
        return directory.visibleInstitutions();
    }
}
