package cn.yunying.archive.application;

import java.io.Serializable;

/**
 * The answer to one stored object: the DICOM status the C-STORE side returns, the outcome, and the UIDs (as far as
 * they were read). {@link #httpStatus()} is the STOW-RS view of it.
 */
public record IngestResult(int status, Outcome outcome, String sopClassUid, String sopInstanceUid, String studyUid,
                           String seriesUid, String message) implements Serializable {

    public static final int SUCCESS = 0x0000;
    /** Refused: out of resources (storage could not be written). */
    public static final int OUT_OF_RESOURCES = 0xA700;
    /** Error: data set does not match SOP class (missing or invalid UIDs, UIDs differing from the command). */
    public static final int DATA_SET_DOES_NOT_MATCH = 0xA900;
    /** Error: cannot understand (not parseable as DICOM). */
    public static final int CANNOT_UNDERSTAND = 0xC000;
    /** Processing failure (the index could not be written; nothing is kept). */
    public static final int PROCESSING_FAILURE = 0x0110;
    /** Duplicate SOP instance refused by the reject policy. */
    public static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    /** Refused: not authorized (calling AE not registered to an institution). */
    public static final int NOT_AUTHORIZED = 0x0124;

    public enum Outcome {
        STORED, DUPLICATE_IDENTICAL, DUPLICATE_REPLACED, DUPLICATE_KEPT_EXISTING, DUPLICATE_REJECTED, FAILED
    }

    public boolean success() {
        return status == SUCCESS;
    }

    /** Whether the object had been received before (whatever the policy did with it). */
    public boolean duplicate() {
        return outcome.name().startsWith("DUPLICATE");
    }

    /** STOW-RS: 200 stored, 409 for a refused duplicate or an object that does not fit, 500 for our failures. */
    public int httpStatus() {
        return switch (status) {
            case SUCCESS -> 200;
            case DUPLICATE_SOP_INSTANCE, DATA_SET_DOES_NOT_MATCH, CANNOT_UNDERSTAND -> 409;
            case NOT_AUTHORIZED -> 403;
            case OUT_OF_RESOURCES -> 503;
            default -> 500;
        };
    }

    static IngestResult failure(int status, String message, String sopClass, String sopInstance) {
        return new IngestResult(status, Outcome.FAILED, sopClass, sopInstance, null, null, message);
    }
}
