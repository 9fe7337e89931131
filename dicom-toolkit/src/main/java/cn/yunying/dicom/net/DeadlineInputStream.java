package cn.yunying.dicom.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The socket's input with an optional deadline: every read gets only the time left until it as socket
 * timeout, and fails with {@link SocketTimeoutException} once it has passed.
 */
final class DeadlineInputStream extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private long deadlineNanos;
    private boolean active;

    DeadlineInputStream(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Starts a deadline {@code timeout} from now; zero or null means none (wait forever). */
    void start(Duration timeout) throws IOException {
        int ms = UpperLayer.millis(timeout);
        active = ms > 0;
        deadlineNanos = System.nanoTime() + ms * 1_000_000L;
        socket.setSoTimeout(ms);
    }

    void clear() {
        active = false;
    }

    private void arm() throws IOException {
        if (active) {
            long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        }
    }

    @Override
    public int read() throws IOException {
        arm();
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        return in.read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }
}
