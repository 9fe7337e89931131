package cn.yunying.dicom.net.pdu;

import java.util.List;
import java.util.Objects;

/**
 * The content shared by A-ASSOCIATE-RQ and -AC (PS3.8 sections 9.3.2 and 9.3.3). In an AC the AE
 * titles are echoed from the RQ (PS3.8 says they are not to be tested) and the presentation contexts
 * are results.
 */
public record AssociateData(int protocolVersion, String calledAe, String callingAe, String applicationContext,
                            List<PresentationContext> presentationContexts, UserInfo userInfo) {
    /** The only application context name DICOM defines. */
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    public AssociateData {
        Objects.requireNonNull(calledAe, "calledAe");
        Objects.requireNonNull(callingAe, "callingAe");
        Objects.requireNonNull(applicationContext, "applicationContext");
        presentationContexts = List.copyOf(presentationContexts);
        Objects.requireNonNull(userInfo, "userInfo");
    }

    public PresentationContext context(int id) {
        for (PresentationContext pc : presentationContexts) {
            if (pc.id() == id) {
                return pc;
            }
        }
        return null;
    }
}
