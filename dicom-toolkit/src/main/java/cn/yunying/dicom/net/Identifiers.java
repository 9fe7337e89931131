package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.io.DicomInputStream;
import cn.yunying.dicom.io.ReadOptions;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads the small data sets of queries, retrieves and commitment, with a size bound. */
final class Identifiers {
    /** Identifiers and commitment requests are kilobytes; anything beyond this is refused. */
    static final long MAX_LENGTH = 16L << 20;

    private Identifiers() {
    }

    static Attributes read(InputStream data, String tsUid) throws IOException {
        InputStream bounded = new FilterInputStream(data) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && ++count > MAX_LENGTH) {
                    throw new DimseException(Status.OUT_OF_RESOURCES, "data set longer than " + MAX_LENGTH + " bytes");
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0 && (count += n) > MAX_LENGTH) {
                    throw new DimseException(Status.OUT_OF_RESOURCES, "data set longer than " + MAX_LENGTH + " bytes");
                }
                return n;
            }

            @Override
            public void close() {
                // the association owns the stream
            }
        };
        Attributes a = new DicomInputStream(bounded, ReadOptions.loadAll()).readDataSet(TransferSyntax.of(tsUid));
        if (data instanceof DimseChannel.DataStream d) {
            d.drain();
        }
        return a;
    }
}
