package cn.yunying.dicom.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes writes through and turns {@code close()} into {@code flush()}: for wrapping a stream whose owner must close
 * it later itself (a deflater that must finish before the rest is written, a file that must be forced to disk before
 * it is closed).
 */
public final class NonClosingOutputStream extends FilterOutputStream {

    public NonClosingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
