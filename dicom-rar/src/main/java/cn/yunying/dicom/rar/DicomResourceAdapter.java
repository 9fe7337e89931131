package cn.yunying.dicom.rar;

import jakarta.resource.ResourceException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import java.io.IOException;
import java.util.Objects;
import javax.transaction.xa.XAResource;

/**
 * Yunying's DICOM resource adapter. Starting it binds the archive's DICOM port and runs the listener on the
 * WorkManager; stopping it closes the port. Message endpoints (the archive's MDBs) attach through activation specs
 * once the toolkit's network layer exists.
 */
@Connector(displayName = "Yunying DICOM", vendorName = "Yunying", eisType = "DICOM",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class DicomResourceAdapter implements ResourceAdapter {

    @ConfigProperty(defaultValue = "YUNYING", description = "AE title of the archive")
    private String aeTitle = "YUNYING";

    @ConfigProperty(defaultValue = "11112", description = "DICOM port (no TLS)")
    private Integer port = 11112;

    @ConfigProperty(defaultValue = "0.0.0.0", description = "Address the DICOM port binds to")
    private String bindAddress = "0.0.0.0";

    private transient DicomListener listener;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        ListenerSettings settings;
        try {
            settings = ListenerSettings.resolve(aeTitle, bindAddress, port);
            listener = DicomListener.bind(settings, context.getWorkManager());
            context.getWorkManager().scheduleWork(listener);
        } catch (IllegalArgumentException | IOException | WorkException e) {
            throw new ResourceAdapterInternalException(e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (listener != null) {
            listener.release();
            listener = null;
        }
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        throw new NotSupportedException("DICOM message endpoints arrive with the network layer (issue 4)");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        // nothing was activated
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    public String getAeTitle() {
        return aeTitle;
    }

    public void setAeTitle(String aeTitle) {
        this.aeTitle = aeTitle;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DicomResourceAdapter that && Objects.equals(aeTitle, that.aeTitle)
                && Objects.equals(port, that.port) && Objects.equals(bindAddress, that.bindAddress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(aeTitle, port, bindAddress);
    }
}
