package cn.yunying.portal.api;

import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import cn.yunying.shared.RateLimitedException;
import cn.yunying.portal.guard.TooManyRequests;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.UUID;

/**
 * The one place REST errors are shaped: a domain error becomes its catalogue's HTTP status and key, a refusal 403,
 * anything unexpected 500 with a correlation id that is also in the server log. Never a stack trace to the client.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(ApiExceptionMapper.class.getName());

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest request;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (cause instanceof WebApplicationException web) {
            return web.getResponse().hasEntity() ? web.getResponse()
                    : json(web.getResponse().getStatus(), Map.of("error", String.valueOf(web.getMessage())));
        }
        if (cause instanceof RateLimitedException limited) {
            return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", limited.retryAfterSeconds())
                    .entity(Map.of("error", "rateLimited", "retryAfter", Long.toString(limited.retryAfterSeconds()),
                            "message", TooManyRequests.message(request, limited.retryAfterSeconds()))).build();
        }
        if (cause instanceof AccessDeniedException) {
            return json(403, Map.of("error", "accessDenied"));
        }
        if (cause instanceof DomainException domain) {
            return json(domain.code().httpStatus(), Map.of("error", domain.code().key()));
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "Unexpected error " + correlationId, cause);
        return json(500, Map.of("error", "internal", "correlationId", correlationId));
    }

    private static Response json(int status, Map<String, String> body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
