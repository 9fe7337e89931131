package cn.yunying.platform.demo;

import cn.yunying.identity.application.NewUser;
import cn.yunying.identity.application.UserProvisioning;
import cn.yunying.identity.domain.Role;
import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.institution.application.NewInstitution;
import cn.yunying.institution.domain.InstitutionLevel;
import cn.yunying.institution.domain.InstitutionStatus;
import java.util.Map;
import java.util.Set;

/**
 * The demo contract documented in the README: a hub and two clinics, one user per role (password
 * {@value #PASSWORD}), and the demo DICOM peers. Other issues' tests and external checks rely on these names.
 */
final class DemoData {

    static final String PASSWORD = "Demo-2026";
    static final String CLINIC1 = "CLINIC1";
    static final String CLINIC2 = "CLINIC2";
    static final String CLINIC3 = "CLINIC3";
    private static final String LOCALHOST = "127.0.0.1";

    private final InstitutionDirectory institutions;
    private final UserProvisioning users;

    DemoData(InstitutionDirectory institutions, UserProvisioning users) {
        this.institutions = institutions;
        this.users = users;
    }

    void load() {
        Long hub = institutions.register(new NewInstitution(InitialData.HUB, "中心医院", "Central Hospital",
                InstitutionLevel.HUB, InstitutionStatus.CERTIFIED, "DEMO-HUB-0001"));
        Long clinic1 = institutions.register(new NewInstitution(CLINIC1, "城东社区卫生服务中心",
                "East District Community Health Center", InstitutionLevel.COMMUNITY_CLINIC,
                InstitutionStatus.CERTIFIED, "DEMO-CL1-0001"));
        Long clinic2 = institutions.register(new NewInstitution(CLINIC2, "西山乡镇卫生院",
                "Xishan Township Health Center", InstitutionLevel.TOWNSHIP_CLINIC,
                InstitutionStatus.CERTIFIED, "DEMO-CL2-0001"));

        // an application waiting in the platform administrator's review queue
        institutions.register(new NewInstitution(CLINIC3, "南湖社区卫生服务站", "Nanhu Community Health Station",
                InstitutionLevel.COMMUNITY_CLINIC, InstitutionStatus.APPLIED, "DEMO-CL3-0001"));

        institutions.registerAe(CLINIC1, "CLINIC1_CT", LOCALHOST, null, false);
        institutions.registerAe(CLINIC2, "CLINIC2_MR", LOCALHOST, null, false);
        institutions.registerAe(CLINIC1, "DEMO_PACS", LOCALHOST, 11113, true);

        user("admin", "平台管理员", hub, Role.PLATFORM_ADMIN);
        user("hub-admin", "中心医院管理员", hub, Role.INSTITUTION_ADMIN);
        user("hub-rad", "王建国", hub, Role.RADIOLOGIST);
        user("clinic1-admin", "城东管理员", clinic1, Role.INSTITUTION_ADMIN);
        user("clinic1-rad", "李明", clinic1, Role.RADIOLOGIST);
        user("clinic1-tech", "张伟", clinic1, Role.TECHNICIAN);
        user("clinic2-admin", "西山管理员", clinic2, Role.INSTITUTION_ADMIN);
        user("clinic2-rad", "刘芳", clinic2, Role.RADIOLOGIST);
        user("auditor", "审计员", hub, Role.AUDITOR);
    }

    private void user(String username, String displayName, Long institution, Role role) {
        users.createActiveUser(new NewUser(username, displayName, username + "@demo.yunying.local", null,
                PASSWORD.toCharArray(), Map.of(institution, Set.of(role.name()))));
    }
}
