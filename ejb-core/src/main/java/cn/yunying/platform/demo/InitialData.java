package cn.yunying.platform.demo;

import cn.yunying.identity.application.NewUser;
import cn.yunying.identity.application.UserProvisioning;
import cn.yunying.identity.application.RoleNames;
import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.institution.application.NewInstitution;
import cn.yunying.institution.domain.InstitutionLevel;
import cn.yunying.institution.domain.InstitutionStatus;
import cn.yunying.platform.settings.PlatformSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;

/**
 * Runs once the schema is migrated. Demo mode loads the demo institutions, users and AEs (once); production mode
 * loads nothing but insists on a first administrator password when the platform has no user yet. All of it runs in
 * one container transaction, so a failure leaves no half-loaded demo.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class InitialData {

    private static final System.Logger LOG = System.getLogger(InitialData.class.getName());
    static final String HUB = "HUB";

    @Inject
    PlatformSettings settings;

    @EJB
    UserProvisioning users;

    @EJB
    InstitutionDirectory institutions;

    @PostConstruct
    void load() {
        if (settings.mode() == PlatformSettings.Mode.DEMO) {
            if (institutions.findByCode(HUB).isEmpty()) {
                new DemoData(institutions, users).load();
                LOG.log(Level.INFO, "Demo data loaded (demo mode)");
            }
            return;
        }
        if (users.countUsers() == 0) {
            createFirstAdministrator();
        }
    }

    private void createFirstAdministrator() {
        char[] password = settings.adminPassword().orElseThrow(() -> new IllegalStateException(
                "Production mode and no user yet: set YUNYING_ADMIN_PASSWORD (yunying.admin.password) "
                        + "for the first administrator 'admin'"));
        Long hub = institutions.findByCode(HUB).map(v -> v.id()).orElseGet(() -> institutions.register(
                new NewInstitution(HUB, settings.hubNameZh(), settings.hubNameEn(), InstitutionLevel.HUB,
                        InstitutionStatus.CERTIFIED, null)));
        users.createActiveUser(new NewUser("admin", "Administrator", null, null, password,
                Map.of(hub, Set.of(RoleNames.PLATFORM_ADMIN))));
        LOG.log(Level.INFO, "First administrator 'admin' created (production mode)");
    }
}
