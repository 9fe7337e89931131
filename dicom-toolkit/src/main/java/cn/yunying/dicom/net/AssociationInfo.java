package cn.yunying.dicom.net;

import cn.yunying.dicom.net.pdu.UserIdentity;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What an acceptor knows about an association request, handed to the {@link DicomServiceProvider}.
 *
 * @param callingAe                the requestor's AE title
 * @param calledAe                 the AE title the requestor addressed
 * @param remoteAddress            the peer's address
 * @param userIdentity             the user identity sub-item, or null
 * @param proposedAbstractSyntaxes every abstract syntax proposed, in order, without duplicates
 * @param implementationClassUid   the requestor's implementation class UID (may be null)
 * @param implementationVersion    the requestor's implementation version name (may be null)
 * @param tlsPeer                  the authenticated TLS client principal, or null
 * @param tlsPeerCertificate       the TLS client's own certificate (first of its chain), or null
 */
public record AssociationInfo(String callingAe, String calledAe, InetSocketAddress remoteAddress,
                              UserIdentity userIdentity, List<String> proposedAbstractSyntaxes,
                              String implementationClassUid, String implementationVersion, Principal tlsPeer,
                              X509Certificate tlsPeerCertificate) {
    public AssociationInfo {
        proposedAbstractSyntaxes = List.copyOf(proposedAbstractSyntaxes);
    }
}
