package cn.yunying.archive.application;

import cn.yunying.archive.application.events.VipFlagChanged;
import cn.yunying.archive.domain.ArchivePatient;
import cn.yunying.archive.domain.ArchiveStudy;
import cn.yunying.archive.domain.StoragePaths;
import cn.yunying.archive.infrastructure.JpaArchiveRepository;
import cn.yunying.identity.application.CallerProfile;
import cn.yunying.identity.application.CallerProfiles;
import cn.yunying.identity.application.RoleNames;
import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;

/**
 * VIP flags on studies and on the patient of a study (docs/security.md). Who may set them: the administrators and the
 * radiologists of the owning institution. Clearing a flag that hides the study from the caller needs a VIP grant of
 * that institution (an administrator may grant it to themself): a radiologist cannot unhide what they cannot see.
 * Every change is audited (VIP_FLAGGED / VIP_UNFLAGGED).
 */
@Stateless
@PermitAll
public class VipFlags {

    private static final Set<String> FLAGGING = Set.of(RoleNames.INSTITUTION_ADMIN, RoleNames.RADIOLOGIST);

    @Inject
    JpaArchiveRepository repository;

    @EJB
    CallerProfiles callers;

    @Inject
    Event<VipFlagChanged> changed;

    /** Sets or clears the VIP flag of one study. */
    public void flagStudy(String studyUid, boolean vip) {
        CallerProfile caller = callers.current();
        ArchiveStudy study = studyFor(caller, studyUid);
        ArchivePatient patient = repository.patient(study.getPatientPk()).orElseThrow();
        requireMaySee(caller, study, patient);
        if (study.isVip() != vip) {
            study.setVip(vip, Instant.now());
            repository.flush();
            changed.fire(new VipFlagChanged(Instant.now(), caller.username(), "STUDY", studyUid,
                    patient.getPatientId(), study.getInstitutionId(), vip));
        }
    }

    /** Sets or clears the VIP flag of the patient of a study: all of that patient's studies follow it. */
    public void flagPatientOf(String studyUid, boolean vip) {
        CallerProfile caller = callers.current();
        ArchiveStudy study = studyFor(caller, studyUid);
        ArchivePatient patient = repository.patient(study.getPatientPk()).orElseThrow();
        requireMaySee(caller, study, patient);
        if (patient.isVip() != vip) {
            patient.setVip(vip, Instant.now());
            repository.flush();
            changed.fire(new VipFlagChanged(Instant.now(), caller.username(), "PATIENT", patient.getPatientId(),
                    patient.getPatientId(), study.getInstitutionId(), vip));
        }
    }

    /** The study, if the caller may flag it; another institution's study is "not found", as for retrieval. */
    private ArchiveStudy studyFor(CallerProfile caller, String studyUid) {
        if (!StoragePaths.isValidUid(studyUid)) {
            throw new DomainException(ArchiveError.INVALID_REQUEST, "not a UID");
        }
        ArchiveStudy study = repository.study(studyUid).orElse(null);
        Set<Long> visible;
        try {
            visible = ArchiveCallers.visibleTo(caller);
        } catch (AccessDeniedException e) {
            visible = Set.of();
        }
        if (study == null || visible != null && !visible.contains(study.getInstitutionId())) {
            throw new DomainException(ArchiveError.NOT_FOUND, "no study " + studyUid + " visible");
        }
        if (caller.roleNamesIn(study.getInstitutionId()).stream().noneMatch(FLAGGING::contains)) {
            throw new DomainException(ArchiveError.VIP_FLAG_NOT_ALLOWED, caller.username() + " may not flag "
                    + studyUid);
        }
        return study;
    }

    private static void requireMaySee(CallerProfile caller, ArchiveStudy study, ArchivePatient patient) {
        boolean hidden = study.isVip() || patient.isVip();
        if (hidden && !caller.vipInstitutions().contains(study.getInstitutionId())) {
            throw new DomainException(ArchiveError.VIP_RESTRICTED, "study " + study.getStudyUid() + " is VIP");
        }
    }
}
