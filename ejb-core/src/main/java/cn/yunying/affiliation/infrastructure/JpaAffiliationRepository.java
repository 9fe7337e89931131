package cn.yunying.affiliation.infrastructure;

import cn.yunying.affiliation.domain.Affiliation;
import cn.yunying.affiliation.domain.AffiliationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Affiliations in the relational store; runs inside the calling service's transaction. */
@ApplicationScoped
public class JpaAffiliationRepository {

    private static final EnumSet<AffiliationStatus> OPEN = EnumSet.of(AffiliationStatus.REQUESTED,
            AffiliationStatus.ACTIVE);

    @PersistenceContext(unitName = "yunying")
    EntityManager em;

    public Optional<Affiliation> find(Long id) {
        return Optional.ofNullable(em.find(Affiliation.class, id));
    }

    public void save(Affiliation affiliation) {
        em.persist(affiliation);
        em.flush();
    }

    public List<Affiliation> all() {
        return em.createNamedQuery(Affiliation.ALL, Affiliation.class).getResultList();
    }

    public List<Affiliation> involving(Collection<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Affiliation.INVOLVING, Affiliation.class).setParameter("ids", institutionIds)
                .getResultList();
    }

    public boolean hasOpen(Long from, Long to, String doctorUsername) {
        var query = doctorUsername == null
                ? em.createNamedQuery(Affiliation.OPEN_FOR_INSTITUTION, Long.class)
                : em.createNamedQuery(Affiliation.OPEN_FOR_DOCTOR, Long.class).setParameter("doctor", doctorUsername);
        return query.setParameter("from", from).setParameter("to", to).setParameter("open", OPEN).getSingleResult() > 0;
    }

    public boolean activeBetween(Long a, Long b) {
        return em.createNamedQuery(Affiliation.ACTIVE_BETWEEN, Long.class).setParameter("active", AffiliationStatus.ACTIVE)
                .setParameter("a", a).setParameter("b", b).getSingleResult() > 0;
    }
}
