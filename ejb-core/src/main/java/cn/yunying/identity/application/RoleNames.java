package cn.yunying.identity.application;

/**
 * The role names other contexts may use when they create accounts (the identity domain's enum stays private to it).
 * {@code RoleNamesTest} keeps this list equal to the enum.
 */
public final class RoleNames {

    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    public static final String INSTITUTION_ADMIN = "INSTITUTION_ADMIN";
    public static final String RADIOLOGIST = "RADIOLOGIST";
    public static final String TECHNICIAN = "TECHNICIAN";
    public static final String CLINICIAN = "CLINICIAN";
    public static final String AUDITOR = "AUDITOR";

    private RoleNames() {
    }
}
