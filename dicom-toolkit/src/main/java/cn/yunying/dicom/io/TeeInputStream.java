package cn.yunying.dicom.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Passes every byte read (or skipped) from the source to a copy stream, so a
 * received object can be stored while it is being parsed.
 */
final class TeeInputStream extends FilterInputStream {
    private final OutputStream copy;
    private final byte[] scratch = new byte[64 * 1024];
    private long copied;

    TeeInputStream(InputStream in, OutputStream copy) {
        super(in);
        this.copy = copy;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            copy.write(b);
            copied++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            copy.write(b, off, n);
            copied += n;
        }
        return n;
    }

    /** Skipping must still copy the bytes, so it reads them. */
    @Override
    public long skip(long n) throws IOException {
        long done = 0;
        while (done < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Copies whatever the source still holds. */
    long drain() throws IOException {
        long total = 0;
        int r;
        while ((r = read(scratch, 0, scratch.length)) >= 0) {
            total += r;
        }
        return total;
    }

    long copied() {
        return copied;
    }
}
