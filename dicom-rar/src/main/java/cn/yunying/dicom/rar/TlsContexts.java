package cn.yunying.dicom.rar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the JSSE context of a TLS listener from the site's PKCS#12 (or JKS) key and trust stores. With a trust store,
 * client certificates must chain to it. Without one, TLS takes any client certificate (the listener only asks for it):
 * it then proves nothing by itself, and counts only where an institution pinned it to an AE title, which the archive
 * checks when the association is requested. Servers we call (C-MOVE destinations over TLS) are always verified against
 * the trust store, or the JDK's when there is none.
 */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext forListener(ListenerSettings.Tls tls) throws IOException {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(tls.keyStore(), tls.keyStorePassword()), tls.keyStorePassword());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(tls.trustStore() == null ? null : load(tls.trustStore(), tls.trustStorePassword()));
            X509TrustManager verifier = (X509TrustManager) trust.getTrustManagers()[0];
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), new TrustManager[] {
                    tls.trustStore() == null ? new PinningClientTrust(verifier) : verifier}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("DICOM TLS key material in " + tls.keyStore() + " cannot be used: " + e.getMessage(),
                    e);
        }
    }

    /** Any client certificate at the TLS level (pinning happens above); server certificates verified as usual. */
    private static final class PinningClientTrust implements X509TrustManager {
        private final X509TrustManager serverVerifier;

        PinningClientTrust(X509TrustManager serverVerifier) {
            this.serverVerifier = serverVerifier;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("empty client certificate chain");
            }
            chain[0].checkValidity();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            serverVerifier.checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static KeyStore load(java.nio.file.Path path, char[] password) throws IOException,
            GeneralSecurityException {
        if (!Files.isReadable(path)) {
            throw new IOException("DICOM TLS store " + path + " is missing or not readable");
        }
        KeyStore store = KeyStore.getInstance(path.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        }
        return store;
    }
}
