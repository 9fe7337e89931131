package cn.yunying.dicom.rar;

import cn.yunying.dicom.net.DicomServer;
import cn.yunying.dicom.net.ServerConfig;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;

/**
 * Yunying's DICOM resource adapter. Each activated message endpoint (an MDB implementing the toolkit's
 * {@code DicomServiceProvider}) gets its own listener, bound at activation so that a port in use fails the
 * deployment with the setting's name, and served on the container's WorkManager. Deactivation and {@link #stop()}
 * close the port and abort the open associations, so that undeploy leaves nothing bound.
 */
@Connector(displayName = "Yunying DICOM", vendorName = "Yunying", eisType = "DICOM",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class DicomResourceAdapter implements ResourceAdapter {

    private static final System.Logger LOG = System.getLogger(DicomResourceAdapter.class.getName());

    private transient BootstrapContext context;
    private final transient Map<ActivationKey, DicomServer> listeners = new ConcurrentHashMap<>();

    @Override
    public void start(BootstrapContext bootstrapContext) {
        this.context = bootstrapContext;
    }

    @Override
    public void stop() {
        listeners.values().forEach(DicomServer::close);
        listeners.clear();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof DicomActivationSpec dicomSpec)) {
            throw new ResourceAdapterInternalException("not a DICOM activation spec: " + spec);
        }
        ListenerSettings settings;
        try {
            settings = dicomSpec.resolve();
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException(e.getMessage(), e);
        }
        if (!settings.enabled()) {
            LOG.log(Level.INFO, "DICOM TLS listener {0} stays closed: no key store is configured "
                    + "(yunying.dicom.tls.keystore)", settings.describe());
            return;
        }
        DicomServer server = bind(settings, new EndpointDispatcher(factory, settings.aeTitle(),
                dicomSpec.acceptedCallingAeSet()));
        try {
            context.getWorkManager().scheduleWork(new ServeWork(server));
        } catch (WorkException e) {
            server.close();
            throw new ResourceAdapterInternalException("the DICOM listener could not be started: " + e.getMessage(), e);
        }
        listeners.put(new ActivationKey(factory, spec), server);
        LOG.log(Level.INFO, "DICOM listener {0} open", settings.describe());
    }

    private DicomServer bind(ListenerSettings settings, EndpointDispatcher dispatcher) throws ResourceException {
        try {
            ServerConfig.Builder config = ServerConfig.builder(settings.aeTitle()).bindAddress(settings.bindAddress())
                    .port(settings.port());
            if (settings.tls() != null) {
                // without a required client certificate, one is still asked for: the application may pin an AE title
                // to its certificate (AssociationInfo.tlsPeerCertificate); clients without one are accepted as before
                config.tls(TlsContexts.forListener(settings.tls()), settings.tls().needClientAuth())
                        .wantClientAuth(true);
            }
            return DicomServer.bind(config.build(), dispatcher, new WorkManagerExecutor(context.getWorkManager()));
        } catch (IOException e) {
            throw new ResourceAdapterInternalException("DICOM listener " + settings.describe()
                    + " cannot be opened (is the port in use? see yunying.dicom.port / yunying.dicom.tls.port): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        DicomServer server = listeners.remove(new ActivationKey(factory, spec));
        if (server != null) {
            server.close();
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** Adapters are compared by identity of configuration; this one has none of its own. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DicomResourceAdapter;
    }

    @Override
    public int hashCode() {
        return DicomResourceAdapter.class.hashCode();
    }

    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    /** The accept loop of one listener; releasing it closes the port. */
    private record ServeWork(DicomServer server) implements Work {
        @Override
        public void run() {
            try {
                server.serve();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(Level.ERROR, "DICOM listener on port " + server.localPort() + " failed", e);
                }
            }
        }

        @Override
        public void release() {
            server.close();
        }
    }
}
