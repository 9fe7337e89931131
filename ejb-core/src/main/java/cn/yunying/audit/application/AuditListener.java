package cn.yunying.audit.application;

import cn.yunying.affiliation.application.events.AffiliationChanged;
import cn.yunying.archive.application.events.PatientDataAccessed;
import cn.yunying.archive.application.events.StorageCleaned;
import cn.yunying.archive.application.events.VipFlagChanged;
import cn.yunying.audit.domain.AuditEntry;
import cn.yunying.audit.domain.AuditEntry.ActorType;
import cn.yunying.audit.domain.AuditEntry.Outcome;
import cn.yunying.identity.application.events.HisAccountBound;
import cn.yunying.identity.application.events.LoginFailed;
import cn.yunying.institution.application.events.AeRegistryChanged;
import cn.yunying.institution.application.events.InstitutionCertificationChanged;
import cn.yunying.institution.application.events.InstitutionSettingsChanged;
import cn.yunying.identity.application.events.LoginSucceeded;
import cn.yunying.identity.application.events.PasswordResetStep;
import cn.yunying.identity.application.events.VipAccessChanged;
import cn.yunying.registration.application.events.RegistrationChanged;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Turns the other contexts' events into audit records. Synchronous observers run inside the firing transaction, which
 * is what makes the trail complete: if the record cannot be written, the audited action rolls back.
 */
@ApplicationScoped
public class AuditListener {

    public static final String LOGIN = "LOGIN";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";

    @EJB
    AuditTrail trail;

    void onLoginSucceeded(@Observes LoginSucceeded event) {
        trail.append(new AuditEntry(event.at(), event.username(), ActorType.USER, LOGIN, Outcome.SUCCESS,
                "USER", event.username(), null, event.sourceAddress(), null));
    }

    void onCertification(@Observes InstitutionCertificationChanged event) {
        trail.append(new AuditEntry(event.at(), event.actor(), ActorType.USER, "CERTIFICATION_" + event.action(),
                Outcome.SUCCESS, "INSTITUTION", event.institutionCode(), null, null,
                event.fromStatus() + " -> " + event.toStatus() + (event.reason() == null ? "" : ": " + event.reason())));
    }

    void onInstitutionSettings(@Observes InstitutionSettingsChanged event) {
        trail.append(new AuditEntry(event.at(), event.actor(), ActorType.USER, "INSTITUTION_SETTINGS_CHANGED",
                Outcome.SUCCESS, "INSTITUTION", event.institutionCode(), null, null, event.detail()));
    }

    void onAffiliation(@Observes AffiliationChanged event) {
        trail.append(new AuditEntry(event.at(), event.actor(), ActorType.USER, "AFFILIATION_" + event.step(),
                Outcome.SUCCESS, "AFFILIATION", String.valueOf(event.affiliationId()), null, null,
                event.requesterCode() + (event.doctorUsername() == null ? "" : " (" + event.doctorUsername() + ")")
                        + " -> " + event.targetCode() + (event.note() == null ? "" : ": " + event.note())));
    }

    void onPatientData(@Observes PatientDataAccessed event) {
        trail.append(new AuditEntry(event.at(), event.actor(),
                "DICOM_AE".equals(event.actorType()) ? ActorType.DICOM_AE : ActorType.USER, event.action(),
                Outcome.SUCCESS, event.subjectType(), event.subject(), event.patientId(), event.sourceAddress(),
                event.detail()));
    }

    void onStorageCleaned(@Observes StorageCleaned event) {
        trail.append(new AuditEntry(event.at(), event.actor(), "SYSTEM".equals(event.actor()) ? ActorType.SYSTEM
                : ActorType.USER, "ARCHIVE_STORAGE_CLEANUP", Outcome.SUCCESS, "STORAGE", event.root(), null, null,
                event.scanned() + " files scanned, " + event.orphansRemoved() + " unreferenced and "
                        + event.temporaryRemoved() + " temporary removed"
                        + (event.detail().isEmpty() ? "" : ": " + event.detail()))); // clipped by AuditEntry
    }

    void onRegistration(@Observes RegistrationChanged event) {
        trail.append(new AuditEntry(event.at(), event.actor(), ActorType.USER, "REGISTRATION_" + event.step(),
                Outcome.SUCCESS, "REGISTRATION", String.valueOf(event.registrationId()), null, null,
                event.username() + " " + event.role() + " @ " + event.institutionCode()
                        + (event.reason() == null ? "" : ": " + event.reason())));
    }

    void onPasswordReset(@Observes PasswordResetStep event) {
        trail.append(new AuditEntry(event.at(), event.subject(), ActorType.USER, "PASSWORD_RESET_" + event.step(),
                event.success() ? Outcome.SUCCESS : Outcome.FAILURE, "USER", event.subject(), null,
                event.sourceAddress(), event.detail()));
    }

    void onVipFlag(@Observes VipFlagChanged event) {
        trail.append(new AuditEntry(event.at(), event.actor(), ActorType.USER,
                event.vip() ? "VIP_FLAGGED" : "VIP_UNFLAGGED", Outcome.SUCCESS, event.subjectType(), event.subject(),
                event.patientId(), null, "institution " + event.institutionId()));
    }

    void onVipAccess(@Observes VipAccessChanged event) {
        trail.append(new AuditEntry(event.at(), event.actor(), ActorType.USER,
                event.granted() ? "VIP_ACCESS_GRANTED" : "VIP_ACCESS_REVOKED", Outcome.SUCCESS, "USER",
                event.username(), null, null, "institution " + event.institutionId()));
    }

    void onHisAccount(@Observes HisAccountBound event) {
        trail.append(new AuditEntry(event.at(), event.username(), ActorType.USER, "HIS_ACCOUNT_BOUND",
                Outcome.SUCCESS, "USER", event.username(), null, event.sourceAddress(),
                event.oldId() + " -> " + event.newId()));
    }

    void onLoginFailed(@Observes LoginFailed event) {
        trail.append(new AuditEntry(event.at(), event.attemptedUsername(), ActorType.USER, LOGIN_FAILED,
                Outcome.FAILURE, "USER", event.attemptedUsername(), null, event.sourceAddress(), event.reason()));
    }

    void onAeRegistry(@Observes AeRegistryChanged event) {
        trail.append(new AuditEntry(event.at(), event.actor(), ActorType.USER, "AE_" + event.step(), Outcome.SUCCESS,
                "AE", event.aeTitle(), null, null, event.institutionCode() + ": " + event.detail()));
    }
}
