package cn.yunying.identity.domain;

/** What a user may do in one institution. The authorization matrix is in docs/security.md. */
public enum Role {
    /** Runs the platform: certifies institutions, sees every institution. Held at the hub. */
    PLATFORM_ADMIN,
    /** Administers one institution: its users, departments, AE titles and affiliations. */
    INSTITUTION_ADMIN,
    /** Reads and signs reports for the institution's studies. */
    RADIOLOGIST,
    /** Acquires and sends images; manages worklists and reconciliation. */
    TECHNICIAN,
    /** Sees reports and images of the institution's patients. */
    CLINICIAN,
    /** Reads the audit trail of the whole platform; no clinical access. */
    AUDITOR;

    /** Roles that see the whole platform's institution directory rather than only their own institutions. */
    public boolean isPlatformWide() {
        return this == PLATFORM_ADMIN || this == AUDITOR;
    }
}
