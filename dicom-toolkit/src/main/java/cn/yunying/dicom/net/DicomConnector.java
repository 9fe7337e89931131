package cn.yunying.dicom.net;

import java.io.IOException;

/**
 * Opens {@link DicomConnection}s to remote AEs. In the application server the DICOM resource adapter's connection
 * factory implements it (container-managed and pooled); {@link #direct()} is the plain implementation for tools and
 * tests, one association per connection.
 */
@FunctionalInterface
public interface DicomConnector {

    DicomConnection connect(String host, int port, AssociationRequestSpec spec) throws IOException;

    /** A connector without a pool: each connection is a new association, released when the connection closes. */
    static DicomConnector direct() {
        return (host, port, spec) -> {
            Association association = DicomClient.connect(host, port, spec);
            return new DelegatingConnection() {
                @Override
                protected Association association() {
                    return association;
                }

                @Override
                public void close() {
                    try {
                        association.release();
                    } catch (IOException e) {
                        association.abort();
                    }
                }
            };
        };
    }
}
