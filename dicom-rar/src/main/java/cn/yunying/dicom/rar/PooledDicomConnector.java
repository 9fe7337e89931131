package cn.yunying.dicom.rar;

import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.DicomConnection;
import cn.yunying.dicom.net.DicomConnector;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.IOException;
import java.io.Serializable;
import javax.naming.Reference;

/** The connector EJBs look up: every connection is borrowed from the container's pool of open associations. */
public class PooledDicomConnector implements DicomConnector, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final DicomManagedConnectionFactory factory;
    private final transient ConnectionManager manager;
    private Reference reference;

    public PooledDicomConnector(DicomManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public DicomConnection connect(String host, int port, AssociationRequestSpec spec) throws IOException {
        try {
            return (DicomConnection) manager.allocateConnection(factory, new RemoteAeRequest(host, port, spec));
        } catch (ResourceException e) {
            Throwable cause = e.getCause() instanceof IOException io ? io : e;
            throw new IOException(e.getMessage(), cause);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
