package cn.yunying.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yunying.identity.domain.Role;
import cn.yunying.identity.domain.UserAccount;
import cn.yunying.identity.domain.UserStatus;
import cn.yunying.institution.domain.Institution;
import cn.yunying.institution.domain.InstitutionLevel;
import cn.yunying.institution.domain.InstitutionStatus;
import cn.yunying.institution.domain.RegisteredAe;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Writes and reads back one of each entity, Chinese names included, through the sequences of the migrations. */
final class EntityRoundTrip {

    private EntityRoundTrip() {
    }

    static void run(EntityManagerFactory factory) {
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Long institutionId;
        Long userId;
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            Institution hub = new Institution("RT-HUB", "中心医院", "Central Hospital", InstitutionLevel.HUB,
                    InstitutionStatus.CERTIFIED, created);
            em.persist(hub);
            em.flush();
            em.persist(new RegisteredAe(hub.getId(), "RT_CT", "127.0.0.1", 104, true));
            UserAccount user = new UserAccount("rt-user", "王小明", "$hash", UserStatus.ACTIVE, created);
            user.grant(Role.RADIOLOGIST, hub.getId());
            em.persist(user);
            em.getTransaction().commit();
            institutionId = hub.getId();
            userId = user.getId();
        } finally {
            em.close();
        }
        EntityManager reader = factory.createEntityManager();
        try {
            Institution hub = reader.find(Institution.class, institutionId);
            assertEquals("中心医院", hub.getNameZh());
            assertEquals(created, hub.getCreatedAt());
            UserAccount user = reader.find(UserAccount.class, userId);
            assertEquals("王小明", user.getDisplayName());
            assertEquals(Role.RADIOLOGIST, user.getRoles().get(0).getRole());
            assertEquals(institutionId, user.getRoles().get(0).getInstitutionId());
            assertEquals(104, reader.createNamedQuery(RegisteredAe.FIND_BY_TITLE, RegisteredAe.class)
                    .setParameter("aeTitle", "RT_CT").getSingleResult().getPort());
        } finally {
            reader.close();
        }
    }
}
