package cn.yunying.portal.api;

import cn.yunying.institution.application.AeConnectivity;
import cn.yunying.institution.application.AeEchoResult;
import cn.yunying.institution.application.AeRegistration;
import cn.yunying.institution.application.AeRegistry;
import cn.yunying.institution.application.RegisteredAeView;
import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.institution.application.InstitutionView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The institutions the caller may see, their registered DICOM nodes (AEs) and a connectivity check of them. */
@Path("/institutions")
public class InstitutionsResource {

    @EJB
    InstitutionDirectory directory;

    @EJB
    AeConnectivity connectivity;

    @EJB
    AeRegistry registry;

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

    /** The DICOM nodes of an institution (its administrators and platform administrators; else 403). */
    @GET
    @Path("/{id}/aes")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RegisteredAeView> aes(@PathParam("id") Long institutionId) {
        return registry.list(institutionId);
    }

    /** Registers a DICOM node: 201 with it; 400 for a bad title, host or port; 409 if the title is taken. */
    @POST
    @Path("/{id}/aes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("id") Long institutionId, AeRegistration registration) {
        return Response.status(201).entity(registry.register(institutionId, registration)).build();
    }

    /** Removes a DICOM node: 204; 404 if the institution has no such AE. */
    @DELETE
    @Path("/{id}/aes/{aeTitle}")
    public Response remove(@PathParam("id") Long institutionId, @PathParam("aeTitle") String aeTitle) {
        registry.remove(institutionId, aeTitle);
        return Response.noContent().build();
    }
}
