package cn.yunying.shared;

/**
 * One entry of a context's error catalogue. Each context has one enum implementing this; the boundaries
 * (REST, Faces, DICOM) translate it into an HTTP status, a localised message or a DIMSE status.
 */
public interface ErrorCode {

    /** Stable key, also the resource-bundle key of the user-facing message ({@code error.<key>}). */
    String key();

    /** HTTP status used when this error reaches a REST client. */
    int httpStatus();
}
