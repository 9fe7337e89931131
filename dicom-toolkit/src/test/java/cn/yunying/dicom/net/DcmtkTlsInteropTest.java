package cn.yunying.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.TestFiles;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.io.DicomFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TLS with DCMTK (OpenSSL) on the other end: echoscu/storescu to our server requiring client
 * certificates, and our SCU to storescp. One self-signed certificate (made by keytool, converted to
 * PEM by openssl for DCMTK) serves both sides.
 */
@Timeout(120)
class DcmtkTlsInteropTest {
    static Path dir;
    static SSLContext context;

    @BeforeAll
    static void keys() throws Exception {
        Dcmtk.require("echoscu", "storescu", "storescp", "openssl");
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "interop")), "tls").toAbsolutePath();
        Path ks = dir.resolve("ks.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "yunying", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        Dcmtk.Result key = Dcmtk.run(dir, "openssl", "pkcs12", "-in", ks.toString(), "-passin", "pass:changeit", "-nodes",
                "-nocerts", "-out", "key.pem");
        assertEquals(0, key.exit(), key.output());
        Dcmtk.Result cert = Dcmtk.run(dir, "openssl", "pkcs12", "-in", ks.toString(), "-passin", "pass:changeit", "-nokeys",
                "-clcerts", "-out", "cert.pem");
        assertEquals(0, cert.exit(), cert.output());
        context = TlsTest.context(ks);
    }

    private static String[] tls() {
        return new String[] {"+tls", dir.resolve("key.pem").toString(), dir.resolve("cert.pem").toString(),
                "+cf", dir.resolve("cert.pem").toString()};
    }

    private static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }

    @Test
    void echoscuAndStorescuOverTlsToOurServer() throws Exception {
        MemoryProvider p = new MemoryProvider();
        ServerConfig config = ServerConfig.builder("TLSSCP").bindAddress("127.0.0.1").tls(context, true).build();
        Path ct = TestFiles.testFile("CT_small.dcm");
        try (TestServer s = new TestServer(config, p)) {
            String port = String.valueOf(s.port());
            Dcmtk.Result echo = Dcmtk.run(dir, concat(new String[] {"echoscu"}, tls(),
                    new String[] {"-aec", "TLSSCP", "127.0.0.1", port}));
            assertEquals(0, echo.exit(), echo.output());
            Dcmtk.Result store = Dcmtk.run(dir, concat(new String[] {"storescu"}, tls(),
                    new String[] {"-aec", "TLSSCP", "127.0.0.1", port, ct.toString()}));
            assertEquals(0, store.exit(), store.output());
        }
        Attributes sent = DicomFiles.read(ct).dataset();
        DataSets.assertSame(sent, p.stored.get(sent.getString(Tag.SOP_INSTANCE_UID)), "CT over TLS");
        assertTrue(p.lastAssociation.tlsPeer() != null, "DCMTK presented its certificate");
    }

    @Test
    void ourStoreOverTlsToStorescp() throws Exception {
        int port = Dcmtk.freePort();
        Path out = Files.createDirectories(dir.resolve("storescp"));
        Process scp = Dcmtk.start(dir, concat(new String[] {"storescp"}, tls(),
                new String[] {"-aet", "STORESCP", "-od", out.toString(), String.valueOf(port)}));
        Path mr = TestFiles.testFile("MR_small.dcm");
        try {
            Dcmtk.awaitPort(port, scp);
            try (Association as = DicomClient.connect("127.0.0.1", port, new AssociationRequestSpec("STORESCP")
                    .addContext(UID.VERIFICATION).addContext(UID.MR_IMAGE_STORAGE).tls(context))) {
                as.echo();
                assertEquals(Status.SUCCESS, as.store(mr));
            }
        } finally {
            scp.destroy();
            scp.waitFor();
        }
        List<Path> got;
        try (Stream<Path> s = Files.list(out)) {
            got = s.toList();
        }
        assertEquals(1, got.size(), got.toString());
        DataSets.assertSame(DicomFiles.read(mr).dataset(), DicomFiles.read(got.get(0)).dataset(), "MR over TLS");
    }
}
