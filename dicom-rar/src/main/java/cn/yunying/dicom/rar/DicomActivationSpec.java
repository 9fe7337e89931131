package cn.yunying.dicom.rar;

import cn.yunying.dicom.net.DicomServiceProvider;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * One DICOM listener, configured by the message endpoint that serves it (an MDB implementing
 * {@link DicomServiceProvider}). The MDB's activation config gives defaults; the site overrides them with the
 * settings named in {@link ListenerSettings} (system properties or environment variables), so that one EAR runs on any
 * host. A TLS listener is only opened when a key store is configured.
 */
@Activation(messageListeners = DicomServiceProvider.class)
public class DicomActivationSpec implements ActivationSpec, Serializable {

    private static final long serialVersionUID = 1L;

    @ConfigProperty(defaultValue = "YUNYING", description = "AE title the listener answers to")
    private String aeTitle = "YUNYING";

    @ConfigProperty(defaultValue = "11112", description = "TCP port")
    private Integer port = 11112;

    @ConfigProperty(defaultValue = "0.0.0.0", description = "Address the port binds to")
    private String bindAddress = "0.0.0.0";

    @ConfigProperty(defaultValue = "false", description = "DICOM TLS (secure transport connection profiles)")
    private Boolean tls = Boolean.FALSE;

    @ConfigProperty(defaultValue = "", description = "Calling AE titles accepted, comma separated; empty: the "
            + "endpoint decides in onAssociationRequest")
    private String acceptedCallingAets = "";

    @ConfigProperty(defaultValue = "yunying.dicom", description = "Prefix of the site settings that override these "
            + "values, e.g. yunying.dicom.port or yunying.dicom.tls.port")
    private String settingsPrefix = "yunying.dicom";

    private transient ResourceAdapter resourceAdapter;

    /** The listener as the site configured it: activation values overridden by properties and environment. */
    ListenerSettings resolve() {
        return ListenerSettings.resolve(settingsPrefix, aeTitle, bindAddress, port, Boolean.TRUE.equals(tls));
    }

    Set<String> acceptedCallingAeSet() {
        Set<String> titles = new TreeSet<>();
        Arrays.stream(acceptedCallingAets.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(titles::add);
        return titles;
    }

    @Override
    public void validate() throws InvalidPropertyException {
        if (aeTitle == null || aeTitle.isBlank() || aeTitle.strip().length() > 16) {
            throw new InvalidPropertyException("aeTitle must have 1 to 16 characters, not '" + aeTitle + "'");
        }
        if (port == null || port < 0 || port > 65535) {
            throw new InvalidPropertyException("port must be between 0 and 65535, not " + port);
        }
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
        this.resourceAdapter = adapter;
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

    public Boolean getTls() {
        return tls;
    }

    public void setTls(Boolean tls) {
        this.tls = tls;
    }

    public String getAcceptedCallingAets() {
        return acceptedCallingAets;
    }

    public void setAcceptedCallingAets(String acceptedCallingAets) {
        this.acceptedCallingAets = acceptedCallingAets == null ? "" : acceptedCallingAets;
    }

    public String getSettingsPrefix() {
        return settingsPrefix;
    }

    public void setSettingsPrefix(String settingsPrefix) {
        this.settingsPrefix = settingsPrefix;
    }
}
