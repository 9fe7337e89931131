package cn.yunying.institution.domain;

/**
 * The feature settings of an institution and their defaults (docs/configuration.md says which take effect where).
 */
public enum InstitutionFeature {
    /** Doctors may self-register with this institution (takes effect: registration list and submission). */
    SELF_REGISTRATION(true),
    /** The institution takes part in consultations (stored for the consultation issue). */
    CONSULTATION(false),
    /** Patients get SMS notices (stored for the patient-notification issue). */
    PATIENT_SMS(false);

    private final boolean defaultValue;

    InstitutionFeature(boolean defaultValue) {
        this.defaultValue = defaultValue;
    }

    public boolean defaultValue() {
        return defaultValue;
    }
}
