package cn.yunying.institution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every (state, action) pair: the allowed ones lead where the issue says, all others are refused. */
class CertificationPolicyTest {

    private static final Map<InstitutionStatus, Map<CertificationAction, InstitutionStatus>> ALLOWED =
            new EnumMap<>(InstitutionStatus.class);

    static {
        expect(InstitutionStatus.APPLIED, CertificationAction.START_REVIEW, InstitutionStatus.UNDER_REVIEW);
        expect(InstitutionStatus.APPLIED, CertificationAction.CERTIFY, InstitutionStatus.CERTIFIED);
        expect(InstitutionStatus.APPLIED, CertificationAction.REJECT, InstitutionStatus.REJECTED);
        expect(InstitutionStatus.UNDER_REVIEW, CertificationAction.CERTIFY, InstitutionStatus.CERTIFIED);
        expect(InstitutionStatus.UNDER_REVIEW, CertificationAction.REJECT, InstitutionStatus.REJECTED);
        expect(InstitutionStatus.REJECTED, CertificationAction.REAPPLY, InstitutionStatus.APPLIED);
        expect(InstitutionStatus.CERTIFIED, CertificationAction.SUSPEND, InstitutionStatus.SUSPENDED);
        expect(InstitutionStatus.CERTIFIED, CertificationAction.REVOKE, InstitutionStatus.REVOKED);
        expect(InstitutionStatus.SUSPENDED, CertificationAction.REINSTATE, InstitutionStatus.CERTIFIED);
        expect(InstitutionStatus.SUSPENDED, CertificationAction.REVOKE, InstitutionStatus.REVOKED);
    }

    private static void expect(InstitutionStatus from, CertificationAction action, InstitutionStatus to) {
        ALLOWED.computeIfAbsent(from, s -> new EnumMap<>(CertificationAction.class)).put(action, to);
    }

    private static Institution institutionIn(InstitutionStatus status) {
        return new Institution("T", "测试医院", "Test Hospital", InstitutionLevel.COUNTY_HOSPITAL, status, Instant.EPOCH);
    }

    @Test
    void everyStateAndActionBehavesAsSpecified() {
        int allowed = 0;
        for (InstitutionStatus from : InstitutionStatus.values()) {
            for (CertificationAction action : CertificationAction.values()) {
                InstitutionStatus expected = ALLOWED.getOrDefault(from, Map.of()).get(action);
                assertEquals(expected, CertificationPolicy.next(from, action).orElse(null), from + " + " + action);
                Institution institution = institutionIn(from);
                if (expected == null) {
                    CertificationRefused refused = assertThrows(CertificationRefused.class,
                            () -> institution.certification(action, "a reason", "admin", Instant.EPOCH));
                    assertEquals(CertificationRefused.Why.NOT_ALLOWED_IN_STATE, refused.why());
                    assertEquals(from, institution.getStatus(), "a refused step changes nothing");
                } else {
                    CertificationEvent event = institution.certification(action, "a reason", "admin", Instant.EPOCH);
                    assertEquals(expected, institution.getStatus());
                    assertEquals(from, event.getFromStatus());
                    assertEquals(expected, event.getToStatus());
                    assertEquals("admin", event.getActor());
                    allowed++;
                }
            }
        }
        assertEquals(10, allowed);
    }

    @Test
    void revokedIsFinal() {
        for (CertificationAction action : CertificationAction.values()) {
            assertEquals(null, CertificationPolicy.next(InstitutionStatus.REVOKED, action).orElse(null));
        }
    }

    @Test
    void rejectingSuspendingAndRevokingNeedAReasonOthersDoNot() {
        Institution applied = institutionIn(InstitutionStatus.APPLIED);
        CertificationRefused refused = assertThrows(CertificationRefused.class,
                () -> applied.certification(CertificationAction.REJECT, "  ", "admin", Instant.EPOCH));
        assertEquals(CertificationRefused.Why.REASON_REQUIRED, refused.why());
        assertEquals(InstitutionStatus.APPLIED, applied.getStatus());

        CertificationEvent certified = applied.certification(CertificationAction.CERTIFY, null, "admin", Instant.EPOCH);
        assertNull(certified.getReason());
        assertThrows(CertificationRefused.class,
                () -> applied.certification(CertificationAction.SUSPEND, null, "admin", Instant.EPOCH));
        CertificationEvent suspended = applied.certification(CertificationAction.SUSPEND, " 证照过期 ", "admin",
                Instant.EPOCH);
        assertEquals("证照过期", suspended.getReason());
        assertThrows(CertificationRefused.class,
                () -> applied.certification(CertificationAction.REVOKE, "", "admin", Instant.EPOCH));
    }
}
