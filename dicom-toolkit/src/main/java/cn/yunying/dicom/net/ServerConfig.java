package cn.yunying.dicom.net;

import cn.yunying.dicom.data.UID;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a {@link DicomServer} listens and negotiates.
 *
 * @param aeTitle            our AE title (used as calling AE for C-MOVE sub-associations; the called AE of
 *                           incoming requests is checked by the provider, not here)
 * @param bindAddress        local address to bind, null for all
 * @param port               TCP port, 0 for an ephemeral one (see {@link DicomServer#localPort()})
 * @param tls                TLS context, null for plain TCP
 * @param needClientAuth     with TLS: require a client certificate
 * @param wantClientAuth     with TLS: ask for a client certificate but accept a client without one (the provider
 *                           sees it in {@link AssociationInfo#tlsPeerCertificate()} and may pin it to an AE title)
 * @param maxPduLength       the maximum P-DATA-TF length we announce and accept (bytes)
 * @param transferSyntaxes   acceptance preference, best first; the entry {@link #ANY_TRANSFER_SYNTAX} lets
 *                           storage SOP classes fall back to the first transfer syntax the peer proposed
 * @param artimTimeout       ARTIM: waiting for the A-ASSOCIATE-RQ after connect and for the peer to close
 * @param idleTimeout        waiting for the next request on an established association (zero = forever)
 * @param dimseTimeout       waiting for a response or the next fragment of a message
 * @param connectTimeout     for sub-associations (C-MOVE destination)
 * @param maxAssociations    concurrent associations accepted, 0 = unlimited (more get a transient reject)
 */
public record ServerConfig(String aeTitle, String bindAddress, int port, SSLContext tls, boolean needClientAuth,
                           boolean wantClientAuth, int maxPduLength, List<String> transferSyntaxes, Duration artimTimeout, Duration idleTimeout,
                           Duration dimseTimeout, Duration connectTimeout, int maxAssociations) {
    /** Transfer syntax preference entry: accept whatever the peer proposed first (storage only). */
    public static final String ANY_TRANSFER_SYNTAX = "*";

    public static final List<String> DEFAULT_TRANSFER_SYNTAXES =
            List.of(UID.EXPLICIT_VR_LITTLE_ENDIAN, UID.IMPLICIT_VR_LITTLE_ENDIAN, ANY_TRANSFER_SYNTAX);

    public ServerConfig {
        Objects.requireNonNull(aeTitle, "aeTitle");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (maxPduLength < 1024 || maxPduLength > (16 << 20)) {
            throw new IllegalArgumentException("max PDU length must be 1 KiB..16 MiB, not " + maxPduLength);
        }
        transferSyntaxes = List.copyOf(transferSyntaxes);
        Objects.requireNonNull(artimTimeout, "artimTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(dimseTimeout, "dimseTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    public static Builder builder(String aeTitle) {
        return new Builder(aeTitle);
    }

    /** Builder with defaults: all addresses, ephemeral port, plain TCP, 64 KiB PDUs, 10 s ARTIM, 5 min idle, 60 s DIMSE. */
    public static final class Builder {
        private final String aeTitle;
        private String bindAddress;
        private int port;
        private SSLContext tls;
        private boolean needClientAuth;
        private boolean wantClientAuth;
        private int maxPduLength = 64 * 1024;
        private List<String> transferSyntaxes = DEFAULT_TRANSFER_SYNTAXES;
        private Duration artim = Duration.ofSeconds(10);
        private Duration idle = Duration.ofMinutes(5);
        private Duration dimse = Duration.ofSeconds(60);
        private Duration connect = Duration.ofSeconds(10);
        private int maxAssociations;

        private Builder(String aeTitle) {
            this.aeTitle = aeTitle;
        }

        public Builder bindAddress(String address) {
            this.bindAddress = address;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder tls(SSLContext context, boolean needClientAuth) {
            this.tls = context;
            this.needClientAuth = needClientAuth;
            return this;
        }

        /** With TLS and without {@code needClientAuth}: ask clients for a certificate, accept them without one. */
        public Builder wantClientAuth(boolean want) {
            this.wantClientAuth = want;
            return this;
        }

        public Builder maxPduLength(int length) {
            this.maxPduLength = length;
            return this;
        }

        public Builder transferSyntaxes(List<String> preference) {
            this.transferSyntaxes = preference;
            return this;
        }

        public Builder artimTimeout(Duration d) {
            this.artim = d;
            return this;
        }

        public Builder idleTimeout(Duration d) {
            this.idle = d;
            return this;
        }

        public Builder dimseTimeout(Duration d) {
            this.dimse = d;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connect = d;
            return this;
        }

        public Builder maxAssociations(int n) {
            this.maxAssociations = n;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(aeTitle, bindAddress, port, tls, needClientAuth, wantClientAuth, maxPduLength,
                    transferSyntaxes,
                    artim, idle, dimse, connect, maxAssociations);
        }
    }
}
