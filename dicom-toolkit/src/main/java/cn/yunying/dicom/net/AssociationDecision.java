package cn.yunying.dicom.net;

import cn.yunying.dicom.net.pdu.Pdu;
import java.util.Set;

/**
 * A provider's answer to an association request: accept (optionally only some abstract syntaxes, and
 * optionally with a user identity server response) or reject with PS3.8 result/source/reason.
 */
public final class AssociationDecision {
    private final boolean accepted;
    private final Set<String> abstractSyntaxes;
    private final byte[] userIdentityResponse;
    private final int result;
    private final int source;
    private final int reason;

    private AssociationDecision(boolean accepted, Set<String> abstractSyntaxes, byte[] response, int result, int source, int reason) {
        this.accepted = accepted;
        this.abstractSyntaxes = abstractSyntaxes;
        this.userIdentityResponse = response;
        this.result = result;
        this.source = source;
        this.reason = reason;
    }

    /** Accept; every proposed abstract syntax with an acceptable transfer syntax is accepted. */
    public static AssociationDecision accept() {
        return new AssociationDecision(true, null, null, 0, 0, 0);
    }

    /** Accept only these abstract syntaxes; other presentation contexts get "abstract syntax not supported". */
    public static AssociationDecision accept(Set<String> abstractSyntaxes) {
        return new AssociationDecision(true, Set.copyOf(abstractSyntaxes), null, 0, 0, 0);
    }

    /**
     * Reject (A-ASSOCIATE-RJ). See {@link Pdu.AssociateRj} for the constants, e.g.
     * {@code reject(PERMANENT, SOURCE_USER, USER_CALLED_AE_NOT_RECOGNIZED)}.
     */
    public static AssociationDecision reject(int result, int source, int reason) {
        if (result < 1 || result > 2 || source < 1 || source > 3) {
            throw new IllegalArgumentException("result " + result + ", source " + source);
        }
        return new AssociationDecision(false, null, null, result, source, reason);
    }

    /** The same decision with a user identity server response (sent only if the requestor asked for one). */
    public AssociationDecision withUserIdentityResponse(byte[] response) {
        return new AssociationDecision(accepted, abstractSyntaxes, response.clone(), result, source, reason);
    }

    public boolean isAccepted() {
        return accepted;
    }

    /** Whether presentation contexts of this abstract syntax may be accepted. */
    public boolean allows(String abstractSyntax) {
        return abstractSyntaxes == null || abstractSyntaxes.contains(abstractSyntax);
    }

    byte[] userIdentityResponse() {
        return userIdentityResponse == null ? null : userIdentityResponse.clone();
    }

    public int result() {
        return result;
    }

    public int source() {
        return source;
    }

    public int reason() {
        return reason;
    }
}
