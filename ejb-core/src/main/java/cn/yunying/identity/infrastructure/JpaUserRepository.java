package cn.yunying.identity.infrastructure;

import cn.yunying.identity.domain.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** User accounts in the relational store; runs inside the calling service's transaction. */
@ApplicationScoped
public class JpaUserRepository {

    @PersistenceContext(unitName = "yunying")
    EntityManager em;

    public Optional<UserAccount> findByUsername(String username) {
        return em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    public List<UserAccount> pendingAdministratorsOf(Long institutionId) {
        return em.createNamedQuery(UserAccount.PENDING_ADMINS_OF, UserAccount.class)
                .setParameter("institutionId", institutionId).getResultList();
    }

    public long count() {
        return em.createNamedQuery(UserAccount.COUNT_ALL, Long.class).getSingleResult();
    }

    public void save(UserAccount account) {
        em.persist(account);
        em.flush();
    }
}
