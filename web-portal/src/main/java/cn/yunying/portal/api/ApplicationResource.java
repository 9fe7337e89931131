package cn.yunying.portal.api;

import cn.yunying.institution.application.ApplicationForm;
import cn.yunying.institution.application.InstitutionApplications;
import cn.yunying.institution.application.InstitutionView;
import cn.yunying.institution.application.UploadedDocument;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public application for certification (no login: the applicant has no account yet). A multipart form with the
 * fields of {@link ApplicationForm} ({@code departments} one {@code CODE=name} per line, {@code features}
 * comma-separated) and one or more {@code document} parts (PDF or JPEG).
 */
@Path("/public/applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private static final int MAX_FIELD_BYTES = 4096;
    /** Read one byte past the limit so that an oversized document is reported, never silently cut. */
    private static final int MAX_DOCUMENT_READ = (int) cn.yunying.institution.domain.DocumentType.MAX_BYTES + 1;

    @EJB
    InstitutionApplications applications;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public InstitutionView apply(List<EntityPart> parts) throws IOException {
        Map<String, String> fields = new HashMap<>();
        List<UploadedDocument> documents = new ArrayList<>();
        for (EntityPart part : parts) {
            try (InputStream in = part.getContent()) {
                if ("document".equals(part.getName())) {
                    documents.add(new UploadedDocument(part.getFileName().orElse("document"),
                            part.getMediaType().toString(), in.readNBytes(MAX_DOCUMENT_READ)));
                } else {
                    byte[] value = in.readNBytes(MAX_FIELD_BYTES + 1);
                    if (value.length > MAX_FIELD_BYTES) {
                        throw new WebApplicationException(part.getName() + " is too long", 400);
                    }
                    fields.put(part.getName(), new String(value, StandardCharsets.UTF_8));
                }
            }
        }
        String password = fields.get("adminPassword");
        return applications.apply(new ApplicationForm(fields.get("nameZh"), fields.get("nameEn"), fields.get("level"),
                fields.get("licenseNumber"), fields.get("contactName"), fields.get("contactPhone"),
                fields.get("contactEmail"), fields.get("adminUsername"),
                password == null ? null : password.toCharArray(), fields.get("departments"),
                features(fields.get("features"))), documents);
    }

    /** {@code features}: comma-separated feature names; absent means the defaults. */
    private static java.util.Set<String> features(String value) {
        if (value == null) {
            return null;
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String name : value.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }
}
