package cn.yunying.dicom.rar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the JSSE context of a TLS listener from the site's PKCS#12 (or JKS) key and trust stores. */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext forListener(ListenerSettings.Tls tls) throws IOException {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(tls.keyStore(), tls.keyStorePassword()), tls.keyStorePassword());
            TrustManagerFactory trust = null;
            if (tls.trustStore() != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(tls.trustStore(), tls.trustStorePassword()));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("DICOM TLS key material in " + tls.keyStore() + " cannot be used: " + e.getMessage(),
                    e);
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
