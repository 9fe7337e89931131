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

    /** Accounts with this e-mail address, compared in lower case. */
    public List<UserAccount> findByEmail(String email) {
        return em.createNamedQuery(UserAccount.FIND_BY_EMAIL, UserAccount.class)
                .setParameter("email", email.toLowerCase(java.util.Locale.ROOT)).getResultList();
    }

    public List<UserAccount> findByPhone(String phone) {
        return em.createNamedQuery(UserAccount.FIND_BY_PHONE, UserAccount.class)
                .setParameter("phone", phone).getResultList();
    }

    /**
     * Reads the account again under a row lock, until the transaction ends: concurrent logins of one user then update
     * its counters one after another instead of failing on the optimistic version check.
     */
    public void lockForUpdate(UserAccount account) {
        em.refresh(account, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<UserAccount> find(Long id) {
        return Optional.ofNullable(em.find(UserAccount.class, id));
    }

    public List<UserAccount> pendingAdministratorsOf(Long institutionId) {
        return em.createNamedQuery(UserAccount.PENDING_ADMINS_OF, UserAccount.class)
                .setParameter("institutionId", institutionId).getResultList();
    }

    public long count() {
        return em.createNamedQuery(UserAccount.COUNT_ALL, Long.class).getSingleResult();
    }

    public void save(cn.yunying.identity.domain.PasswordReset reset) {
        em.persist(reset);
    }

    public Optional<cn.yunying.identity.domain.PasswordReset> resetByTokenHash(String tokenHash) {
        return em.createNamedQuery(cn.yunying.identity.domain.PasswordReset.BY_TOKEN_HASH,
                        cn.yunying.identity.domain.PasswordReset.class)
                .setParameter("tokenHash", tokenHash).getResultStream().findFirst();
    }

    public void save(UserAccount account) {
        em.persist(account);
        em.flush();
    }

    public List<cn.yunying.identity.domain.VipAccessGrant> vipGrantsOf(Long userId) {
        return em.createNamedQuery(cn.yunying.identity.domain.VipAccessGrant.OF_USER,
                cn.yunying.identity.domain.VipAccessGrant.class).setParameter("userId", userId).getResultList();
    }

    public List<cn.yunying.identity.domain.VipAccessGrant> vipGrantsIn(Long institutionId) {
        return em.createNamedQuery(cn.yunying.identity.domain.VipAccessGrant.OF_INSTITUTION,
                        cn.yunying.identity.domain.VipAccessGrant.class).setParameter("institutionId", institutionId)
                .getResultList();
    }

    public Optional<cn.yunying.identity.domain.VipAccessGrant> vipGrant(Long userId, Long institutionId) {
        return em.createNamedQuery(cn.yunying.identity.domain.VipAccessGrant.FIND,
                        cn.yunying.identity.domain.VipAccessGrant.class).setParameter("userId", userId)
                .setParameter("institutionId", institutionId).getResultStream().findFirst();
    }

    public void save(cn.yunying.identity.domain.VipAccessGrant grant) {
        em.persist(grant);
        em.flush();
    }

    public void remove(cn.yunying.identity.domain.VipAccessGrant grant) {
        em.remove(grant);
        em.flush();
    }

    /** Other accounts holding a role in one of {@code institutionIds} and bound to this HIS account id. */
    public List<String> hisHolders(String hisAccountId, java.util.Collection<Long> institutionIds, String self) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(UserAccount.HIS_HOLDERS, String.class).setParameter("his", hisAccountId)
                .setParameter("institutions", List.copyOf(institutionIds)).setParameter("self", self)
                .getResultList();
    }
}
