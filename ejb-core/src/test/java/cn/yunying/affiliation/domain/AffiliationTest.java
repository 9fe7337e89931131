package cn.yunying.affiliation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.affiliation.domain.Affiliation.Side;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AffiliationTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static Affiliation requested() {
        return Affiliation.request(2L, 1L, null, "clinic1-admin", "转诊合作", T0);
    }

    @Test
    void aRequestIsPendingUntilTheTargetAccepts() {
        Affiliation affiliation = requested();
        assertEquals(AffiliationStatus.REQUESTED, affiliation.getStatus());
        affiliation.accept("hub-admin", T0.plusSeconds(60));
        assertEquals(AffiliationStatus.ACTIVE, affiliation.getStatus());
        assertEquals("hub-admin", affiliation.getDecidedBy());
        affiliation.end("clinic1-admin", T0.plusSeconds(120), "合作结束");
        assertEquals(AffiliationStatus.ENDED, affiliation.getStatus());
        assertEquals("合作结束", affiliation.getNote());
    }

    @Test
    void onlyPendingRequestsCanBeDecidedOrWithdrawnAndOnlyActiveOnesEnded() {
        Affiliation declined = requested();
        declined.decline("hub-admin", T0, "not now");
        assertEquals(AffiliationStatus.DECLINED, declined.getStatus());
        assertThrows(AffiliationRefused.class, () -> declined.accept("hub-admin", T0));
        assertThrows(AffiliationRefused.class, () -> declined.end("hub-admin", T0, null));
        assertThrows(AffiliationRefused.class, () -> declined.withdraw("clinic1-admin", T0));

        Affiliation withdrawn = requested();
        withdrawn.withdraw("clinic1-admin", T0);
        assertEquals(AffiliationStatus.WITHDRAWN, withdrawn.getStatus());
        assertFalse(withdrawn.getStatus().isOpen());
        assertThrows(AffiliationRefused.class, () -> withdrawn.accept("hub-admin", T0));

        Affiliation pending = requested();
        assertThrows(AffiliationRefused.class, () -> pending.end("hub-admin", T0, null));
    }

    @Test
    void consentComesFromTheTargetWithdrawalFromTheRequesterAndEitherMayEnd() {
        assertTrue(Affiliation.allowed("accept", Side.TARGET));
        assertFalse(Affiliation.allowed("accept", Side.REQUESTER));
        assertTrue(Affiliation.allowed("decline", Side.TARGET));
        assertFalse(Affiliation.allowed("decline", Side.REQUESTER));
        assertTrue(Affiliation.allowed("withdraw", Side.REQUESTER));
        assertFalse(Affiliation.allowed("withdraw", Side.TARGET));
        assertTrue(Affiliation.allowed("end", Side.REQUESTER) && Affiliation.allowed("end", Side.TARGET));
        assertFalse(Affiliation.allowed("delete", Side.TARGET));
    }

    @Test
    void anInstitutionCannotAffiliateWithItself() {
        assertThrows(AffiliationRefused.class, () -> Affiliation.request(1L, 1L, null, "hub-admin", null, T0));
    }
}
