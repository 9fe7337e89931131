package cn.yunying.registration.infrastructure;

import cn.yunying.registration.domain.Registration;
import cn.yunying.registration.domain.RegistrationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Registration requests in the relational store; runs inside the calling service's transaction. */
@ApplicationScoped
public class JpaRegistrationRepository {

    @PersistenceContext(unitName = "yunying")
    EntityManager em;

    public void save(Registration registration) {
        em.persist(registration);
        em.flush();
    }

    /** Locked for update, so that two concurrent code entries or decisions cannot both pass. */
    public Optional<Registration> findForUpdate(Long id) {
        return Optional.ofNullable(em.find(Registration.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Open requests (unverified or awaiting approval) using this user name, phone or e-mail. */
    public List<Registration> openWith(String username, String phone, String email) {
        return em.createNamedQuery(Registration.OPEN_WITH, Registration.class)
                .setParameter("statuses", List.of(RegistrationStatus.UNVERIFIED, RegistrationStatus.AWAITING_APPROVAL))
                .setParameter("username", username).setParameter("phone", phone)
                .setParameter("email", email.toLowerCase(Locale.ROOT)).getResultList();
    }

    public List<Registration> awaitingIn(Collection<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Registration.AWAITING_IN, Registration.class)
                .setParameter("ids", institutionIds).getResultList();
    }
}
