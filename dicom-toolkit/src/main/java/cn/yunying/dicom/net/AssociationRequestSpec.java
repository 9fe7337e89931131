package cn.yunying.dicom.net;

import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.pdu.PresentationContext;
import cn.yunying.dicom.net.pdu.RoleSelection;
import cn.yunying.dicom.net.pdu.UserIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * What a requestor proposes: AE titles, presentation contexts, roles, identity, TLS and timeouts.
 * Mutable builder style; {@link DicomClient#connect} takes a snapshot.
 */
public final class AssociationRequestSpec {
    /** Default calling AE title of our tools. */
    public static final String DEFAULT_CALLING_AE = "YUNYING-CLI";

    private String callingAe = DEFAULT_CALLING_AE;
    private final String calledAe;
    private final List<PresentationContext> contexts = new ArrayList<>();
    private final Map<String, RoleSelection> roles = new LinkedHashMap<>();
    private SSLContext tls;
    private UserIdentity userIdentity;
    private int maxPduLength = 64 * 1024;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration artimTimeout = Duration.ofSeconds(10);
    private Duration dimseTimeout = Duration.ofSeconds(60);

    public AssociationRequestSpec(String calledAe) {
        this.calledAe = Objects.requireNonNull(calledAe, "calledAe");
    }

    public AssociationRequestSpec callingAe(String ae) {
        this.callingAe = Objects.requireNonNull(ae);
        return this;
    }

    /** Proposes an abstract syntax with transfer syntaxes (best first); returns this. At most 128 contexts. */
    public AssociationRequestSpec addContext(String abstractSyntax, String... transferSyntaxes) {
        if (contexts.size() >= 128) {
            throw new IllegalStateException("at most 128 presentation contexts fit in an association");
        }
        if (transferSyntaxes.length == 0) {
            throw new IllegalArgumentException("no transfer syntax for " + abstractSyntax);
        }
        contexts.add(PresentationContext.proposal(contexts.size() * 2 + 1, abstractSyntax, transferSyntaxes));
        return this;
    }

    /** Proposes an abstract syntax with Explicit and Implicit VR Little Endian. */
    public AssociationRequestSpec addContext(String abstractSyntax) {
        return addContext(abstractSyntax, UID.EXPLICIT_VR_LITTLE_ENDIAN, UID.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    /** Proposes SCP/SCU role selection for a SOP class (e.g. storage SCP role for C-GET). */
    public AssociationRequestSpec role(String sopClassUid, boolean scu, boolean scp) {
        roles.put(sopClassUid, new RoleSelection(sopClassUid, scu, scp));
        return this;
    }

    public AssociationRequestSpec tls(SSLContext context) {
        this.tls = context;
        return this;
    }

    public AssociationRequestSpec userIdentity(UserIdentity identity) {
        this.userIdentity = identity;
        return this;
    }

    /** The maximum P-DATA-TF length we announce and accept. */
    public AssociationRequestSpec maxPduLength(int length) {
        if (length < 1024 || length > (16 << 20)) {
            throw new IllegalArgumentException("max PDU length must be 1 KiB..16 MiB");
        }
        this.maxPduLength = length;
        return this;
    }

    public AssociationRequestSpec timeouts(Duration connect, Duration artim, Duration dimse) {
        this.connectTimeout = Objects.requireNonNull(connect);
        this.artimTimeout = Objects.requireNonNull(artim);
        this.dimseTimeout = Objects.requireNonNull(dimse);
        return this;
    }

    public String callingAe() {
        return callingAe;
    }

    public String calledAe() {
        return calledAe;
    }

    public List<PresentationContext> contexts() {
        return List.copyOf(contexts);
    }

    public List<RoleSelection> roles() {
        return List.copyOf(roles.values());
    }

    public SSLContext tls() {
        return tls;
    }

    public UserIdentity userIdentity() {
        return userIdentity;
    }

    public int maxPduLength() {
        return maxPduLength;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration artimTimeout() {
        return artimTimeout;
    }

    public Duration dimseTimeout() {
        return dimseTimeout;
    }
}
