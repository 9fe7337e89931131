package cn.yunying.institution.infrastructure;

import cn.yunying.institution.domain.CertificationEvent;
import cn.yunying.institution.domain.Institution;
import cn.yunying.institution.domain.InstitutionDocument;
import cn.yunying.institution.domain.InstitutionStatus;
import cn.yunying.institution.domain.RegisteredAe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Institutions and registered AEs in the relational store; runs inside the calling service's transaction. */
@ApplicationScoped
public class JpaInstitutionRepository {

    @PersistenceContext(unitName = "yunying")
    EntityManager em;

    public List<Institution> findAll() {
        return em.createNamedQuery(Institution.FIND_ALL, Institution.class).getResultList();
    }

    public List<Institution> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Institution.FIND_BY_IDS, Institution.class).setParameter("ids", ids).getResultList();
    }

    public Optional<Institution> find(Long id) {
        return Optional.ofNullable(em.find(Institution.class, id));
    }

    public List<Institution> findByStatuses(Collection<InstitutionStatus> statuses) {
        return em.createNamedQuery(Institution.FIND_BY_STATUSES, Institution.class)
                .setParameter("statuses", statuses).getResultList();
    }

    public List<CertificationEvent> historyOf(Long institutionId) {
        return em.createNamedQuery(CertificationEvent.HISTORY_OF, CertificationEvent.class)
                .setParameter("institutionId", institutionId).getResultList();
    }

    public Optional<Institution> findByLicense(String licenseNumber) {
        return em.createNamedQuery(Institution.FIND_BY_LICENSE, Institution.class)
                .setParameter("license", licenseNumber).getResultStream().findFirst();
    }

    public List<InstitutionDocument> documentsOf(Long institutionId) {
        return em.createNamedQuery(InstitutionDocument.OF_INSTITUTION, InstitutionDocument.class)
                .setParameter("institutionId", institutionId).getResultList();
    }

    public void save(InstitutionDocument document) {
        em.persist(document);
    }

    public void save(CertificationEvent event) {
        em.persist(event);
    }

    public Optional<Institution> findByCode(String code) {
        return em.createNamedQuery(Institution.FIND_BY_CODE, Institution.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    public Optional<RegisteredAe> findAe(String aeTitle) {
        return em.createNamedQuery(RegisteredAe.FIND_BY_TITLE, RegisteredAe.class)
                .setParameter("aeTitle", aeTitle).getResultStream().findFirst();
    }

    public List<RegisteredAe> aesOf(Collection<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(RegisteredAe.FIND_BY_INSTITUTIONS, RegisteredAe.class)
                .setParameter("ids", institutionIds).getResultList();
    }

    public void save(Institution institution) {
        em.persist(institution);
        em.flush();
    }

    public void save(RegisteredAe ae) {
        em.persist(ae);
        em.flush();
    }

    public void delete(RegisteredAe ae) {
        em.remove(ae);
        em.flush();
    }

    public List<cn.yunying.institution.domain.Department> departmentsOf(Long institutionId) {
        return em.createNamedQuery(cn.yunying.institution.domain.Department.OF_INSTITUTION,
                cn.yunying.institution.domain.Department.class).setParameter("id", institutionId).getResultList();
    }

    public List<cn.yunying.institution.domain.InstitutionSetting> settingsOf(Long institutionId) {
        return em.createNamedQuery(cn.yunying.institution.domain.InstitutionSetting.OF_INSTITUTION,
                cn.yunying.institution.domain.InstitutionSetting.class).setParameter("id", institutionId)
                .getResultList();
    }

    /** Replaces the departments and the feature settings of an institution. */
    public void replaceSettings(Long institutionId, List<cn.yunying.institution.domain.Department> departments,
                                List<cn.yunying.institution.domain.InstitutionSetting> settings) {
        departmentsOf(institutionId).forEach(em::remove);
        settingsOf(institutionId).forEach(em::remove);
        em.flush();
        departments.forEach(em::persist);
        settings.forEach(em::persist);
        em.flush();
    }
}
