package cn.yunying.dicom.net;

import cn.yunying.dicom.data.UID;
import java.util.Set;

/** SOP class UIDs of the non-storage services this layer implements. */
public final class ServiceClasses {
    public static final String VERIFICATION = UID.VERIFICATION;
    public static final String PATIENT_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.1.1";
    public static final String PATIENT_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.1.2";
    public static final String PATIENT_ROOT_GET = "1.2.840.10008.5.1.4.1.2.1.3";
    public static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    public static final String STUDY_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";
    public static final String STUDY_ROOT_GET = "1.2.840.10008.5.1.4.1.2.2.3";
    public static final String MODALITY_WORKLIST_FIND = "1.2.840.10008.5.1.4.31";
    public static final String STORAGE_COMMITMENT_PUSH = "1.2.840.10008.1.20.1";
    /** The well-known SOP instance of Storage Commitment Push Model. */
    public static final String STORAGE_COMMITMENT_PUSH_INSTANCE = "1.2.840.10008.1.20.1.1";

    private static final Set<String> NON_STORAGE = Set.of(VERIFICATION, PATIENT_ROOT_FIND, PATIENT_ROOT_MOVE,
            PATIENT_ROOT_GET, STUDY_ROOT_FIND, STUDY_ROOT_MOVE, STUDY_ROOT_GET, MODALITY_WORKLIST_FIND,
            STORAGE_COMMITMENT_PUSH);

    private ServiceClasses() {
    }

    /**
     * Whether we treat an abstract syntax as a storage SOP class: anything that is not one of the
     * services above. Storage data sets are passed on as bytes, so any transfer syntax will do for them;
     * the others we have to parse.
     */
    public static boolean isStorage(String sopClassUid) {
        return !NON_STORAGE.contains(sopClassUid);
    }
}
