package cn.yunying.portal.api;

import cn.yunying.institution.application.InstitutionView;
import cn.yunying.registration.application.RegistrationForm;
import cn.yunying.registration.application.RegistrationService;
import cn.yunying.registration.application.RegistrationView;
import cn.yunying.registration.application.VerificationResult;
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
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public doctor self-registration (no login): the institutions one may choose, submitting a request (form fields
 * {@code username, displayName, email, phone, password, institutionId, department, hisAccountId, role}) and entering
 * the e-mailed code ({@code POST /{id}/verification}, field {@code code}).
 */
@Path("/public/registrations")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    @EJB
    RegistrationService registrations;

    @GET
    @Path("/institutions")
    public List<InstitutionView> institutions() {
        return registrations.institutions();
    }

    /** The departments to choose from at an institution (empty: any department may be typed). */
    @GET
    @Path("/institutions/{id}/departments")
    public List<cn.yunying.institution.application.DepartmentView> departments(@PathParam("id") long id) {
        return registrations.departments(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@FormParam("username") String username, @FormParam("displayName") String displayName,
                           @FormParam("email") String email, @FormParam("phone") String phone,
                           @FormParam("password") String password, @FormParam("institutionId") String institutionId,
                           @FormParam("department") String department, @FormParam("hisAccountId") String hisAccountId,
                           @FormParam("role") String role) {
        RegistrationView view = registrations.submit(new RegistrationForm(username, displayName, email, phone,
                password == null ? null : password.toCharArray(), id(institutionId), department, hisAccountId, role));
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@PathParam("id") long id, @FormParam("code") String code) {
        VerificationResult result = registrations.verify(id, code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", result.status());
        body.put("attemptsLeft", result.attemptsLeft());
        if (result.verified()) {
            return Response.ok(body).build();
        }
        body.put("error", result.error().key());
        return Response.status(result.error().httpStatus()).entity(body).build();
    }

    private static Long id(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("institutionId must be an institution id");
        }
    }
}
