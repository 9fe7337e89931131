package cn.yunying.portal.api;

import cn.yunying.institution.application.DocumentContent;
import cn.yunying.institution.application.DocumentView;
import cn.yunying.institution.application.InstitutionApplications;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The documents an institution submitted, for its reviewers: the list, and each file shown inline. */
@Path("/institutions/{institutionId}/documents")
public class DocumentResource {

    @EJB
    InstitutionApplications applications;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<DocumentView> list(@PathParam("institutionId") long institutionId) {
        return applications.documents(institutionId);
    }

    @GET
    @Path("/{documentId}")
    public Response open(@PathParam("institutionId") long institutionId, @PathParam("documentId") long documentId) {
        DocumentContent document = applications.document(institutionId, documentId);
        String encodedName = URLEncoder.encode(document.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(document.content(), document.contentType())
                .header("Content-Disposition", "inline; filename*=UTF-8''" + encodedName)
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + document.sha256())
                .build();
    }
}
