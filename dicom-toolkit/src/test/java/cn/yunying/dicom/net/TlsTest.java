package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.UID;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** C-ECHO and C-STORE over TLS with client authentication, with a key pair made by keytool for the test. */
@Timeout(60)
class TlsTest {
    static final char[] PASSWORD = "changeit".toCharArray();
    static SSLContext context;

    @BeforeAll
    static void makeKeyStore(@TempDir Path dir) throws Exception {
        Path ks = dir.resolve("test.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "yunying", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + output);
        context = context(ks);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, PASSWORD);
        }
        storeCertificate = store.getCertificate("yunying");
    }

    /** Key and trust material from one PKCS12 store: both sides present and trust the same certificate. */
    static SSLContext context(Path ks) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return c;
    }

    @Test
    void echoAndStoreOverTlsWithClientAuth() throws Exception {
        MemoryProvider p = new MemoryProvider();
        ServerConfig config = ServerConfig.builder("TLSSCP").bindAddress("127.0.0.1").tls(context, true).build();
        try (TestServer s = new TestServer(config, p)) {
            Attributes ct = DimseServicesTest.ct("1.2.443.1", "TLS", "1.2.443");
            for (String host : new String[] {"127.0.0.1", "localhost"}) {
                try (Association as = DicomClient.connect(host, s.port(), new AssociationRequestSpec("TLSSCP")
                        .addContext(UID.VERIFICATION).addContext(UID.CT_IMAGE_STORAGE).tls(context))) {
                    as.echo();
                    assertEquals(Status.SUCCESS, as.store(ct));
                }
            }
            assertEquals(ct, p.stored.get("1.2.443.1"));
            assertNotNull(p.lastAssociation.tlsPeer(), "the client certificate was seen");
            assertTrue(p.lastAssociation.tlsPeer().getName().contains("CN=localhost"));
            // a plain-TCP requestor gets nowhere
            assertThrows(IOException.class, () -> DicomClient.connect("127.0.0.1", s.port(),
                    new AssociationRequestSpec("TLSSCP").addContext(UID.VERIFICATION)
                            .timeouts(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2))));
        }
    }

    @Test
    void clientWithoutCertificateIsRefusedWhenClientAuthIsNeeded() throws Exception {
        // trusts the server (same store) but has no key material of its own
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("server", storeCertificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext noCertificate = SSLContext.getInstance("TLS");
        noCertificate.init(null, tmf.getTrustManagers(), null);
        ServerConfig config = ServerConfig.builder("TLSSCP").bindAddress("127.0.0.1").tls(context, true).build();
        try (TestServer s = new TestServer(config, new MemoryProvider())) {
            assertThrows(IOException.class, () -> DicomClient.connect("127.0.0.1", s.port(),
                    new AssociationRequestSpec("TLSSCP").addContext(UID.VERIFICATION).tls(noCertificate)));
        }
        // without client authentication the same client gets in
        ServerConfig optional = ServerConfig.builder("TLSSCP").bindAddress("127.0.0.1").tls(context, false).build();
        try (TestServer s = new TestServer(optional, new MemoryProvider());
             Association as = DicomClient.connect("127.0.0.1", s.port(),
                     new AssociationRequestSpec("TLSSCP").addContext(UID.VERIFICATION).tls(noCertificate))) {
            as.echo();
        }
    }

    @Test
    void whenClientAuthIsWantedAClientMayComeWithOrWithoutACertificateAndTheProviderSeesWhichOne() throws Exception {
        KeyStore trustOnly = KeyStore.getInstance("PKCS12");
        trustOnly.load(null, null);
        trustOnly.setCertificateEntry("server", storeCertificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustOnly);
        SSLContext noCertificate = SSLContext.getInstance("TLS");
        noCertificate.init(null, tmf.getTrustManagers(), null);
        MemoryProvider p = new MemoryProvider();
        ServerConfig config = ServerConfig.builder("TLSSCP").bindAddress("127.0.0.1").tls(context, false)
                .wantClientAuth(true).build();
        try (TestServer s = new TestServer(config, p)) {
            try (Association as = DicomClient.connect("127.0.0.1", s.port(),
                    new AssociationRequestSpec("TLSSCP").addContext(UID.VERIFICATION).tls(noCertificate))) {
                as.echo();
            }
            assertEquals(null, p.lastAssociation.tlsPeerCertificate(), "no certificate, and still accepted");
            try (Association as = DicomClient.connect("127.0.0.1", s.port(),
                    new AssociationRequestSpec("TLSSCP").addContext(UID.VERIFICATION).tls(context))) {
                as.echo();
            }
            assertEquals(storeCertificate, p.lastAssociation.tlsPeerCertificate(), "the client's own certificate");
        }
    }

    static java.security.cert.Certificate storeCertificate;
}
