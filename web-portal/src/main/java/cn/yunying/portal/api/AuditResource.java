package cn.yunying.portal.api;

import cn.yunying.audit.application.AuditQueries;
import cn.yunying.audit.application.AuditRecordView;
import cn.yunying.audit.application.AuditSearch;
import cn.yunying.audit.application.AuditVerification;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The audit trail for auditors: search ({@code from}/{@code to} as ISO-8601 instants) and chain verification. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @EJB
    AuditQueries audit;

    @Context
    HttpServletRequest request;

    @GET
    public List<AuditRecordView> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                        @QueryParam("patientId") String patientId, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("limit") String limit) {
        return audit.search(new AuditSearch(actor, action, patientId, instant("from", from), instant("to", to),
                number("limit", limit)),
                request.getRemoteAddr());
    }

    /** The whole search result (up to {@code AuditQueries.EXPORT_LIMIT} records) as a UTF-8 CSV file. */
    @GET
    @Path("/export")
    @Produces("text/csv")
    public Response export(@QueryParam("actor") String actor, @QueryParam("action") String action,
                           @QueryParam("patientId") String patientId, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        byte[] csv = audit.export(new AuditSearch(actor, action, patientId, instant("from", from), instant("to", to),
                0), request.getRemoteAddr());
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"yunying-audit.csv\"").build();
    }

    @GET
    @Path("/verification")
    public AuditVerification verify() {
        return audit.verify(request.getRemoteAddr());
    }

    private static int number(String name, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-11-23T00:00:00Z");
        }
    }
}
