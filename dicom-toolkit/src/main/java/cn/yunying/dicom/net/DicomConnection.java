package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The SCU operations an application needs on an open association, without owning it: closing a connection gives
 * the association back to whoever lent it (in the application server, the resource adapter's pool), which may keep
 * it open for the next caller with the same request. Obtained from a {@link DicomConnector}.
 */
public interface DicomConnection extends AutoCloseable {

    void echo() throws IOException;

    /** C-STORE of a Part 10 file; returns the DIMSE status. */
    int store(Path file) throws IOException;

    /** C-STORE of a data set already encoded in {@code transferSyntaxUid}; returns the DIMSE status. */
    int store(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, InputStream dataSet)
            throws IOException;

    FindResults find(String sopClassUid, Attributes keys) throws IOException;

    RetrieveResult move(String sopClassUid, String destinationAe, Attributes keys) throws IOException;

    /** Gives the association back; it stays usable by the lender unless an operation failed on it. */
    @Override
    void close();
}
