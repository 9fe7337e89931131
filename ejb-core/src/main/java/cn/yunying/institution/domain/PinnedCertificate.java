package cn.yunying.institution.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The identity of a TLS client certificate a DICOM node is pinned to: the SHA-256 of its DER encoding (what is
 * compared when the node associates) and its subject (what administrators read).
 */
public record PinnedCertificate(String sha256, String subject) {

    /** Reads one PEM (or DER) X.509 certificate; IllegalArgumentException if it is not one. */
    public static PinnedCertificate fromPem(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate certificate = (X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            return of(certificate);
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 certificate in PEM form", e);
        }
    }

    public static PinnedCertificate of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new PinnedCertificate(HexFormat.of().formatHex(digest),
                    certificate.getSubjectX500Principal().getName());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }
}
