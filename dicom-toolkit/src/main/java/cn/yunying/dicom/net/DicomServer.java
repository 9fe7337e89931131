package cn.yunying.dicom.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLServerSocket;

/**
 * A DICOM acceptor: binds at once (so a port in use fails in {@link #bind}), accepts connections in
 * {@link #serve()} and runs one task per connection on the given executor. Everything an
 * association asks for goes to the {@link DicomServiceProvider}.
 */
public final class DicomServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DicomServer.class.getName());

    private final ServerConfig config;
    private final DicomServiceProvider provider;
    private final Executor connections;
    private final ServerSocket serverSocket;
    private final Set<ScpSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private DicomServer(ServerConfig config, DicomServiceProvider provider, Executor connections, ServerSocket serverSocket) {
        this.config = config;
        this.provider = provider;
        this.connections = connections;
        this.serverSocket = serverSocket;
    }

    /** Binds the port described by {@code config}; call {@link #serve()} to start accepting. */
    public static DicomServer bind(ServerConfig config, DicomServiceProvider provider, Executor connections) throws IOException {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(connections, "connections");
        ServerSocket ss = config.tls() == null ? new ServerSocket() : config.tls().getServerSocketFactory().createServerSocket();
        try {
            if (ss instanceof SSLServerSocket ssl) {
                Tls.configure(ssl, config.needClientAuth(), config.wantClientAuth());
            }
            ss.setReuseAddress(true);
            InetAddress addr = config.bindAddress() == null ? null : InetAddress.getByName(config.bindAddress());
            ss.bind(new InetSocketAddress(addr, config.port()), 128);
        } catch (IOException | RuntimeException e) {
            ss.close();
            throw e;
        }
        return new DicomServer(config, provider, connections, ss);
    }

    /** Accepts connections until {@link #close()}; blocks. */
    public void serve() throws IOException {
        while (!closed) {
            Socket s;
            try {
                s = serverSocket.accept();
            } catch (SocketException e) {
                if (closed) {
                    return;
                }
                throw e;
            }
            try {
                s.setTcpNoDelay(true);
                ScpSession session = new ScpSession(this, s);
                sessions.add(session);
                if (closed) {
                    session.abort();
                }
                try {
                    connections.execute(session);
                } catch (RejectedExecutionException e) {
                    sessions.remove(session);
                    LOG.log(System.Logger.Level.WARNING, "no thread for a connection from {0}: {1}", s.getRemoteSocketAddress(), e);
                    s.close();
                }
            } catch (IOException | RuntimeException | LinkageError e) {
                // whatever goes wrong with one connection must not end the accept loop for everybody
                LOG.log(System.Logger.Level.WARNING, "cannot set up a connection from " + s.getRemoteSocketAddress(), e);
                s.close();
            }
        }
    }

    public int localPort() {
        return serverSocket.getLocalPort();
    }

    public ServerConfig config() {
        return config;
    }

    DicomServiceProvider provider() {
        return provider;
    }

    /** Associations currently open (accepted or being negotiated). */
    public int openAssociations() {
        return sessions.size();
    }

    void ended(ScpSession session) {
        sessions.remove(session);
    }

    /** Closes the port and aborts every open association. */
    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the server socket", e);
        }
        for (ScpSession s : sessions) {
            s.abort();
        }
    }

    public boolean isClosed() {
        return closed;
    }
}
