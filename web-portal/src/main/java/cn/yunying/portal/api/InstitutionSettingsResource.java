package cn.yunying.portal.api;

import cn.yunying.institution.application.InstitutionSettings;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Departments and feature settings of an institution: read ({@code GET}, its administrators and platform
 * administrators) and replace ({@code PUT} with {@code departments}, one {@code CODE=name} per line, and
 * {@code features}, the comma-separated enabled ones; its administrators only).
 */
@Path("/institutions/{id}/settings")
@Produces(MediaType.APPLICATION_JSON)
public class InstitutionSettingsResource {

    @EJB
    InstitutionSettings settings;

    @GET
    public Map<String, Object> read(@PathParam("id") long id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("features", settings.features(id));
        body.put("departments", settings.departments(id));
        return body;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @FormParam("departments") String departments,
                           @FormParam("features") String features) {
        Set<String> enabled = new TreeSet<>();
        for (String name : (features == null ? "" : features).split(",")) {
            if (!name.isBlank()) {
                enabled.add(name.strip());
            }
        }
        settings.update(id, departments, enabled);
        return Response.noContent().build();
    }
}
