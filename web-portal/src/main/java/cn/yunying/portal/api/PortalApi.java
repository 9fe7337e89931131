package cn.yunying.portal.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * JSON API for scripts and dashboards, authenticated by HTTP Basic or the portal session. Its classes are listed
 * explicitly so that it does not also serve the DICOMweb resources (and /dicomweb does not serve these).
 */
@ApplicationPath("/api")
public class PortalApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AffiliationResource.class, ApplicationResource.class, AuditResource.class,
                CertificationResource.class, DocumentResource.class, InstitutionsResource.class, MeResource.class,
                ArchiveConflictsResource.class, StorageCleanupResource.class, RegistrationResource.class,
                RegistrationDecisionResource.class, PasswordResetResource.class, VipResource.class,
                InstitutionSettingsResource.class, ApiExceptionMapper.class);
    }
}
