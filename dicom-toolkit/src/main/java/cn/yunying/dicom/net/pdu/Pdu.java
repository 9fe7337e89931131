package cn.yunying.dicom.net.pdu;

import java.util.List;
import java.util.Objects;

/** One upper-layer PDU (PS3.8 section 9.3). The A-ASSOCIATE-RQ and -AC share {@link AssociateRq}/{@link AssociateAc}. */
public sealed interface Pdu permits Pdu.AssociateRq, Pdu.AssociateAc, Pdu.AssociateRj, Pdu.PDataTf,
        Pdu.ReleaseRq, Pdu.ReleaseRp, Pdu.Abort {

    int TYPE_ASSOCIATE_RQ = 0x01;
    int TYPE_ASSOCIATE_AC = 0x02;
    int TYPE_ASSOCIATE_RJ = 0x03;
    int TYPE_P_DATA_TF = 0x04;
    int TYPE_RELEASE_RQ = 0x05;
    int TYPE_RELEASE_RP = 0x06;
    int TYPE_ABORT = 0x07;

    /** A-ASSOCIATE-RQ. */
    record AssociateRq(AssociateData data) implements Pdu {
        public AssociateRq {
            Objects.requireNonNull(data);
        }
    }

    /** A-ASSOCIATE-AC. */
    record AssociateAc(AssociateData data) implements Pdu {
        public AssociateAc {
            Objects.requireNonNull(data);
        }
    }

    /**
     * A-ASSOCIATE-RJ.
     *
     * @param result 1 rejected-permanent, 2 rejected-transient
     * @param source 1 service-user, 2 service-provider (ACSE), 3 service-provider (presentation)
     * @param reason meaning depends on the source, see PS3.8 table 9-21
     */
    record AssociateRj(int result, int source, int reason) implements Pdu {
        public static final int PERMANENT = 1;
        public static final int TRANSIENT = 2;
        public static final int SOURCE_USER = 1;
        public static final int SOURCE_ACSE = 2;
        public static final int SOURCE_PRESENTATION = 3;
        public static final int USER_NO_REASON = 1;
        public static final int USER_APP_CONTEXT_NOT_SUPPORTED = 2;
        public static final int USER_CALLING_AE_NOT_RECOGNIZED = 3;
        public static final int USER_CALLED_AE_NOT_RECOGNIZED = 7;
        public static final int ACSE_PROTOCOL_VERSION_NOT_SUPPORTED = 2;
        public static final int PRESENTATION_TEMPORARY_CONGESTION = 1;
        public static final int PRESENTATION_LOCAL_LIMIT_EXCEEDED = 2;
    }

    /** P-DATA-TF: one or more presentation data values. */
    record PDataTf(List<Pdv> pdvs) implements Pdu {
        public PDataTf {
            pdvs = List.copyOf(pdvs);
        }
    }

    /** A-RELEASE-RQ. */
    record ReleaseRq() implements Pdu {
    }

    /** A-RELEASE-RP. */
    record ReleaseRp() implements Pdu {
    }

    /**
     * A-ABORT.
     *
     * @param source 0 service-user, 2 service-provider
     * @param reason for source 2: see the REASON_* constants; 0 otherwise
     */
    record Abort(int source, int reason) implements Pdu {
        public static final int SOURCE_USER = 0;
        public static final int SOURCE_PROVIDER = 2;
        public static final int REASON_NOT_SPECIFIED = 0;
        public static final int REASON_UNRECOGNIZED_PDU = 1;
        public static final int REASON_UNEXPECTED_PDU = 2;
        public static final int REASON_UNRECOGNIZED_PARAMETER = 4;
        public static final int REASON_UNEXPECTED_PARAMETER = 5;
        public static final int REASON_INVALID_PARAMETER = 6;
    }
}
