package cn.yunying.dicom.rar;

import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.pdu.PresentationContext;
import jakarta.resource.spi.ConnectionRequestInfo;
import java.util.Objects;

/**
 * What a caller asked to connect to. Two requests are equal when a pooled association opened for one serves the
 * other: same peer, same AE titles, same proposed contexts, same transport.
 */
final class RemoteAeRequest implements ConnectionRequestInfo {

    private final String host;
    private final int port;
    private final AssociationRequestSpec spec;
    private final String key;

    RemoteAeRequest(String host, int port, AssociationRequestSpec spec) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.spec = Objects.requireNonNull(spec, "spec");
        StringBuilder k = new StringBuilder(host).append(':').append(port).append('|').append(spec.callingAe())
                .append('>').append(spec.calledAe()).append('|').append(spec.tls() != null ? "tls" : "tcp");
        for (PresentationContext context : spec.contexts()) {
            k.append('|').append(context.abstractSyntax()).append(context.transferSyntaxes());
        }
        this.key = k.toString();
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    AssociationRequestSpec spec() {
        return spec;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RemoteAeRequest that && key.equals(that.key) && spec.tls() == that.spec.tls();
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return spec.callingAe() + " -> " + spec.calledAe() + "@" + host + ":" + port;
    }
}
