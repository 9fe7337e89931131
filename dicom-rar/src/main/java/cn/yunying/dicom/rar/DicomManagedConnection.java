package cn.yunying.dicom.rar;

import cn.yunying.dicom.net.Association;
import cn.yunying.dicom.net.DelegatingConnection;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * One open association to a remote AE, kept by the container's pool between callers. Handles are lent to callers;
 * when a handle is closed the association goes back to the pool open, ready for the next caller with the same
 * request; when an operation failed on it, the pool is told to destroy it.
 */
final class DicomManagedConnection implements ManagedConnection {

    private final RemoteAeRequest request;
    private final Association association;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Handle> handles = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private PrintWriter logWriter;

    DicomManagedConnection(RemoteAeRequest request, Association association) {
        this.request = request;
        this.association = association;
    }

    /** Whether this association can serve {@code other}: the same request, and still open. */
    boolean serves(ConnectionRequestInfo other) {
        return request.equals(other) && association.isOpen();
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        Handle handle = new Handle();
        handles.add(handle);
        return handle;
    }

    @Override
    public void cleanup() {
        handles.forEach(h -> h.closed = true);
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
        try {
            association.release();
        } catch (IOException | RuntimeException e) {
            association.abort();
        }
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof Handle handle)) {
            throw new ResourceException("not a DICOM connection handle: " + connection);
        }
        handle.owner().handles.remove(handle);
        handle.reassign(this);
        handles.add(handle);
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("DICOM associations are not transactional");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("DICOM associations are not transactional");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "DICOM " + request;
            }

            @Override
            public String getEISProductVersion() {
                return String.valueOf(association.acceptance().userInfo().implementationVersion());
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return request.spec().callingAe();
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    private void fire(int type, Handle handle, Exception cause) {
        ConnectionEvent event = cause == null ? new ConnectionEvent(this, type) : new ConnectionEvent(this, type, cause);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            if (type == ConnectionEvent.CONNECTION_CLOSED) {
                listener.connectionClosed(event);
            } else {
                listener.connectionErrorOccurred(event);
            }
        }
    }

    /** What a caller holds: the association's operations, until it closes the handle. */
    final class Handle extends DelegatingConnection {
        private volatile boolean closed;
        private volatile DicomManagedConnection owner = DicomManagedConnection.this;

        DicomManagedConnection owner() {
            return owner;
        }

        void reassign(DicomManagedConnection to) {
            owner = to;
        }

        @Override
        protected Association association() throws IOException {
            if (closed) {
                throw new IOException("this DICOM connection was closed");
            }
            return owner.association;
        }

        @Override
        protected void failed(IOException cause) {
            owner.fire(ConnectionEvent.CONNECTION_ERROR_OCCURRED, this, cause);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                owner.handles.remove(this);
                owner.fire(ConnectionEvent.CONNECTION_CLOSED, this, null);
            }
        }
    }
}
