package cn.yunying.dicom.rar;

import cn.yunying.dicom.net.DicomClient;
import cn.yunying.dicom.net.DicomConnection;
import cn.yunying.dicom.net.DicomConnector;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAllocationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * The outbound side of the adapter: the container pools {@link DicomManagedConnection}s (open associations) made
 * here, and EJBs get a {@link DicomConnector} to borrow them. See META-INF/ironjacamar.xml for the JNDI name and
 * pool size.
 */
@ConnectionDefinition(connectionFactory = DicomConnector.class, connectionFactoryImpl = PooledDicomConnector.class,
        connection = DicomConnection.class, connectionImpl = DicomManagedConnection.Handle.class)
public class DicomManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new PooledDicomConnector(this, manager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new ResourceException("the DICOM connector is container-managed: look it up in JNDI");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        if (!(info instanceof RemoteAeRequest request)) {
            throw new ResourceException("a DICOM connection needs the remote AE to connect to");
        }
        try {
            return new DicomManagedConnection(request, DicomClient.connect(request.host(), request.port(),
                    request.spec()));
        } catch (IOException e) {
            throw new ResourceAllocationException("no association to " + request + ": " + e.getMessage(), e);
        }
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : candidates) {
            if (candidate instanceof DicomManagedConnection connection && connection.serves(info)) {
                return connection;
            }
        }
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.resourceAdapter = adapter;
    }

    /** One factory per deployment; equal so that the container can compare configurations. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DicomManagedConnectionFactory;
    }

    @Override
    public int hashCode() {
        return DicomManagedConnectionFactory.class.hashCode();
    }
}
