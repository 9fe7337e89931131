package cn.yunying.dicom.net.pdu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user information item (PS3.8 annex D.1, PS3.7 annex D.3.3): sub-items we understand. Unknown
 * sub-items are skipped when decoding, as PS3.7 asks.
 *
 * @param maxPduLength            maximum P-DATA-TF length the sender can receive (0 = unlimited)
 * @param implementationClassUid  mandatory
 * @param implementationVersion   optional (null)
 * @param maxOpsInvoked           asynchronous operations window, or -1 if the sub-item is absent
 * @param maxOpsPerformed         asynchronous operations window, or -1 if the sub-item is absent
 * @param roleSelections          SCP/SCU role selection sub-items
 * @param extendedNegotiation     SOP class extended negotiation: SOP class UID to application information
 * @param userIdentity            user identity request (RQ only) or null
 * @param userIdentityResponse    server response (AC only) or null
 */
public record UserInfo(long maxPduLength, String implementationClassUid, String implementationVersion,
                       int maxOpsInvoked, int maxOpsPerformed, List<RoleSelection> roleSelections,
                       Map<String, byte[]> extendedNegotiation, UserIdentity userIdentity,
                       byte[] userIdentityResponse) {

    public UserInfo {
        roleSelections = List.copyOf(roleSelections);
        extendedNegotiation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extendedNegotiation));
        if (maxPduLength < 0 || maxPduLength > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("max PDU length out of range: " + maxPduLength);
        }
    }

    public static UserInfo basic(long maxPduLength, String implementationClassUid, String implementationVersion) {
        return new UserInfo(maxPduLength, implementationClassUid, implementationVersion, -1, -1, List.of(),
                Map.of(), null, null);
    }

    public RoleSelection roleSelection(String sopClassUid) {
        for (RoleSelection r : roleSelections) {
            if (r.sopClassUid().equals(sopClassUid)) {
                return r;
            }
        }
        return null;
    }

    public UserInfo withRoleSelections(List<RoleSelection> roles) {
        return new UserInfo(maxPduLength, implementationClassUid, implementationVersion, maxOpsInvoked,
                maxOpsPerformed, roles, extendedNegotiation, userIdentity, userIdentityResponse);
    }

    public UserInfo withUserIdentity(UserIdentity identity) {
        return new UserInfo(maxPduLength, implementationClassUid, implementationVersion, maxOpsInvoked,
                maxOpsPerformed, roleSelections, extendedNegotiation, identity, userIdentityResponse);
    }

    public UserInfo withUserIdentityResponse(byte[] response) {
        return new UserInfo(maxPduLength, implementationClassUid, implementationVersion, maxOpsInvoked,
                maxOpsPerformed, roleSelections, extendedNegotiation, userIdentity, response);
    }

    public UserInfo withAsyncOps(int invoked, int performed) {
        return new UserInfo(maxPduLength, implementationClassUid, implementationVersion, invoked, performed,
                roleSelections, extendedNegotiation, userIdentity, userIdentityResponse);
    }

    public UserInfo withExtendedNegotiation(Map<String, byte[]> ext) {
        return new UserInfo(maxPduLength, implementationClassUid, implementationVersion, maxOpsInvoked,
                maxOpsPerformed, roleSelections, ext, userIdentity, userIdentityResponse);
    }
}
