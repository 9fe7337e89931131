package cn.yunying.archive.application;

import cn.yunying.archive.infrastructure.JpaArchiveRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** The conflicts the archive recorded while ingesting, newest first, scoped like studies. */
@Stateless
@PermitAll
public class ArchiveConflicts {

    @Inject
    JpaArchiveRepository repository;

    @EJB
    ArchiveCallers callers;

    public List<ConflictView> visible(int limit) {
        return repository.conflicts(callers.visibleInstitutions(), Math.max(1, Math.min(limit, 1000))).stream()
                .map(c -> new ConflictView(c.getId(), c.getInstitutionId(), c.getKind(), c.getPatientId(),
                        c.getIssuer(), c.getStudyUid(), c.getSopInstanceUid(), c.getKeptValue(), c.getReceivedValue(),
                        c.getResolution(), c.getSource(), c.getOccurredAt()))
                .toList();
    }
}
