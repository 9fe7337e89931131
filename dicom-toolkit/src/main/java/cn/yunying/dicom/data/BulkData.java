package cn.yunying.dicom.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A reference to a value that was left in its source instead of being loaded:
 * where it is ({@code uri}, byte {@code offset}, {@code length}) and in which byte
 * order its binary units are. The uri may be null when the source was an anonymous
 * stream; then offset and length still say where the bytes were.
 *
 * @param uri       location of the containing file, e.g. {@code file:/data/x.dcm}; may be null
 * @param offset    byte offset of the value in the source
 * @param length    length of the value in bytes
 * @param bigEndian true if the value's binary units are big endian
 */
public record BulkData(String uri, long offset, long length, boolean bigEndian) {

    /** The reference as one URI: {@code uri#offset=N&length=M} (the form used in DICOM JSON and XML). */
    public String toUriString() {
        return (uri == null ? "" : uri) + "#offset=" + offset + "&length=" + length;
    }

    /** Parses {@link #toUriString()}; a URI without offset/length refers to a whole resource (length -1). */
    public static BulkData fromUriString(String text, boolean bigEndian) {
        int hash = text.lastIndexOf("#offset=");
        if (hash < 0) {
            return new BulkData(text, 0, -1, bigEndian);
        }
        String base = text.substring(0, hash);
        String[] parts = text.substring(hash + 1).split("&");
        long offset = 0;
        long length = -1;
        for (String part : parts) {
            if (part.startsWith("offset=")) {
                offset = Long.parseLong(part.substring(7));
            } else if (part.startsWith("length=")) {
                length = Long.parseLong(part.substring(7));
            }
        }
        return new BulkData(base.isEmpty() ? null : base, offset, length, bigEndian);
    }

    /** True if the bytes can be fetched again through {@link #openStream()}. */
    public boolean isResolvable() {
        return uri != null && uri.startsWith("file:");
    }

    /** Opens the referenced bytes; the caller closes the stream. */
    public InputStream openStream() throws IOException {
        if (!isResolvable()) {
            throw new IOException("bulk data at offset " + offset + " has no resolvable uri: " + uri);
        }
        FileChannel channel = FileChannel.open(Path.of(URI.create(uri)), StandardOpenOption.READ);
        channel.position(offset);
        InputStream raw = Channels.newInputStream(channel);
        return new InputStream() {
            private long remaining = length;

            @Override
            public int read() throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int b = raw.read();
                if (b >= 0) {
                    remaining--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = raw.read(b, off, (int) Math.min(len, remaining));
                if (n > 0) {
                    remaining -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                raw.close();
            }
        };
    }

    /** Loads the bytes (only sensible for values that fit in memory). */
    public byte[] readAllBytes() throws IOException {
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("bulk data too large to load into one array: " + length + " bytes");
        }
        try (InputStream in = openStream()) {
            byte[] b = in.readNBytes((int) length);
            if (b.length != length) {
                throw new IOException("bulk data truncated: expected " + length + " bytes at offset " + offset
                        + " of " + uri + ", got " + b.length);
            }
            return b;
        }
    }
}
