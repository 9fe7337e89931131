package cn.yunying.dicom.net;

import cn.yunying.dicom.io.TransferSyntax;
import cn.yunying.dicom.net.pdu.AssociateData;
import cn.yunying.dicom.net.pdu.PresentationContext;
import cn.yunying.dicom.net.pdu.RoleSelection;
import cn.yunying.dicom.net.pdu.UserInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Acceptor-side presentation context negotiation (PS3.8 section 9.3.3.2, PS3.7 annex D.3.3.4): picks,
 * per proposed context, the transfer syntax ranked best by the configured preference.
 */
final class Negotiation {
    private Negotiation() {
    }

    /** Builds the A-ASSOCIATE-AC content for an accepted request. */
    static AssociateData accept(AssociateData rq, AssociationDecision decision, ServerConfig config, String implVersion,
                                String implClassUid) {
        List<PresentationContext> results = new ArrayList<>();
        for (PresentationContext pc : rq.presentationContexts()) {
            results.add(negotiate(pc, decision, config.transferSyntaxes()));
        }
        List<RoleSelection> roles = new ArrayList<>();
        for (RoleSelection r : rq.userInfo().roleSelections()) {
            // we take any role the requestor proposes: as C-GET SCP we need it to act as storage SCP,
            // and for other classes agreeing costs nothing because we only serve what it asks for
            roles.add(new RoleSelection(r.sopClassUid(), r.scu(), r.scp()));
        }
        UserInfo ui = UserInfo.basic(config.maxPduLength(), implClassUid, implVersion).withRoleSelections(roles);
        if (rq.userInfo().maxOpsInvoked() >= 0) {
            ui = ui.withAsyncOps(1, 1); // we perform operations one at a time
        }
        byte[] response = decision.userIdentityResponse();
        if (response != null && rq.userInfo().userIdentity() != null && rq.userInfo().userIdentity().positiveResponseRequested()) {
            ui = ui.withUserIdentityResponse(response);
        }
        return new AssociateData(1, rq.calledAe(), rq.callingAe(), rq.applicationContext(), results, ui);
    }

    static PresentationContext negotiate(PresentationContext pc, AssociationDecision decision, List<String> preference) {
        if (!decision.allows(pc.abstractSyntax())) {
            return PresentationContext.rejected(pc.id(), PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED);
        }
        boolean storage = ServiceClasses.isStorage(pc.abstractSyntax());
        for (String wanted : preference) {
            if (wanted.equals(ServerConfig.ANY_TRANSFER_SYNTAX)) {
                if (storage) {
                    return PresentationContext.accepted(pc.id(), pc.transferSyntaxes().get(0));
                }
            } else if (pc.transferSyntaxes().contains(wanted) && (storage || parseable(wanted))) {
                return PresentationContext.accepted(pc.id(), wanted);
            }
        }
        if (!storage) {
            // the preference list may be all compressed syntaxes; commands' data sets still need a parseable one
            for (String ts : pc.transferSyntaxes()) {
                if (parseable(ts)) {
                    return PresentationContext.accepted(pc.id(), ts);
                }
            }
        }
        return PresentationContext.rejected(pc.id(), PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED);
    }

    /** Transfer syntaxes our parser reads (identifiers and commitment data sets must be parsed). */
    static boolean parseable(String tsUid) {
        TransferSyntax ts = TransferSyntax.of(tsUid);
        return ts.isRegistered() && !ts.encapsulated();
    }
}
