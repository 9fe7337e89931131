package cn.yunying.archive.infrastructure;

import cn.yunying.archive.domain.ArchiveConflict;
import cn.yunying.archive.domain.ArchiveInstance;
import cn.yunying.archive.domain.ArchivePatient;
import cn.yunying.archive.domain.ArchiveSeries;
import cn.yunying.archive.domain.ArchiveStudy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/** The archive index in the relational store; runs inside the calling service's transaction. */
@ApplicationScoped
public class JpaArchiveRepository {

    @PersistenceContext(unitName = "yunying")
    EntityManager em;

    public JpaArchiveRepository() {
    }

    /** For tests outside the container. */
    public JpaArchiveRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<ArchivePatient> patient(Long institutionId, String patientId, String issuer) {
        return em.createNamedQuery(ArchivePatient.FIND, ArchivePatient.class).setParameter("institution", institutionId)
                .setParameter("patientId", patientId == null ? "" : patientId)
                .setParameter("issuer", issuer == null ? "" : issuer).getResultStream().findFirst();
    }

    public Optional<ArchivePatient> patient(Long id) {
        return Optional.ofNullable(em.find(ArchivePatient.class, id));
    }

    /** The study, locked for the counters' update. */
    public Optional<ArchiveStudy> studyForUpdate(String studyUid) {
        return em.createNamedQuery(ArchiveStudy.FIND_BY_UID, ArchiveStudy.class).setParameter("uid", studyUid)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public Optional<ArchiveStudy> study(String studyUid) {
        return em.createNamedQuery(ArchiveStudy.FIND_BY_UID, ArchiveStudy.class).setParameter("uid", studyUid)
                .getResultStream().findFirst();
    }

    public Optional<ArchiveStudy> study(Long id) {
        return Optional.ofNullable(em.find(ArchiveStudy.class, id));
    }

    /** The owning institution and patient ID of a study ({@code [Long, String]}), one index lookup, no entities. */
    public Optional<Object[]> studyOwner(String studyUid) {
        return em.createQuery("SELECT s.institutionId, p.patientId FROM ArchiveStudy s, ArchivePatient p"
                        + " WHERE s.studyUid = :uid AND s.patientPk = p.id", Object[].class)
                .setParameter("uid", studyUid).getResultStream().findFirst();
    }

    /** A series with its study and the study's patient. */
    public record SeriesInStudy(ArchiveSeries series, ArchiveStudy study, ArchivePatient patient) {
    }

    /**
     * A known series, its study and patient in one query, all three locked until the transaction ends (the counters'
     * update): the lookup of every object of a series after its first.
     */
    public Optional<SeriesInStudy> seriesInStudyForUpdate(String seriesUid) {
        return em.createNamedQuery(ArchiveSeries.FIND_WITH_STUDY_AND_PATIENT, Object[].class)
                .setParameter("uid", seriesUid).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .findFirst().map(row -> new SeriesInStudy((ArchiveSeries) row[0], (ArchiveStudy) row[1],
                        (ArchivePatient) row[2]));
    }

    public Optional<ArchiveSeries> series(String seriesUid) {
        return em.createNamedQuery(ArchiveSeries.FIND_BY_UID, ArchiveSeries.class).setParameter("uid", seriesUid)
                .getResultStream().findFirst();
    }

    public Optional<ArchiveSeries> series(Long id) {
        return Optional.ofNullable(em.find(ArchiveSeries.class, id));
    }

    public Optional<ArchiveInstance> instance(String sopInstanceUid) {
        return em.createNamedQuery(ArchiveInstance.FIND_BY_UID, ArchiveInstance.class).setParameter("uid", sopInstanceUid)
                .getResultStream().findFirst();
    }

    /** Which of these relative paths an instance of the index points to. */
    public Set<String> referencedPaths(Collection<String> relativePaths) {
        if (relativePaths.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("SELECT i.filePath FROM ArchiveInstance i WHERE i.filePath IN :paths",
                String.class).setParameter("paths", relativePaths).getResultList());
    }

    /** Whether a unique or other integrity constraint refused a write (SQLState class 23, any database). */
    public static boolean isConstraintViolation(PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    public <T> T save(T entity) {
        em.persist(entity);
        em.flush();
        return entity;
    }

    /** Persists without flushing (the next flush or query sends it, batched with other statements). */
    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public List<ArchiveConflict> conflicts(Collection<Long> institutionIds, int limit) {
        var query = institutionIds == null ? em.createNamedQuery(ArchiveConflict.ALL, ArchiveConflict.class)
                : em.createNamedQuery(ArchiveConflict.OF_INSTITUTIONS, ArchiveConflict.class)
                        .setParameter("ids", institutionIds);
        return query.setMaxResults(limit).getResultList();
    }

    /**
     * Runs a built index query. Rows are the selected entities: {@code ArchivePatient}; {@code [study, patient]};
     * {@code [series, study, patient]}; {@code [instance, series, study, patient]}.
     */
    public List<Object> find(IndexQueryBuilder.Built built, int offset, int limit) {
        Query query = em.createQuery(built.jpql());
        // Read-only rows: answers are never changed, and untracked rows are neither copied for change detection when
        // read nor compared at the commit (which the query's audit record makes a writing one).
        query.setHint(QueryHints.READ_ONLY, HintValues.TRUE);
        built.parameters().forEach(query::setParameter);
        if (built.matchesPatterns()) {
            // values as literals (EclipseLink quotes them), so that the database plans with the pattern's prefix
            query.setHint(QueryHints.BIND_PARAMETERS, HintValues.FALSE);
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows;
    }

    /** Of these study UIDs, those that are VIP-flagged themselves or through their patient. */
    public List<String> vipStudyUids(Collection<String> studyUids) {
        if (studyUids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT s.studyUid FROM ArchiveStudy s, ArchivePatient p WHERE s.patientPk = p.id"
                        + " AND (s.vipSince IS NOT NULL OR p.vipSince IS NOT NULL) AND s.studyUid IN :uids", String.class)
                .setParameter("uids", List.copyOf(studyUids)).getResultList();
    }
}
