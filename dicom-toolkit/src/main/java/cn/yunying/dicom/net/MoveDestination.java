package cn.yunying.dicom.net;

/** Where a C-MOVE destination AE lives, as the application resolved it. TLS uses the server's SSLContext. */
public record MoveDestination(String host, int port, String aeTitle, boolean tls) {
}
