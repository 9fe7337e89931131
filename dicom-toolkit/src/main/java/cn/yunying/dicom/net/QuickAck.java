package cn.yunying.dicom.net;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketOption;
import javax.net.ssl.SSLSocket;

/**
 * TCP_QUICKACK where the platform offers it (Linux), found reflectively: in an application server the module
 * {@code jdk.net} may not be visible to the toolkit, and a missing class must cost the optimisation, never the
 * association (a NoClassDefFoundError on a connection thread would leave the peer waiting for an answer).
 */
final class QuickAck {

    private static final SocketOption<Boolean> OPTION = find();

    private QuickAck() {
    }

    @SuppressWarnings("unchecked")
    private static SocketOption<Boolean> find() {
        try {
            return (SocketOption<Boolean>) Class.forName("jdk.net.ExtendedSocketOptions")
                    .getField("TCP_QUICKACK").get(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException unavailable) {
            return null;
        }
    }

    /** Whether the option can be set on this socket (plain TCP on a platform that has it). */
    static boolean supported(Socket socket) {
        return OPTION != null && !(socket instanceof SSLSocket) && socket.supportedOptions().contains(OPTION);
    }

    static void enable(Socket socket) throws IOException {
        socket.setOption(OPTION, true);
    }
}
