package cn.yunying.dicom.rar;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accept loop of one DICOM port, run as a {@link Work} on the server's WorkManager; every accepted connection is
 * handled as its own Work. {@link #release()} closes the port and every open connection so that undeploy leaves
 * nothing bound.
 */
final class DicomListener implements Work {

    private static final System.Logger LOG = System.getLogger(DicomListener.class.getName());
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final ListenerSettings settings;
    private final WorkManager workManager;
    private final ServerSocket serverSocket;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    private DicomListener(ListenerSettings settings, WorkManager workManager, ServerSocket serverSocket) {
        this.settings = settings;
        this.workManager = workManager;
        this.serverSocket = serverSocket;
    }

    /** Binds now, so that a port already in use fails the deployment with a message naming the setting. */
    static DicomListener bind(ListenerSettings settings, WorkManager workManager) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), 128);
        } catch (BindException e) {
            socket.close();
            throw new BindException("DICOM port " + settings.port() + " (" + ListenerSettings.PORT_KEY
                    + " / YUNYING_DICOM_PORT) is already in use or cannot be bound on " + settings.bindAddress());
        }
        return new DicomListener(settings, workManager, socket);
    }

    int localPort() {
        return serverSocket.getLocalPort();
    }

    @Override
    public void run() {
        LOG.log(Level.INFO, "DICOM listener {0} on {1}:{2,number,#}", settings.aeTitle(), settings.bindAddress(),
                localPort());
        while (running) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                open.add(socket);
                workManager.scheduleWork(new ConnectionWork(socket));
            } catch (SocketException closed) {
                if (running) {
                    LOG.log(Level.ERROR, "DICOM listener socket failed", closed);
                }
                return;
            } catch (IOException | WorkException e) {
                LOG.log(Level.WARNING, "DICOM connection could not be accepted: {0}", e.getMessage());
            }
        }
    }

    @Override
    public void release() {
        running = false;
        closeQuietly(serverSocket);
        open.forEach(DicomListener::closeQuietly);
        open.clear();
        LOG.log(Level.INFO, "DICOM listener on port {0,number,#} closed", settings.port());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing during shutdown: nothing useful to do with the error
        }
    }

    private final class ConnectionWork implements Work {
        private final Socket socket;

        ConnectionWork(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            try (socket) {
                AssociationRejector.handle(socket);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "DICOM connection from {0} ended: {1}", socket.getRemoteSocketAddress(),
                        e.getMessage());
            } finally {
                open.remove(socket);
            }
        }

        @Override
        public void release() {
            closeQuietly(socket);
        }
    }
}
