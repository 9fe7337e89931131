package cn.yunying.dicom.net;

import java.io.IOException;
import java.net.Socket;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** TLS set-up shared by server and client: TLS 1.2 and 1.3 only (PS3.15 annex B secure transport profiles). */
final class Tls {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private Tls() {
    }

    static String[] protocols(String[] supported) {
        return Arrays.stream(PROTOCOLS).filter(p -> Arrays.asList(supported).contains(p)).toArray(String[]::new);
    }

    static void configure(SSLServerSocket s, boolean needClientAuth, boolean wantClientAuth) {
        s.setEnabledProtocols(protocols(s.getSupportedProtocols()));
        if (needClientAuth) {
            s.setNeedClientAuth(true);
        } else {
            s.setWantClientAuth(wantClientAuth);
        }
    }

    /** Wraps a connected plain socket and completes the handshake, verifying the host name. */
    static SSLSocket client(SSLContext context, Socket plain, String host, int port) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        s.setEnabledProtocols(protocols(s.getSupportedProtocols()));
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }
}
