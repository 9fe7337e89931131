package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * One object to send in a C-MOVE or C-GET sub-operation.
 *
 * @param transferSyntaxUid the transfer syntax of what {@code opener} returns
 * @param opener            opens the bare data set (no preamble, no group 0002) in that transfer syntax
 */
public record RetrieveInstance(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, Opener opener) {

    /** Opens a data set stream; called once per sub-operation, the stream is closed by the layer. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** An instance stored as a Part 10 file (the UIDs come from its meta information). */
    public static RetrieveInstance ofFile(Path part10) throws IOException {
        Part10Source src = Part10Source.open(part10);
        return new RetrieveInstance(src.meta().getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID),
                src.meta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID), src.meta().getString(Tag.TRANSFER_SYNTAX_UID),
                () -> Part10Source.open(part10).openDataSet());
    }
}
